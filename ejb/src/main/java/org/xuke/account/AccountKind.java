package org.xuke.account;

/** Who holds an account. */
public enum AccountKind {
    ENTERPRISE, OFFICER, SYSTEM, EKEY_PROVIDER
}

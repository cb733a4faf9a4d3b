package org.xuke.account;

/** What an account may do. Enterprise roles act for one company, officer roles for one authority. */
public enum Role {
    ENTERPRISE_OPERATOR,
    ENTERPRISE_ADMIN,
    INITIAL_REVIEWER,
    SECOND_REVIEWER,
    ISSUER,
    AUTHORITY_ADMIN,
    SYSTEM_ADMIN,
    EKEY_PROVIDER
}

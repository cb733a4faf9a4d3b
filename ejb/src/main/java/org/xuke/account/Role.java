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
    EKEY_PROVIDER;

    /** The licence staff: who reads and decides applications and licences (not the e-key provider). */
    public boolean isLicenceStaff() {
        return this == INITIAL_REVIEWER || this == SECOND_REVIEWER || this == ISSUER || this == AUTHORITY_ADMIN
                || this == SYSTEM_ADMIN;
    }
}

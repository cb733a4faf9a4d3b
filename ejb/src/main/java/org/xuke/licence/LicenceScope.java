package org.xuke.licence;

import org.xuke.account.Account;
import org.xuke.account.DataScope;
import org.xuke.account.Role;

/**
 * Who may read a licence: the holder's users within their data scope (本人 / 本部门 / 本公司, by
 * who filed the application), and the licence staff of the issuing authority (system
 * administrators: all). The same rule for one licence and for the lists.
 */
final class LicenceScope {


    private LicenceScope() {
    }

    /** Enterprise users and licence staff read licences; others (e.g. the e-key provider) none. */
    static boolean mayReadLicences(Account caller) {
        if (caller.getEnterpriseId() != null) {
            return true;
        }
        return caller.getRoles().stream().anyMatch(Role::isLicenceStaff)
                && (caller.getAuthorityCode() != null || caller.getDataScope() == DataScope.ALL);
    }

    static boolean covers(Account caller, Licence licence) {
        if (!mayReadLicences(caller)) {
            return false;
        }
        if (caller.getEnterpriseId() != null) {
            if (licence.getEnterpriseId() != caller.getEnterpriseId()) {
                return false;
            }
            return switch (caller.getDataScope()) {
                case SELF -> caller.getUsername().equals(licence.getApplicant());
                case DEPARTMENT -> caller.getDepartment() != null && caller.getDepartment().equals(licence.getDepartment());
                default -> true;
            };
        }
        return caller.getDataScope() == DataScope.ALL || licence.getAuthorityCode().equals(caller.getAuthorityCode());
    }
}

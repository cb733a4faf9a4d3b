package org.xuke.application;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.xuke.audit.AuditEntry;
import org.xuke.audit.AuditLog;
import org.xuke.account.Account;
import org.xuke.account.Callers;
import org.xuke.account.DataScope;
import org.xuke.account.Role;
import org.xuke.platform.DomainRuleException;
import org.xuke.platform.OutOfScopeException;

/**
 * Who may do what to which application, decided from the signed-in caller: enterprise operators
 * on their own company's applications within their data scope (本人 / 本部门 / 本公司), the
 * licence staff of the application's authority (system administrators: all). Anything outside
 * answers as a missing application and is audited. Decisions lock the row and compare the
 * version the user saw.
 */
@Dependent
class ApplicationAccess {


    @PersistenceContext(unitName = "xuke")
    private EntityManager em;

    @Inject
    private Callers callers;

    @Inject
    private AuditLog audit;

    Account operator() {
        Account caller = callers.require();
        if (caller.getEnterpriseId() == null || !caller.hasRole(Role.ENTERPRISE_OPERATOR)) {
            throw new DomainRuleException("access.denied");
        }
        return caller;
    }

    Account officer() {
        return officerOrEnterprise(callers.require(), false);
    }

    /**
     * Applications are read by their enterprise's users and by the licence staff of an authority
     * (system administrators: all); others signed in to the officer portal, such as the e-key
     * provider, are refused.
     */
    Account reader() {
        return officerOrEnterprise(callers.require(), true);
    }

    private static Account officerOrEnterprise(Account caller, boolean enterpriseToo) {
        if (caller.getEnterpriseId() != null) {
            if (enterpriseToo) {
                return caller;
            }
            throw new DomainRuleException("access.denied");
        }
        boolean staff = caller.getRoles().stream().anyMatch(Role::isLicenceStaff);
        if (!staff || caller.getAuthorityCode() == null && caller.getDataScope() != DataScope.ALL) {
            throw new DomainRuleException("access.denied");
        }
        return caller;
    }

    /** What the caller may read: his company's (within his data scope) or his authority's. */
    ExportApplication readable(Account caller, long id) {
        return caller.getEnterpriseId() != null ? own(caller, id) : ofAuthority(caller, id);
    }

    /** The caller's company's application within his data scope; anything else is "not found", audited. */
    ExportApplication own(Account caller, long id) {
        ExportApplication application = em.find(ExportApplication.class, id);
        if (application == null || caller.getEnterpriseId() == null
                || application.getEnterpriseId() != caller.getEnterpriseId() || !inDataScope(caller, application)) {
            refuse(caller, id, application);
        }
        return application;
    }

    ExportApplication ofAuthority(Account caller, long id) {
        ExportApplication application = em.find(ExportApplication.class, id);
        if (application == null || caller.getDataScope() != DataScope.ALL
                && !application.getAuthorityCode().equals(caller.getAuthorityCode())) {
            refuse(caller, id, application);
        }
        return application;
    }

    ExportApplication ownForUpdate(Account caller, long id, long seenVersion) {
        return locked(own(caller, id), seenVersion);
    }

    ExportApplication authorityForUpdate(Account caller, long id, long seenVersion) {
        return locked(ofAuthority(caller, id), seenVersion);
    }

    /** Row lock, then the version the user saw: a decision taken meanwhile is never overwritten. */
    private ExportApplication locked(ExportApplication application, long seenVersion) {
        em.lock(application, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(application);
        if (application.getVersion() != seenVersion) {
            throw new DomainRuleException("application.concurrentChange", label(application));
        }
        return application;
    }

    private void refuse(Account caller, long id, ExportApplication application) {
        if (application != null) {
            audit.record(AuditEntry.of(caller.getUsername(), "ACCESS_DENIED", "export-application", label(application)));
        }
        throw new OutOfScopeException("application.notFound", String.valueOf(id));
    }

    private static boolean inDataScope(Account caller, ExportApplication application) {
        return switch (caller.getDataScope()) {
            case SELF -> caller.getUsername().equals(application.getCreatedBy());
            case DEPARTMENT -> caller.getDepartment() != null
                    && caller.getDepartment().equals(application.getDepartment());
            default -> true;
        };
    }

    static String label(ExportApplication application) {
        return application.getApplicationNumber() != null ? application.getApplicationNumber()
                : "draft-" + application.getId();
    }
}

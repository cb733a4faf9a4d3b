package org.xuke.notification;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Set;
import org.xuke.account.Account;
import org.xuke.account.Role;

/**
 * Who a notice goes to: exactly those who may read the record it is about. An enterprise's record
 * (application, licence, request) is read by its users within their data scope (本人: who filed it;
 * 本部门: his department; 本公司: all), a queue by the officers of the record's authority who hold
 * the role that works it. Disabled accounts get nothing.
 */
@Dependent
class Audience {

    @PersistenceContext(unitName = "xuke")
    private EntityManager em;

    /** The enterprise's users who see a record filed by {@code createdBy} of {@code department}. */
    List<Account> enterprise(long enterpriseId, String createdBy, String department) {
        return em.createQuery("select a from Account a where a.enterpriseId = :e and a.enabled = true order by a.id",
                Account.class).setParameter("e", enterpriseId).getResultList().stream()
                .filter(a -> sees(a, createdBy, department)).toList();
    }

    static boolean sees(Account account, String createdBy, String department) {
        return switch (account.getDataScope()) {
            case SELF -> account.getUsername().equals(createdBy);
            case DEPARTMENT -> account.getDepartment() != null && account.getDepartment().equals(department);
            default -> true;
        };
    }

    /** The officers of {@code authorityCode} holding any of {@code roles}. */
    List<Account> officers(String authorityCode, Set<Role> roles) {
        return em.createQuery("select distinct a from Account a join a.roles r where a.authorityCode = :c"
                + " and a.enterpriseId is null and a.enabled = true and r in :roles order by a.id", Account.class)
                .setParameter("c", authorityCode).setParameter("roles", roles).getResultList();
    }

    /** The e-key provider's staff (they check every authority's requests). */
    List<Account> providers() {
        return em.createQuery("select distinct a from Account a join a.roles r where a.enabled = true"
                + " and r = :role order by a.id", Account.class).setParameter("role", Role.EKEY_PROVIDER)
                .getResultList();
    }

    /** An enterprise's administrators (who file e-key requests) and the account a request names. */
    List<Account> enterpriseAdministrators(long enterpriseId, String alsoUsername) {
        return em.createQuery("select distinct a from Account a left join a.roles r where a.enterpriseId = :e"
                + " and a.enabled = true and (r = :role or a.username = :u) order by a.id", Account.class)
                .setParameter("e", enterpriseId).setParameter("role", Role.ENTERPRISE_ADMIN)
                .setParameter("u", alsoUsername == null ? "" : alsoUsername).getResultList();
    }
}

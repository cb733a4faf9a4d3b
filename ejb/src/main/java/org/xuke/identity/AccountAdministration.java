package org.xuke.identity;

import org.xuke.account.Account;
import org.xuke.account.AccountKind;
import org.xuke.account.Role;
import org.xuke.account.Callers;
import org.xuke.account.AccountService;
import org.xuke.account.PasswordHasher;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.xuke.audit.AuditEntry;
import org.xuke.audit.AuditLog;
import org.xuke.enterprise.Enterprise;
import org.xuke.account.AccountService.CreatedAccount;
import org.xuke.identity.CertificateService.IssuedEkey;
import org.xuke.platform.DomainRuleException;
import org.xuke.platform.LikePattern;
import org.xuke.platform.OutOfScopeException;

/**
 * Account administration as the signed-in caller may do it: a system administrator for every
 * account, an authority administrator for the officers of his authority and the users of the
 * enterprises it serves. An account outside the caller's reach reads like a missing one.
 * Enterprise accounts are made by e-key requests, not here.
 */
@Stateless
public class AccountAdministration {

    private static final Set<Role> OFFICER_ROLES = EnumSet.of(Role.INITIAL_REVIEWER, Role.SECOND_REVIEWER,
            Role.ISSUER, Role.AUTHORITY_ADMIN);

    @PersistenceContext(unitName = "xuke")
    private EntityManager em;

    @Inject
    private Callers callers;

    private static final Map<String, String> SORTABLE = Map.of("username", "a.username", "displayName",
            "a.displayName", "kind", "a.kind", "authorityCode", "a.authorityCode", "lastLoginUtc", "a.lastLoginUtc");

    @Inject
    private AccountService accounts;

    @Inject
    private CertificateService certificates;

    @Inject
    private AuditLog audit;

    @Inject
    private Clock clock;

    private final PasswordHasher hasher = new PasswordHasher();

    /**
     * One page of the accounts the caller administers matching a text, by user name unless sorted by
     * another column (name, kind, authority, last sign-in; never signed in comes last either way).
     */
    public List<Account> findForCaller(String search, int first, int max, String sort, boolean ascending) {
        Account caller = requireAdministrator();
        String direction = ascending ? " asc" : " desc";
        String order = SORTABLE.getOrDefault(sort == null ? "" : sort, "a.username");
        TypedQuery<Account> query = em.createQuery("select a from Account a" + where(caller, search)
                + " order by " + order + direction + (order.equals("a.lastLoginUtc") ? " nulls last" : "")
                + (order.equals("a.username") ? "" : ", a.username"), Account.class);
        bind(query, caller, search);
        return query.setFirstResult(Math.max(0, first)).setMaxResults(Math.max(1, Math.min(max, 200))).getResultList();
    }

    public long countForCaller(String search) {
        Account caller = requireAdministrator();
        TypedQuery<Long> query = em.createQuery("select count(a) from Account a" + where(caller, search), Long.class);
        bind(query, caller, search);
        return query.getSingleResult();
    }

    /** A new officer with a one-time password; an authority administrator only for his own authority. */
    public CreatedAccount createOfficer(String username, String displayName, String authorityCode, Set<Role> roles) {
        Account caller = requireAdministrator();
        String authority = caller.hasRole(Role.SYSTEM_ADMIN) ? authorityCode : caller.getAuthorityCode();
        if (roles == null || roles.isEmpty() || !OFFICER_ROLES.containsAll(roles)) {
            throw new DomainRuleException("account.roles");
        }
        return accounts.createOfficer(caller.getUsername(), upper(username), displayName, authority, roles);
    }

    /** An officer's e-key, made now under the password the administrator chose, to hand over. */
    public IssuedEkey issueOfficerEkey(String username, char[] pkcs12Password) {
        Account caller = requireAdministrator();
        Account officer = inReach(caller, username);
        if (officer.getKind() != AccountKind.OFFICER && officer.getKind() != AccountKind.EKEY_PROVIDER) {
            // enterprise keys come from e-key requests, checked by the authority and the provider
            throw new DomainRuleException("account.ekeyByRequest");
        }
        if (pkcs12Password == null || pkcs12Password.length < 8) {
            throw new DomainRuleException("ekey.pkcs12Password");
        }
        return certificates.issue(caller.getUsername(), officer.getUsername(), pkcs12Password);
    }

    public void unlock(String username) {
        Account caller = requireAdministrator();
        accounts.unlock(caller.getUsername(), inReach(caller, username).getUsername());
    }

    /** A new one-time password, shown once to the administrator; the holder must change it. */
    public char[] resetPassword(String username) {
        Account caller = requireAdministrator();
        Account account = inReach(caller, username);
        char[] oneTime = AccountService.newOneTimePassword();
        account.resetPassword(hasher.hash(oneTime));
        account.unlock();
        audit.record(AuditEntry.of(caller.getUsername(), "PASSWORD_RESET", "account", account.getUsername()));
        return oneTime;
    }

    private Account inReach(Account caller, String username) {
        Account account = accounts.find(upper(username)).orElseThrow(() -> new OutOfScopeException("account.unknown",
                String.valueOf(username)));
        if (!caller.hasRole(Role.SYSTEM_ADMIN) && !serves(caller, account)) {
            audit.record(AuditEntry.of(caller.getUsername(), "ACCESS_DENIED", "account", account.getUsername()));
            throw new OutOfScopeException("account.unknown", account.getUsername());
        }
        return account;
    }

    private boolean serves(Account caller, Account account) {
        if (account.getKind() == AccountKind.OFFICER) {
            return caller.getAuthorityCode().equals(account.getAuthorityCode());
        }
        if (account.getKind() == AccountKind.ENTERPRISE) {
            Enterprise enterprise = em.find(Enterprise.class, account.getEnterpriseId());
            return enterprise != null && caller.getAuthorityCode().equals(enterprise.getAuthorityCode());
        }
        return false;
    }

    private Account requireAdministrator() {
        Account caller = callers.require();
        if (!caller.hasRole(Role.SYSTEM_ADMIN) && !caller.hasRole(Role.AUTHORITY_ADMIN)) {
            throw new DomainRuleException("access.denied");
        }
        return caller;
    }

    private static String where(Account caller, String search) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (!caller.hasRole(Role.SYSTEM_ADMIN)) {
            where.append(" and (a.authorityCode = :authority or a.enterpriseId in "
                    + "(select e.id from Enterprise e where e.authorityCode = :authority))");
        }
        if (search != null && !search.isBlank()) {
            where.append(" and (a.username like :upper or a.displayName like :text)");
        }
        return where.toString();
    }

    private static void bind(TypedQuery<?> query, Account caller, String search) {
        if (!caller.hasRole(Role.SYSTEM_ADMIN)) {
            query.setParameter("authority", caller.getAuthorityCode());
        }
        if (search != null && !search.isBlank()) {
            query.setParameter("text", LikePattern.containing(search));
            query.setParameter("upper", LikePattern.containing(search.toUpperCase(Locale.ROOT)));
        }
    }

    private static String upper(String username) {
        return username == null ? null : username.strip().toUpperCase(Locale.ROOT);
    }

    /** Whether an account is locked now (for lists). */
    public boolean isLocked(Account account) {
        return account.isLocked(clock.instant());
    }
}

package org.xuke.identity;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.xuke.account.Account;
import org.xuke.account.AccountKind;
import org.xuke.account.AccountService;
import org.xuke.account.AccountService.CreatedAccount;
import org.xuke.account.Callers;
import org.xuke.account.PasswordHasher;
import org.xuke.account.Role;
import org.xuke.audit.AuditEntry;
import org.xuke.audit.AuditLog;
import org.xuke.enterprise.Enterprise;
import org.xuke.identity.CertificateService.IssuedEkey;
import org.xuke.platform.DomainRuleException;
import org.xuke.platform.LikePattern;
import org.xuke.platform.OutOfScopeException;
import org.xuke.platform.Page;

/**
 * Account administration as the signed-in caller may do it: a system administrator for every
 * account, an authority administrator for the officers of his authority and the users of the
 * enterprises it serves. An account outside the caller's reach reads like a missing one.
 * Enterprise accounts are made by e-key requests, not here. One administrator never hands out
 * both credentials of another person's account (see {@link #refusedDuty}).
 */
@Stateless
public class AccountAdministration {

    private static final Set<Role> OFFICER_ROLES = EnumSet.of(Role.INITIAL_REVIEWER, Role.SECOND_REVIEWER,
            Role.ISSUER, Role.AUTHORITY_ADMIN);

    @PersistenceContext(unitName = "xuke")
    private EntityManager em;

    @Inject
    private Callers callers;

    private static final Set<String> SORTABLE = Set.of("username", "displayName", "kind", "authorityCode",
            "lastLoginUtc");

    @Inject
    private AccountService accounts;

    @Inject
    private CertificateService certificates;

    @Inject
    private AuditLog audit;

    @Inject
    private Clock clock;

    private final PasswordHasher hasher = new PasswordHasher();

    /** A page of the accounts the caller administers and their number, in one call. */
    public Page<Account> pageForCaller(String search, int first, int max, String sort, boolean ascending) {
        return new Page<>(findForCaller(search, first, max, sort, ascending), countForCaller(search));
    }

    /**
     * One page of the accounts the caller administers matching a text, by user name unless sorted by
     * another column (name, kind, authority, last sign-in; never signed in comes last either way).
     */
    public List<Account> findForCaller(String search, int first, int max, String sort, boolean ascending) {
        Account caller = requireAdministrator();
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Account> q = cb.createQuery(Account.class);
        Root<Account> a = q.from(Account.class);
        String by = sort != null && SORTABLE.contains(sort) ? sort : "username";
        List<Order> order = new ArrayList<>();
        if (by.equals("lastLoginUtc")) {
            // never signed in comes last either way (JPA 3.1 has no NULLS LAST)
            order.add(cb.asc(cb.selectCase().when(cb.isNull(a.get(by)), 1).otherwise(0)));
        }
        order.add(ascending ? cb.asc(a.get(by)) : cb.desc(a.get(by)));
        if (!by.equals("username")) {
            order.add(cb.asc(a.get("username")));
        }
        q.select(a).where(predicates(cb, q, a, caller, search)).orderBy(order);
        return em.createQuery(q).setFirstResult(Math.max(0, first)).setMaxResults(Math.max(1, Math.min(max, 200)))
                .getResultList();
    }

    public long countForCaller(String search) {
        Account caller = requireAdministrator();
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> q = cb.createQuery(Long.class);
        Root<Account> a = q.from(Account.class);
        return em.createQuery(q.select(cb.count(a)).where(predicates(cb, q, a, caller, search))).getSingleResult();
    }

    /** An authority administrator's accounts: his officers and the users of the enterprises his authority serves. */
    private static Predicate[] predicates(CriteriaBuilder cb, CriteriaQuery<?> q, Root<Account> a, Account caller,
            String search) {
        List<Predicate> where = new ArrayList<>();
        if (!caller.hasRole(Role.SYSTEM_ADMIN)) {
            Subquery<Long> served = q.subquery(Long.class);
            Root<Enterprise> e = served.from(Enterprise.class);
            served.select(e.get("id")).where(cb.equal(e.get("authorityCode"), caller.getAuthorityCode()));
            where.add(cb.or(cb.equal(a.get("authorityCode"), caller.getAuthorityCode()),
                    a.get("enterpriseId").in(served)));
        }
        if (search != null && !search.isBlank()) {
            where.add(cb.or(cb.like(a.get("username"), LikePattern.containing(search.toUpperCase(Locale.ROOT)), '\\'),
                    cb.like(a.get("displayName"), LikePattern.containing(search), '\\')));
        }
        return where.toArray(Predicate[]::new);
    }

    /**
     * A new officer with a one-time password; an authority administrator only for his own authority.
     * The system administrator also makes the e-key provider's staff and further system administrators
     * (each of these roles alone).
     */
    public CreatedAccount createOfficer(String username, String displayName, String authorityCode, Set<Role> roles) {
        Account caller = requireAdministrator();
        if (caller.hasRole(Role.SYSTEM_ADMIN) && roles != null && roles.size() == 1
                && (roles.contains(Role.EKEY_PROVIDER) || roles.contains(Role.SYSTEM_ADMIN))) {
            return roles.contains(Role.EKEY_PROVIDER)
                    ? accounts.createEkeyProvider(caller.getUsername(), upper(username), displayName)
                    : accounts.createSystemAdministrator(caller.getUsername(), upper(username), displayName);
        }
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
        if (officer.getKind() == AccountKind.ENTERPRISE) {
            // enterprise keys come from e-key requests, checked by the authority and the provider
            throw new DomainRuleException("account.ekeyByRequest");
        }
        if (pkcs12Password == null || pkcs12Password.length < 8) {
            throw new DomainRuleException("ekey.pkcs12Password");
        }
        if (!officer.equals(caller) && officer.hasOneTimePasswordFrom(caller.getUsername())) {
            if (!caller.hasRole(Role.SYSTEM_ADMIN) || certificates.anotherAdministratorCouldIssueFor(caller, officer)) {
                throw refusedDuty(caller, officer, "EKEY_AFTER_OWN_ONE_TIME_PASSWORD", "account.duties.ekey");
            }
            // a bureau's first administrators: nobody else could make it (the runbook's first steps); audited
            audit.record(AuditEntry.of(caller.getUsername(), "SEPARATION_OF_DUTIES_WAIVED", "account",
                    officer.getUsername()).withDetails("rule=EKEY_AFTER_OWN_ONE_TIME_PASSWORD;"
                            + "reason=no other administrator holds an e-key"));
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
        if (!account.equals(caller) && certificates.hasValidLoginIssuedBy(account, caller.getUsername())) {
            throw refusedDuty(caller, account, "PASSWORD_AFTER_OWN_EKEY", "account.duties.password");
        }
        char[] oneTime = AccountService.newOneTimePassword();
        account.resetPassword(hasher.hash(oneTime), caller.getUsername());
        account.unlock();
        audit.record(AuditEntry.of(caller.getUsername(), "PASSWORD_RESET", "account", account.getUsername()));
        return oneTime;
    }

    /**
     * Separation of duties: an administrator never holds both the e-key file and the password of
     * another person's account, or he could sign in as that person (and, for an officer, act as
     * both reviewers). The second credential comes from another administrator; the refusal is audited.
     */
    private SeparationOfDutiesException refusedDuty(Account caller, Account account, String rule, String key) {
        audit.record(AuditEntry.of(caller.getUsername(), "SEPARATION_OF_DUTIES_REFUSED", "account",
                account.getUsername()).withDetails("rule=" + rule));
        return new SeparationOfDutiesException(key, account.getUsername());
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

    private static String upper(String username) {
        return username == null ? null : username.strip().toUpperCase(Locale.ROOT);
    }

    /** Whether an account is locked now (for lists). */
    public boolean isLocked(Account account) {
        return account.isLocked(clock.instant());
    }
}

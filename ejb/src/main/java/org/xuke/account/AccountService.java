package org.xuke.account;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.xuke.audit.AuditEntry;
import org.xuke.audit.AuditLog;
import org.xuke.platform.DomainRuleException;
import org.xuke.platform.SchemaMigration;

/**
 * Accounts and password login. Every attempt, success or not, is audited; the account row is
 * locked while an attempt is counted, so parallel guesses cannot slip past the lockout.
 */
@Stateless
public class AccountService {

    /** One-time passwords: no 0/O, 1/l/I, so they can be read out and typed without doubt. */
    private static final String ONE_TIME_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Compared against when the user name is unknown, so both cases cost the same time. */
    private static final String DUMMY_HASH = new PasswordHasher().hash("no such account".toCharArray());

    @PersistenceContext(unitName = "xuke")
    private EntityManager em;

    @EJB
    private SchemaMigration schema;

    @Inject
    private AuditLog audit;

    @Inject
    private Clock clock;

    private final PasswordHasher hasher = new PasswordHasher();

    public LoginResult login(String username, char[] password, String sourceAddress) {
        String name = username == null ? "" : username.strip().toUpperCase(java.util.Locale.ROOT);
        Optional<Account> found = findForUpdate(name);
        if (found.isEmpty()) {
            hasher.matches(password, DUMMY_HASH);
            audit.record(AuditEntry.of(name.isEmpty() ? "-" : name, "LOGIN_FAILED", "account", name)
                    .withDetails("unknown account").from(sourceAddress));
            return new LoginResult(LoginOutcome.WRONG_CREDENTIALS, Account.MAX_FAILED_LOGINS);
        }
        Account account = found.get();
        boolean wasLocked = account.isLocked(clock.instant());
        boolean matches = hasher.matches(password, account.getPasswordHash());
        LoginOutcome outcome = account.attemptLogin(matches, clock.instant());
        String action = switch (outcome) {
            case SUCCESS, PASSWORD_CHANGE_REQUIRED -> "LOGIN_SUCCEEDED";
            case WRONG_CREDENTIALS -> "LOGIN_FAILED";
            case LOCKED -> wasLocked ? "LOGIN_REFUSED_LOCKED" : "ACCOUNT_LOCKED";
            case DISABLED -> "LOGIN_REFUSED_DISABLED";
        };
        audit.record(AuditEntry.of(account.getUsername(), action, "account", account.getUsername())
                .withDetails("outcome=" + outcome).from(sourceAddress));
        return new LoginResult(outcome, account.attemptsLeft());
    }

    /** A login refused because of the certificate (missing, unknown, another's, revoked, expired). */
    public void recordRefusedCertificate(String username, String reason, String sourceAddress) {
        audit.record(AuditEntry.of(username == null || username.isBlank() ? "-" : username, "LOGIN_REFUSED_CERTIFICATE",
                "account", username).withDetails("certificate=" + reason).from(sourceAddress));
    }

    /** The holder changes his password; the old one must be right and the new one must meet the policy. */
    public void changePassword(String username, char[] oldPassword, char[] newPassword, String sourceAddress) {
        Account account = findForUpdate(username).orElseThrow(() -> new DomainRuleException("login.wrong"));
        if (!hasher.matches(oldPassword, account.getPasswordHash())) {
            audit.record(AuditEntry.of(account.getUsername(), "PASSWORD_CHANGE_FAILED", "account",
                    account.getUsername()).from(sourceAddress));
            throw new DomainRuleException("password.oldWrong");
        }
        if (Arrays.equals(oldPassword, newPassword)) {
            throw new DomainRuleException("password.same");
        }
        PasswordPolicy.check(newPassword, account.getUsername());
        account.changePassword(hasher.hash(newPassword));
        audit.record(AuditEntry.of(account.getUsername(), "PASSWORD_CHANGED", "account", account.getUsername())
                .from(sourceAddress));
    }

    /** Creates an enterprise user with a one-time password, returned once to be handed over. */
    public CreatedAccount createEnterpriseUser(String actor, String username, String displayName, long enterpriseId,
            String department, DataScope scope, Set<Role> roles) {
        char[] oneTime = oneTimePassword();
        Account account = Account.enterpriseUser(username, displayName, enterpriseId, department, scope, roles,
                hasher.hash(oneTime));
        return persistNew(actor, account, oneTime, "enterprise=" + enterpriseId + ";scope=" + scope + ";roles=" + roles);
    }

    public CreatedAccount createOfficer(String actor, String username, String displayName, String authorityCode,
            Set<Role> roles) {
        char[] oneTime = oneTimePassword();
        Account account = Account.officer(username, displayName, authorityCode, roles, hasher.hash(oneTime));
        return persistNew(actor, account, oneTime, "authority=" + authorityCode + ";roles=" + roles);
    }

    public CreatedAccount createEkeyProvider(String actor, String username, String displayName) {
        char[] oneTime = oneTimePassword();
        return persistNew(actor, Account.ekeyProvider(username, displayName, hasher.hash(oneTime)), oneTime,
                "e-key provider");
    }

    public CreatedAccount createSystemAdministrator(String actor, String username, String displayName) {
        char[] oneTime = oneTimePassword();
        return persistNew(actor, Account.systemAdministrator(username, displayName, hasher.hash(oneTime)), oneTime,
                "system administrator");
    }

    /** Whether any system administrator exists (the operator tool's bootstrap makes only the first). */
    public boolean hasSystemAdministrator() {
        return em.createQuery("select count(a) from Account a join a.roles r where r = :r", Long.class)
                .setParameter("r", Role.SYSTEM_ADMIN).getSingleResult() > 0;
    }

    /** Lifts a lockout (the e-key unlock process, or an administrator). */
    public void unlock(String actor, String username) {
        Account account = findForUpdate(username).orElseThrow(() -> new DomainRuleException("account.unknown", username));
        account.unlock();
        audit.record(AuditEntry.of(actor, "ACCOUNT_UNLOCKED", "account", username));
    }

    public Optional<Account> find(String username) {
        // the roles in the same statement: every boundary call of a request starts here
        return em.createQuery("select a from Account a left join fetch a.roles where a.username = :u", Account.class)
                .setParameter("u", username).getResultStream().findFirst();
    }

    private CreatedAccount persistNew(String actor, Account account, char[] oneTime, String details) {
        if (find(account.getUsername()).isPresent()) {
            throw new DomainRuleException("account.taken", account.getUsername());
        }
        account.oneTimePasswordHandedOutBy(actor);
        em.persist(account);
        audit.record(AuditEntry.of(actor, "ACCOUNT_CREATED", "account", account.getUsername()).withDetails(details));
        return new CreatedAccount(account.getUsername(), oneTime);
    }

    /**
     * The account locked until the transaction ends, read after the lock. Not FOR UPDATE: a decision that
     * writes this user a notice appends to the audit log first and then reads this row for the notice's
     * foreign key, while a sign-in holding the row appends to the audit log after checking the password;
     * with FOR UPDATE the two waited for each other (a deadlock, one of them failed).
     */
    private Optional<Account> findForUpdate(String username) {
        List<?> ids = em.createNativeQuery("select id from account where username = ?1"
                + schema.dialect().forUpdateOfNonKeyColumns()).setParameter(1, username).getResultList();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        Account account = em.find(Account.class, ((Number) ids.get(0)).longValue());
        em.refresh(account);
        return Optional.of(account);
    }

    /** A fresh one-time password (16 unambiguous characters with a digit). */
    public static char[] newOneTimePassword() {
        return oneTimePassword();
    }

    static char[] oneTimePassword() {
        char[] password = new char[16];
        do {
            for (int i = 0; i < password.length; i++) {
                password[i] = ONE_TIME_ALPHABET.charAt(RANDOM.nextInt(ONE_TIME_ALPHABET.length()));
            }
        } while (!new String(password).chars().anyMatch(Character::isDigit));
        return password;
    }

    /** A new account's user name and its one-time password (shown once, never stored in clear). */
    public record CreatedAccount(String username, char[] oneTimePassword) implements java.io.Serializable {
    }
}

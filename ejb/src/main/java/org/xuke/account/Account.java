package org.xuke.account;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.xuke.platform.DomainRuleException;

/**
 * A person's account. The user name is the one the e-key carries (seed 004: capital letters, at
 * most 8). There is never a default password: an account starts with a one-time password that
 * must be changed at first login. Repeated wrong passwords lock it for a while.
 */
@Entity
@Table(name = "account")
public class Account implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Pattern USERNAME = Pattern.compile("[A-Z]{1,8}");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    public static final int MAX_FAILED_LOGINS = 5;
    public static final Duration LOCK_DURATION = Duration.ofMinutes(15);

    @Id
    @SequenceGenerator(name = "account_seq", sequenceName = "account_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_seq")
    private Long id;

    @Version
    private long version;

    @Column(name = "username", nullable = false, updatable = false, length = 32)
    private String username;

    @Column(name = "display_name", nullable = false, length = 100)
    private String displayName;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 20)
    private AccountKind kind;

    @Column(name = "enterprise_id")
    private Long enterpriseId;

    @Column(name = "department", length = 100)
    private String department;

    @Enumerated(EnumType.STRING)
    @Column(name = "data_scope", nullable = false, length = 20)
    private DataScope dataScope;

    @Column(name = "authority_code", length = 40)
    private String authorityCode;

    @Column(name = "password_hash", length = 200)
    private String passwordHash;

    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    /** Who handed out the one-time password still to be changed (null once the holder chose his own). */
    @Column(name = "one_time_password_by", length = 32)
    private String oneTimePasswordBy;

    @Column(name = "failed_logins", nullable = false)
    private int failedLogins;

    @Column(name = "locked_until_utc")
    private LocalDateTime lockedUntilUtc;

    @Column(name = "last_login_utc")
    private LocalDateTime lastLoginUtc;

    /** Where the user wants notices sent (消息设置); nothing is sent to an address he did not give. */
    @Column(name = "email", length = 254)
    private String email;

    @Column(name = "mobile", length = 20)
    private String mobile;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "account_role", joinColumns = @JoinColumn(name = "account_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role", length = 40)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    protected Account() {
        // for JPA
    }

    private Account(String username, String displayName, AccountKind kind, DataScope scope, Set<Role> roles,
            String oneTimePasswordHash) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new DomainRuleException("account.username", String.valueOf(username));
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 100) {
            throw new DomainRuleException("account.displayName");
        }
        if (roles == null || roles.isEmpty()) {
            throw new DomainRuleException("account.roles");
        }
        this.username = username;
        this.displayName = displayName.strip();
        this.kind = kind;
        this.dataScope = scope;
        this.roles = EnumSet.copyOf(roles);
        this.passwordHash = oneTimePasswordHash;
        this.mustChangePassword = true;
        this.enabled = true;
    }

    /** Whether a text is a valid e-key user name (capital letters, at most 8). */
    public static boolean isValidUsername(String username) {
        return username != null && USERNAME.matcher(username).matches();
    }

    /** An enterprise user: operator and/or administrator of one company, seeing self, department or company. */
    public static Account enterpriseUser(String username, String displayName, long enterpriseId, String department,
            DataScope scope, Set<Role> roles, String oneTimePasswordHash) {
        if (scope != DataScope.SELF && scope != DataScope.DEPARTMENT && scope != DataScope.COMPANY) {
            throw new DomainRuleException("account.scope", String.valueOf(scope));
        }
        if (!EnumSet.of(Role.ENTERPRISE_OPERATOR, Role.ENTERPRISE_ADMIN).containsAll(roles)) {
            throw new DomainRuleException("account.roles");
        }
        if (scope == DataScope.DEPARTMENT && (department == null || department.isBlank())) {
            throw new DomainRuleException("account.department");
        }
        Account account = new Account(username, displayName, AccountKind.ENTERPRISE, scope, roles, oneTimePasswordHash);
        account.enterpriseId = enterpriseId;
        account.department = department == null || department.isBlank() ? null : department.strip();
        return account;
    }

    /** An officer of one issuing authority, seeing that authority's jurisdiction. */
    public static Account officer(String username, String displayName, String authorityCode, Set<Role> roles,
            String oneTimePasswordHash) {
        if (!EnumSet.of(Role.INITIAL_REVIEWER, Role.SECOND_REVIEWER, Role.ISSUER, Role.AUTHORITY_ADMIN)
                .containsAll(roles)) {
            throw new DomainRuleException("account.roles");
        }
        if (authorityCode == null || authorityCode.isBlank()) {
            throw new DomainRuleException("account.authority");
        }
        Account account = new Account(username, displayName, AccountKind.OFFICER, DataScope.AUTHORITY, roles,
                oneTimePasswordHash);
        account.authorityCode = authorityCode;
        return account;
    }

    /** Staff of the e-key provider (电子钥匙服务商), who checks requests of every authority (复核). */
    public static Account ekeyProvider(String username, String displayName, String oneTimePasswordHash) {
        return new Account(username, displayName, AccountKind.EKEY_PROVIDER, DataScope.ALL, Set.of(Role.EKEY_PROVIDER),
                oneTimePasswordHash);
    }

    public static Account systemAdministrator(String username, String displayName, String oneTimePasswordHash) {
        return new Account(username, displayName, AccountKind.SYSTEM, DataScope.ALL, Set.of(Role.SYSTEM_ADMIN),
                oneTimePasswordHash);
    }

    /**
     * Records one password attempt at {@code now}: a locked or disabled account refuses even the
     * right password; the fifth wrong one in a row locks the account for {@link #LOCK_DURATION}.
     */
    public LoginOutcome attemptLogin(boolean passwordMatches, Instant now) {
        if (!enabled) {
            return LoginOutcome.DISABLED;
        }
        if (isLocked(now)) {
            return LoginOutcome.LOCKED;
        }
        if (!passwordMatches) {
            failedLogins++;
            if (failedLogins >= MAX_FAILED_LOGINS) {
                failedLogins = 0;
                lockedUntilUtc = utc(now.plus(LOCK_DURATION));
                return LoginOutcome.LOCKED;
            }
            return LoginOutcome.WRONG_CREDENTIALS;
        }
        failedLogins = 0;
        lockedUntilUtc = null;
        lastLoginUtc = utc(now);
        return mustChangePassword ? LoginOutcome.PASSWORD_CHANGE_REQUIRED : LoginOutcome.SUCCESS;
    }

    public boolean isLocked(Instant now) {
        return lockedUntilUtc != null && utc(now).isBefore(lockedUntilUtc);
    }

    /** Wrong attempts left before the account locks. */
    public int attemptsLeft() {
        return MAX_FAILED_LOGINS - failedLogins;
    }

    /** The holder chose a new password (already checked against the policy and hashed). */
    public void changePassword(String newHash) {
        this.passwordHash = newHash;
        this.mustChangePassword = false;
        this.oneTimePasswordBy = null;
    }

    /** An administrator reset the password: a new one-time password, to be changed at next login. */
    public void resetPassword(String oneTimeHash, String administrator) {
        this.passwordHash = oneTimeHash;
        this.mustChangePassword = true;
        this.oneTimePasswordBy = administrator;
        this.failedLogins = 0;
        this.lockedUntilUtc = null;
    }

    public void unlock() {
        this.failedLogins = 0;
        this.lockedUntilUtc = null;
    }

    public void disable() {
        this.enabled = false;
    }

    /**
     * The user's own e-mail address and mobile number for notices, each optional; refused when
     * malformed (a mainland mobile number has 11 digits and starts with 1).
     */
    public void contactBy(String newEmail, String newMobile) {
        String mail = newEmail == null || newEmail.isBlank() ? null : newEmail.strip();
        String phone = newMobile == null || newMobile.isBlank() ? null : newMobile.strip();
        if (mail != null && (mail.length() > 254 || !EMAIL.matcher(mail).matches())) {
            throw new DomainRuleException("account.emailInvalid", mail);
        }
        if (phone != null && !MOBILE.matcher(phone).matches()) {
            throw new DomainRuleException("account.mobileInvalid", phone);
        }
        this.email = mail;
        this.mobile = phone;
    }

    public String getEmail() {
        return email;
    }

    public String getMobile() {
        return mobile;
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public AccountKind getKind() {
        return kind;
    }

    public Long getEnterpriseId() {
        return enterpriseId;
    }

    public String getDepartment() {
        return department;
    }

    public DataScope getDataScope() {
        return dataScope;
    }

    public String getAuthorityCode() {
        return authorityCode;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    /** Whether {@code username} handed out the one-time password this account has not yet changed. */
    public boolean hasOneTimePasswordFrom(String username) {
        return mustChangePassword && username != null && username.equals(oneTimePasswordBy);
    }

    void oneTimePasswordHandedOutBy(String actor) {
        this.oneTimePasswordBy = actor;
    }

    public boolean isMustChangePassword() {
        return mustChangePassword;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Set<Role> getRoles() {
        return Set.copyOf(roles);
    }

    public LocalDateTime getLastLoginUtc() {
        return lastLoginUtc;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Account that && username.equals(that.username);
    }

    @Override
    public int hashCode() {
        return username.hashCode();
    }
}

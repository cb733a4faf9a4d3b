package org.xuke.identity;

import org.xuke.account.Account;
import org.xuke.account.Role;
import org.xuke.account.AccountService;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.KeyPair;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.xuke.audit.AuditEntry;
import org.xuke.audit.AuditLog;
import org.xuke.enterprise.Enterprise;
import org.xuke.catalog.CatalogService;
import org.xuke.catalog.IssuingAuthority;
import org.xuke.enterprise.EnterpriseService;
import org.xuke.platform.DomainRuleException;
import org.xuke.platform.StampedCache;

/**
 * E-key certificates: issuing an account's login and seal certificates, revoking them, the
 * revocation lists, checking a presented login certificate, and sealing with a holder's key.
 */
@Stateless
public class CertificateService {

    /** At most this many valid login certificates (e-keys) per enterprise (M: configurable later). */
    public static final int MAX_VALID_PER_ENTERPRISE = 3;
    static final Duration VALIDITY = Duration.ofDays(2 * 365);

    @PersistenceContext(unitName = "xuke")
    private EntityManager em;

    @Inject
    private CertificateAuthorityProvider authority;

    @Inject
    private AccountService accounts;

    @Inject
    private EnterpriseService enterprises;

    @Inject
    private CatalogService catalogs;

    @Inject
    private AuditLog audit;

    @Inject
    private UnsealedKeys unsealed;

    @Inject
    private StampedCache cache;

    /** Signed revocation lists are reused at most this long (every seal check needs them). */
    static final Duration REMAKE_LISTS_AFTER = Duration.ofDays(1);

    @Inject
    private Clock clock;

    /** What a holder receives once: the login certificate as PKCS#12 under the password he chose. */
    public record IssuedEkey(String username, String loginSerial, String sealSerial, byte[] loginPkcs12)
            implements java.io.Serializable {
    }

    /**
     * Issues a login certificate (ECDSA P-256, for TLS) and a seal certificate (SM2) for an
     * account. The seal key stays on the server, encrypted; the login key leaves once, as PKCS#12.
     */
    public IssuedEkey issue(String actor, String username, char[] pkcs12Password) {
        Account account = accounts.find(username).orElseThrow(() -> new DomainRuleException("account.unknown", username));
        if (account.getEnterpriseId() != null && validLoginCount(account.getEnterpriseId()) >= MAX_VALID_PER_ENTERPRISE) {
            throw new DomainRuleException("certificate.limit", String.valueOf(MAX_VALID_PER_ENTERPRISE));
        }
        DeploymentCa ca = authority.get();
        X500Name subject = subjectOf(account);
        Instant now = clock.instant();
        Instant from = now.minus(Duration.ofMinutes(5));

        KeyPair loginKeys = CertificateIssuer.newKeyPair(KeyKind.EC_P256);
        X509Certificate login = ca.issue(DeploymentCa.TLS_CA, subject, loginKeys.getPublic(), from, now.plus(VALIDITY),
                CertificateIssuer.Purpose.TLS_CLIENT);
        KeyPair sealKeys = CertificateIssuer.newKeyPair(KeyKind.SM2);
        X509Certificate seal = ca.issue(DeploymentCa.SEAL_CA, subject, sealKeys.getPublic(), from, now.plus(VALIDITY),
                CertificateIssuer.Purpose.SEAL);

        List<X509Certificate> chain = new ArrayList<>(List.of(login));
        chain.addAll(ca.chain(DeploymentCa.TLS_CA));
        byte[] pkcs12 = Pkcs12.export(loginKeys.getPrivate(), chain, pkcs12Password);
        em.persist(new EkeyCertificate(account, EkeyCertificate.Purpose.LOGIN, login, actor));
        em.persist(new EkeyCertificate(account, EkeyCertificate.Purpose.SEAL, seal, actor)
                .withSealedKey(ca.sealKey(sealKeys.getPrivate(), authority.secret())));
        audit.record(AuditEntry.of(actor, "CERTIFICATE_ISSUED", "account", username)
                .withDetails("login=" + login.getSerialNumber().toString(16) + ";seal=" + seal.getSerialNumber().toString(16)));
        return new IssuedEkey(username, login.getSerialNumber().toString(16), seal.getSerialNumber().toString(16), pkcs12);
    }

    /** Revokes a certificate; the reason decides whether seals made before stay valid (see Revocation). */
    public void revoke(String actor, String serialHex, int reason) {
        EkeyCertificate certificate = bySerial(serialHex).orElseThrow(
                () -> new DomainRuleException("certificate.unknown", serialHex));
        certificate.revoke(clock.instant(), reason);
        audit.record(AuditEntry.of(actor, "CERTIFICATE_REVOKED", "certificate", serialHex)
                .withDetails("reason=" + reason));
    }

    /** The outcome of checking a certificate presented at login against the account named. */
    public enum LoginCertificateCheck {
        ACCEPTED, UNKNOWN, OTHER_ACCOUNT, REVOKED, EXPIRED
    }

    public LoginCertificateCheck checkLogin(X509Certificate presented, String username) {
        if (presented == null) {
            return LoginCertificateCheck.UNKNOWN;
        }
        var stored = bySerial(presented.getSerialNumber().toString(16))
                .filter(c -> c.getPurpose() == EkeyCertificate.Purpose.LOGIN)
                .filter(c -> c.certificate().equals(presented));
        if (stored.isEmpty()) {
            return LoginCertificateCheck.UNKNOWN;
        }
        Account account = accounts.find(username).orElse(null);
        if (account == null || stored.get().getAccountId() != account.getId()) {
            return LoginCertificateCheck.OTHER_ACCOUNT;
        }
        if (stored.get().getRevokedAtUtc() != null) {
            return LoginCertificateCheck.REVOKED;
        }
        return stored.get().isValidAt(clock.instant()) ? LoginCertificateCheck.ACCEPTED : LoginCertificateCheck.EXPIRED;
    }

    /** The serial (hex) of an account's newest login certificate, for administration screens and tests. */
    public String loginSerialOf(String username) {
        Account account = accounts.find(username).orElseThrow(() -> new DomainRuleException("account.unknown", username));
        return em.createQuery("select c from EkeyCertificate c where c.accountId = :a and c.purpose = :p "
                + "order by c.id desc", EkeyCertificate.class).setParameter("a", account.getId())
                .setParameter("p", EkeyCertificate.Purpose.LOGIN).setMaxResults(1).getResultStream()
                .map(c -> c.getSerial().toString(16)).findFirst()
                .orElseThrow(() -> new DomainRuleException("certificate.unknown", username));
    }

    /** Current revocation lists of the two issuing CAs and the root (valid for 7 days). */
    public List<X509CRL> revocationLists() {
        Object[] state = (Object[]) em.createQuery("select count(c), max(c.revokedAtUtc) from EkeyCertificate c "
                + "where c.revokedAtUtc is not null").getSingleResult();
        // kept while nothing was revoked; remade a day after their issue at the latest (valid for seven)
        return cache.get("revocation-lists", state[0] + "@" + state[1], clock.instant(), REMAKE_LISTS_AFTER,
                () -> List.copyOf(makeRevocationLists()));
    }

    private List<X509CRL> makeRevocationLists() {
        DeploymentCa ca = authority.get();
        Map<EkeyCertificate.Purpose, Map<java.math.BigInteger, CertificateIssuer.Revocation>> revoked = new HashMap<>();
        for (EkeyCertificate c : em.createQuery("select c from EkeyCertificate c where c.revokedAtUtc is not null",
                EkeyCertificate.class).getResultList()) {
            revoked.computeIfAbsent(c.getPurpose(), p -> new HashMap<>()).put(c.getSerial(),
                    new CertificateIssuer.Revocation(c.getRevokedAtUtc().toInstant(java.time.ZoneOffset.UTC),
                            c.getRevocationReason()));
        }
        Instant now = clock.instant();
        Instant next = now.plus(Duration.ofDays(7));
        return List.of(
                CertificateIssuer.revocationList(ca.certificate(DeploymentCa.TLS_CA), ca.privateKey(DeploymentCa.TLS_CA),
                        KeyKind.EC_P256, revoked.getOrDefault(EkeyCertificate.Purpose.LOGIN, Map.of()), now, next),
                CertificateIssuer.revocationList(ca.certificate(DeploymentCa.SEAL_CA), ca.privateKey(DeploymentCa.SEAL_CA),
                        KeyKind.SM2, revoked.getOrDefault(EkeyCertificate.Purpose.SEAL, Map.of()), now, next),
                CertificateIssuer.revocationList(ca.root(), ca.privateKey(DeploymentCa.ROOT), KeyKind.EC_P256, Map.of(),
                        now, next));
    }

    /** Seals a document with the account's valid seal certificate (the caller has authenticated him). */
    public byte[] sealAs(String username, byte[] canonicalDocument) {
        Account account = accounts.find(username).orElseThrow(() -> new DomainRuleException("account.unknown", username));
        Instant now = clock.instant();
        EkeyCertificate seal = em.createQuery("select c from EkeyCertificate c where c.accountId = :a and "
                + "c.purpose = :p and c.revokedAtUtc is null order by c.id desc", EkeyCertificate.class)
                .setParameter("a", account.getId()).setParameter("p", EkeyCertificate.Purpose.SEAL).getResultStream()
                .filter(c -> c.isValidAt(now)).findFirst()
                .orElseThrow(() -> new DomainRuleException("certificate.noSeal", username));
        DeploymentCa ca = authority.get();
        var key = unsealed.get(seal.getSealedKey(), () -> DeploymentCa.unsealKey(seal.getSealedKey(), authority.secret()));
        byte[] cms = new Seals(clock).seal(canonicalDocument, key, KeyKind.SM2,
                List.of(seal.certificate(), ca.certificate(DeploymentCa.SEAL_CA)));
        audit.record(AuditEntry.of(username, "DOCUMENT_SEALED", "certificate", seal.getSerial().toString(16)));
        return cms;
    }

    /** Verifies a seal against the deployment root and the current revocation lists. */
    public SealVerification verifySeal(byte[] canonicalDocument, byte[] seal) {
        return new Seals(clock).verify(canonicalDocument, seal, List.of(authority.get().root()), revocationLists());
    }

    /** Revokes every certificate of an account still in force (an e-key lost, replaced or cancelled). */
    public int revokeAllOf(String actor, String username, int reason) {
        Account account = accounts.find(username).orElseThrow(() -> new DomainRuleException("account.unknown", username));
        List<EkeyCertificate> live = em.createQuery("select c from EkeyCertificate c where c.accountId = :a "
                + "and c.revokedAtUtc is null", EkeyCertificate.class).setParameter("a", account.getId()).getResultList();
        for (EkeyCertificate c : live) {
            c.revoke(clock.instant(), reason);
            audit.record(AuditEntry.of(actor, "CERTIFICATE_REVOKED", "certificate", c.getSerial().toString(16))
                    .withDetails("reason=" + reason + ";account=" + username));
        }
        return live.size();
    }

    /** Whether {@code issuer} made a login e-key of {@code account} that is still valid (he may hold its file). */
    public boolean hasValidLoginIssuedBy(Account account, String issuer) {
        Instant now = clock.instant();
        return em.createQuery("select c from EkeyCertificate c where c.accountId = :a and c.purpose = :p "
                + "and c.issuedBy = :i and c.revokedAtUtc is null", EkeyCertificate.class)
                .setParameter("a", account.getId()).setParameter("p", EkeyCertificate.Purpose.LOGIN)
                .setParameter("i", issuer).getResultStream().anyMatch(c -> c.isValidAt(now));
    }

    /**
     * Whether an administrator other than {@code caller} and {@code account} holds a valid login e-key
     * and could make {@code account}'s: a system administrator, or an authority administrator of its
     * authority. Only a bureau's very first administrators find none (see AccountAdministration).
     */
    public boolean anotherAdministratorCouldIssueFor(Account caller, Account account) {
        Instant now = clock.instant();
        return em.createQuery("select c from EkeyCertificate c, Account a join a.roles r where c.accountId = a.id "
                + "and c.purpose = :p and c.revokedAtUtc is null and a.enabled = true and a.id <> :caller "
                + "and a.id <> :account and (r = :system or (r = :authority and a.authorityCode = :code))",
                EkeyCertificate.class).setParameter("p", EkeyCertificate.Purpose.LOGIN)
                .setParameter("caller", caller.getId()).setParameter("account", account.getId())
                .setParameter("system", Role.SYSTEM_ADMIN).setParameter("authority", Role.AUTHORITY_ADMIN)
                .setParameter("code", account.getAuthorityCode() == null ? "" : account.getAuthorityCode())
                .getResultStream().anyMatch(c -> c.isValidAt(now));
    }

    /** Valid, unrevoked e-keys (login certificates) of an enterprise: at most {@link #MAX_VALID_PER_ENTERPRISE}. */
    public long validLoginCount(long enterpriseId) {
        Instant now = clock.instant();
        return em.createQuery("select c from EkeyCertificate c where c.enterpriseId = :e and c.purpose = :p "
                + "and c.revokedAtUtc is null", EkeyCertificate.class).setParameter("e", enterpriseId)
                .setParameter("p", EkeyCertificate.Purpose.LOGIN).getResultStream().filter(c -> c.isValidAt(now)).count();
    }

    private java.util.Optional<EkeyCertificate> bySerial(String serialHex) {
        return em.createQuery("select c from EkeyCertificate c where c.serialHex = :s", EkeyCertificate.class)
                .setParameter("s", serialHex).getResultStream().findFirst();
    }

    /** CN = user name; O = enterprise name (or authority); SERIALNUMBER = the enterprise's USCC. */
    private X500Name subjectOf(Account account) {
        X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "CN");
        if (account.getEnterpriseId() != null) {
            Enterprise enterprise = enterprises.find(account.getEnterpriseId())
                    .orElseThrow(() -> new DomainRuleException("enterprise.notFound"));
            name.addRDN(BCStyle.O, enterprise.getName()).addRDN(BCStyle.SERIALNUMBER, enterprise.getUscc().value());
        } else if (account.getAuthorityCode() != null) {
            // people read the organisation on every seal check: the authority's name, its code beside it
            IssuingAuthority authority = catalogs.findAuthority(account.getAuthorityCode());
            name.addRDN(BCStyle.O, authority == null ? account.getAuthorityCode() : authority.getNameZh())
                    .addRDN(BCStyle.OU, account.getAuthorityCode());
        }
        return name.addRDN(BCStyle.CN, account.getUsername()).build();
    }
}

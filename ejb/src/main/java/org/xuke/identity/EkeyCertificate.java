package org.xuke.identity;

import org.xuke.account.Account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import org.bouncycastle.asn1.x500.X500Name;
import org.xuke.platform.DomainRuleException;

/**
 * A certificate the deployment CA issued to an account. Valid until it expires or is revoked;
 * a revoked one stays, with time and reason, for the revocation list.
 */
@Entity
@Table(name = "ekey_certificate")
public class EkeyCertificate implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Login certificate (TLS client, ECDSA) or seal certificate (SM2). */
    public enum Purpose {
        LOGIN, SEAL
    }

    @Id
    @SequenceGenerator(name = "ekey_certificate_seq", sequenceName = "ekey_certificate_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ekey_certificate_seq")
    private Long id;

    @Version
    private long version;

    @Column(name = "account_id", nullable = false, updatable = false)
    private long accountId;

    @Column(name = "enterprise_id", updatable = false)
    private Long enterpriseId;

    @Enumerated(EnumType.STRING)
    @Column(name = "purpose", nullable = false, updatable = false, length = 20)
    private Purpose purpose;

    @Column(name = "serial_hex", nullable = false, updatable = false, length = 64)
    private String serialHex;

    @Column(name = "subject", nullable = false, updatable = false, length = 400)
    private String subject;

    @Column(name = "not_before_utc", nullable = false, updatable = false)
    private LocalDateTime notBeforeUtc;

    @Column(name = "not_after_utc", nullable = false, updatable = false)
    private LocalDateTime notAfterUtc;

    @Column(name = "revoked_at_utc")
    private LocalDateTime revokedAtUtc;

    @Column(name = "revocation_reason")
    private Integer revocationReason;

    /** DER, Base64. */
    @Column(name = "encoded", nullable = false, updatable = false, length = 4000)
    private String encoded;

    @Column(name = "sealed_key", updatable = false, length = 4000)
    private String sealedKey;

    /** Who made the key (and so received its file): the administrator, or the e-key process's actor. */
    @Column(name = "issued_by", updatable = false, length = 32)
    private String issuedBy;

    protected EkeyCertificate() {
        // for JPA
    }

    EkeyCertificate(Account account, Purpose purpose, X509Certificate certificate, String issuedBy) {
        this.issuedBy = issuedBy;
        this.accountId = account.getId();
        this.enterpriseId = account.getEnterpriseId();
        this.purpose = purpose;
        this.serialHex = certificate.getSerialNumber().toString(16);
        this.subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()).toString();
        this.notBeforeUtc = utc(certificate.getNotBefore().toInstant());
        this.notAfterUtc = utc(certificate.getNotAfter().toInstant());
        try {
            this.encoded = Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    EkeyCertificate withSealedKey(String encryptedPem) {
        this.sealedKey = encryptedPem;
        return this;
    }

    String getSealedKey() {
        return sealedKey;
    }

    public boolean isValidAt(Instant instant) {
        LocalDateTime at = utc(instant);
        return revokedAtUtc == null && !at.isBefore(notBeforeUtc) && at.isBefore(notAfterUtc);
    }

    public void revoke(Instant at, int reason) {
        if (revokedAtUtc != null) {
            throw new DomainRuleException("certificate.alreadyRevoked", serialHex);
        }
        this.revokedAtUtc = utc(at);
        this.revocationReason = reason;
    }

    public X509Certificate certificate() {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509", Crypto.BC)
                    .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(encoded)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    public Long getId() {
        return id;
    }

    public long getAccountId() {
        return accountId;
    }

    public Long getEnterpriseId() {
        return enterpriseId;
    }

    public Purpose getPurpose() {
        return purpose;
    }

    public BigInteger getSerial() {
        return new BigInteger(serialHex, 16);
    }

    public String getSubject() {
        return subject;
    }

    public LocalDateTime getNotAfterUtc() {
        return notAfterUtc;
    }

    public LocalDateTime getRevokedAtUtc() {
        return revokedAtUtc;
    }

    public Integer getRevocationReason() {
        return revocationReason;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EkeyCertificate that && serialHex.equals(that.serialHex);
    }

    @Override
    public int hashCode() {
        return serialHex.hashCode();
    }
}

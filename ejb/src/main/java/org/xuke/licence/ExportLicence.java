package org.xuke.licence;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * 出口许可证: issued once from an approved application and never edited (a change is a new
 * application). The content is the canonical JSON the issuing authority sealed, kept verbatim so
 * the seal can be checked at any time, by customs as by anyone holding a print.
 */
@Entity
@Table(name = "export_licence")
public class ExportLicence implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @SequenceGenerator(name = "export_licence_seq", sequenceName = "export_licence_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "export_licence_seq")
    private Long id;

    @Column(name = "licence_number", nullable = false, updatable = false, length = 10)
    private String number;

    @Column(name = "application_id", nullable = false, updatable = false)
    private long applicationId;

    @Column(name = "enterprise_id", nullable = false, updatable = false)
    private long enterpriseId;

    @Column(name = "authority_code", nullable = false, updatable = false, length = 40)
    private String authorityCode;

    @Column(name = "licence_year", nullable = false, updatable = false)
    private int year;

    @Column(name = "commodity_code", nullable = false, updatable = false, length = 10)
    private String commodityCode;

    @Column(name = "total_quantity", nullable = false, updatable = false, precision = 18, scale = 5)
    private BigDecimal totalQuantity;

    /** 金额(美元): the sealed content's total in US dollars. */
    @Column(name = "total_usd", updatable = false, precision = 18, scale = 2)
    private BigDecimal totalUsd;

    @Column(name = "validity_end", nullable = false, updatable = false)
    private LocalDate validityEnd;

    @Column(name = "one_batch", nullable = false, updatable = false)
    private boolean oneBatch;

    @Column(name = "issued_by", nullable = false, updatable = false, length = 32)
    private String issuedBy;

    @Column(name = "issued_at_utc", nullable = false, updatable = false)
    private LocalDateTime issuedAtUtc;

    @Column(name = "verification_code", length = 8)
    private String verificationCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private LicenceStatus status = LicenceStatus.ISSUED;

    @Basic(fetch = FetchType.LAZY)
    @Column(name = "content", nullable = false, updatable = false)
    private String content;

    @Basic(fetch = FetchType.LAZY)
    @Column(name = "seal", nullable = false, updatable = false)
    private byte[] seal;

    protected ExportLicence() {
        // for JPA
    }

    public ExportLicence(String number, long applicationId, long enterpriseId, String authorityCode, int year,
            String commodityCode, BigDecimal totalQuantity, BigDecimal totalUsd, LocalDate validityEnd,
            boolean oneBatch, String issuedBy, Instant issuedAt, byte[] canonicalContent, byte[] seal) {
        // lazy attributes first: writing one of them loads the unfetched ones (EclipseLink weaving)
        this.content = new String(canonicalContent, StandardCharsets.UTF_8);
        this.seal = seal.clone();
        this.number = number;
        this.applicationId = applicationId;
        this.enterpriseId = enterpriseId;
        this.authorityCode = authorityCode;
        this.year = year;
        this.commodityCode = commodityCode;
        this.totalQuantity = totalQuantity;
        this.totalUsd = totalUsd;
        this.validityEnd = validityEnd;
        this.oneBatch = oneBatch;
        this.issuedBy = issuedBy;
        this.issuedAtUtc = LocalDateTime.ofInstant(issuedAt, ZoneOffset.UTC);
    }

    /** Letters and digits a reader cannot confuse (no 0/O, 1/I/L). */
    private static final String CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * The short code printed with the QR code: anyone holding the licence can check it on the
     * public page, and nobody can walk the licence numbers without a print in hand. Licences
     * issued before printing existed get theirs when first printed.
     */
    public String verificationCode() {
        if (verificationCode == null) {
            StringBuilder code = new StringBuilder(8);
            for (int i = 0; i < 8; i++) {
                code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
            }
            verificationCode = code.toString();
        }
        return verificationCode;
    }

    /** Whether {@code code} is this licence's verification code (case and spaces forgiven, constant time). */
    public boolean hasVerificationCode(String code) {
        if (verificationCode == null || code == null) {
            return false;
        }
        return java.security.MessageDigest.isEqual(verificationCode.getBytes(StandardCharsets.US_ASCII),
                code.strip().toUpperCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    /** What the public verification page says of the licence on {@code today}. */
    public LicenceStanding standingOn(LocalDate today) {
        return LicenceStanding.of(status, validityEnd, today);
    }

    public LicenceStatus getStatus() {
        return status;
    }

    public byte[] canonicalContent() {
        return content.getBytes(StandardCharsets.UTF_8);
    }

    public String getContent() {
        return content;
    }

    public byte[] getSeal() {
        return seal.clone();
    }

    public Long getId() {
        return id;
    }

    public String getNumber() {
        return number;
    }

    public long getApplicationId() {
        return applicationId;
    }

    public long getEnterpriseId() {
        return enterpriseId;
    }

    public String getAuthorityCode() {
        return authorityCode;
    }

    public int getYear() {
        return year;
    }

    public String getCommodityCode() {
        return commodityCode;
    }

    public BigDecimal getTotalQuantity() {
        return totalQuantity;
    }

    public BigDecimal getTotalUsd() {
        return totalUsd;
    }

    public LocalDate getValidityEnd() {
        return validityEnd;
    }

    public boolean isOneBatch() {
        return oneBatch;
    }

    public String getIssuedBy() {
        return issuedBy;
    }

    public LocalDateTime getIssuedAtUtc() {
        return issuedAtUtc;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ExportLicence that && number.equals(that.number);
    }

    @Override
    public int hashCode() {
        return number.hashCode();
    }
}

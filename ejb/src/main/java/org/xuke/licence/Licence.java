package org.xuke.licence;

import jakarta.persistence.Basic;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.xuke.catalog.LicenceKind;
import org.xuke.platform.DomainRuleException;

/**
 * An issued licence of any kind (export now; dual-use and automatic import later): issued once
 * from an approved application and never edited (a change is a new application). What customs
 * messaging and the reconciliation need is here without knowing the kind: kind (the customs
 * document code), number, holder, authority, validity, one batch or not and the uses allowed,
 * port, goods lines as rows. The sealed canonical content is kept verbatim so the seal can be
 * checked at any time, by customs as by anyone holding a print.
 */
@Entity
@Table(name = "licence")
public class Licence implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @SequenceGenerator(name = "licence_seq", sequenceName = "licence_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "licence_seq")
    private Long id;

    @Column(name = "licence_number", nullable = false, updatable = false, length = 10)
    private String number;

    @Convert(converter = LicenceKindConverter.class)
    @Column(name = "kind", nullable = false, updatable = false, length = 1)
    private LicenceKind kind;

    /** The application it was issued from (a reference: the licence context does not read applications). */
    @Column(name = "application_id", nullable = false, updatable = false)
    private long applicationId;

    @Column(name = "enterprise_id", nullable = false, updatable = false)
    private long enterpriseId;

    /** Who filed the application, and his department: the holder's users see it within their data scope. */
    @Column(name = "applicant", updatable = false, length = 32)
    private String applicant;

    @Column(name = "department", updatable = false, length = 100)
    private String department;

    @Column(name = "authority_code", nullable = false, updatable = false, length = 40)
    private String authorityCode;

    @Column(name = "licence_year", nullable = false, updatable = false)
    private int year;

    @Column(name = "commodity_code", nullable = false, updatable = false, length = 10)
    private String commodityCode;

    @Column(name = "port_code", updatable = false, length = 10)
    private String portCode;

    @Column(name = "total_quantity", nullable = false, updatable = false, precision = 18, scale = 5)
    private BigDecimal totalQuantity;

    /** 金额(美元): the sealed content's total in US dollars. */
    @Column(name = "total_usd", updatable = false, precision = 18, scale = 2)
    private BigDecimal totalUsd;

    @Column(name = "validity_end", nullable = false, updatable = false)
    private LocalDate validityEnd;

    @Column(name = "one_batch", nullable = false, updatable = false)
    private boolean oneBatch;

    /** Declarations customs accepts against it: 1 for one batch, else the kind's limit (12 for export). */
    @Column(name = "uses_allowed", nullable = false, updatable = false)
    private int usesAllowed;

    @Column(name = "issued_by", nullable = false, updatable = false, length = 32)
    private String issuedBy;

    @Column(name = "issued_at_utc", nullable = false, updatable = false)
    private LocalDateTime issuedAtUtc;

    @Column(name = "verification_code", length = 8)
    private String verificationCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private LicenceStatus status = LicenceStatus.ISSUED;

    /** When and by whom it ended (expired, deleted, written off), and the record that ended it. */
    @Column(name = "ended_at_utc")
    private LocalDateTime endedAtUtc;

    @Column(name = "ended_by", length = 32)
    private String endedBy;

    @Column(name = "ended_by_reference", length = 40)
    private String endedByReference;

    @Basic(fetch = FetchType.LAZY)
    @Column(name = "content", nullable = false, updatable = false)
    private String content;

    @Basic(fetch = FetchType.LAZY)
    @Column(name = "seal", nullable = false, updatable = false)
    private byte[] seal;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "licence_line", joinColumns = @JoinColumn(name = "licence_id"))
    @OrderBy("lineNumber")
    private List<LicenceLine> lines = new ArrayList<>();

    protected Licence() {
        // for JPA
    }

    /** A licence issued now from {@code issue}, with its number and the sealed content. */
    Licence(LicenceIssue issue, LicenceNumber number, String issuedBy, Instant issuedAt, byte[] canonicalContent,
            byte[] seal) {
        // lazy attributes first: writing one of them loads the unfetched ones (EclipseLink weaving)
        this.content = new String(canonicalContent, StandardCharsets.UTF_8);
        this.seal = seal.clone();
        this.number = number.value();
        this.kind = issue.kind();
        this.applicationId = issue.source();
        this.enterpriseId = issue.enterpriseId();
        this.applicant = issue.applicant();
        this.department = issue.department();
        this.authorityCode = issue.authorityCode();
        this.year = issue.year();
        this.commodityCode = issue.commodityCode();
        this.portCode = issue.portCode();
        this.totalQuantity = issue.totalQuantity();
        this.totalUsd = issue.totalUsd();
        this.validityEnd = issue.validityEnd();
        this.oneBatch = issue.oneBatch();
        this.usesAllowed = usesAllowed(issue.kind(), issue.oneBatch());
        this.issuedBy = issuedBy;
        this.issuedAtUtc = LocalDateTime.ofInstant(issuedAt, ZoneOffset.UTC);
        this.lines = new ArrayList<>(issue.lines());
        verificationCode();
    }

    /**
     * 一批一证: one declaration. Otherwise (DOMAIN.md) an export licence allows 12 declarations at
     * its port, an automatic import licence 6 (M); the other kinds are one batch until their
     * issues say otherwise.
     */
    public static int usesAllowed(LicenceKind kind, boolean oneBatch) {
        if (oneBatch) {
            return 1;
        }
        return switch (kind) {
            case EXPORT -> 12;
            case AUTOMATIC_IMPORT, AUTOMATIC_IMPORT_MECHANICAL -> 6;
            default -> 1;
        };
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
        return MessageDigest.isEqual(verificationCode.getBytes(StandardCharsets.US_ASCII),
                code.strip().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    /** What the public verification page says of the licence on {@code today}. */
    public LicenceStanding standingOn(LocalDate today) {
        return LicenceStanding.of(status, validityEnd, today);
    }

    /**
     * Ends the licence: expired (only an issued licence past its validity end), deleted or written off
     * (an issued or expired one), returned on a change (a valid one). Anything else is refused, so that two decisions cannot both end it.
     */
    void end(LicenceStatus to, LocalDate today, String by, Instant at, String reference) {
        boolean allowed = switch (to) {
            case EXPIRED -> status == LicenceStatus.ISSUED && today.isAfter(validityEnd);
            case DELETED, WRITTEN_OFF -> status == LicenceStatus.ISSUED || status == LicenceStatus.EXPIRED;
            case RETURNED -> status == LicenceStatus.ISSUED && !today.isAfter(validityEnd);
            case ISSUED -> false;
        };
        if (!allowed) {
            throw new DomainRuleException("licence.cannotEnd", number, status.name(), to.name());
        }
        status = to;
        endedAtUtc = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
        endedBy = by;
        endedByReference = reference;
    }

    public LocalDateTime getEndedAtUtc() {
        return endedAtUtc;
    }

    public String getEndedBy() {
        return endedBy;
    }

    public String getEndedByReference() {
        return endedByReference;
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

    public LicenceKind getKind() {
        return kind;
    }

    public long getApplicationId() {
        return applicationId;
    }

    public long getEnterpriseId() {
        return enterpriseId;
    }

    public String getApplicant() {
        return applicant;
    }

    public String getDepartment() {
        return department;
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

    public String getPortCode() {
        return portCode;
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

    public int getUsesAllowed() {
        return usesAllowed;
    }

    public List<LicenceLine> getLines() {
        return List.copyOf(lines);
    }

    public String getIssuedBy() {
        return issuedBy;
    }

    public LocalDateTime getIssuedAtUtc() {
        return issuedAtUtc;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Licence that && number.equals(that.number);
    }

    @Override
    public int hashCode() {
        return number.hashCode();
    }
}

package org.xuke.identity.ekey;

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
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.xuke.enterprise.EnterpriseDetails;
import org.xuke.enterprise.UnifiedSocialCreditCode;
import org.xuke.account.Account;
import org.xuke.account.Role;
import org.xuke.platform.DomainRuleException;

/**
 * An e-key request (seed 004) of one enterprise: what is asked, where it stands, and every step
 * taken on it. The steps follow {@link EkeyTransition}; nothing else changes the state.
 */
@Entity
@Table(name = "ekey_request")
public class EkeyRequest implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Pattern NUMBER = Pattern.compile("EK\\d{4}\\d{6}");
    private static final Set<EkeyRequestType> NEW_USER = EnumSet.of(EkeyRequestType.FIRST_APPLICATION,
            EkeyRequestType.ADDITIONAL);
    private static final Set<EkeyRequestType> REASON_REQUIRED = EnumSet.of(EkeyRequestType.REISSUE,
            EkeyRequestType.ADDITIONAL, EkeyRequestType.REVOCATION);

    @Id
    @SequenceGenerator(name = "ekey_request_seq", sequenceName = "ekey_request_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ekey_request_seq")
    private Long id;

    @Version
    private long version;

    /** 申请编号, e.g. EK2026000001 */
    @Column(name = "request_number", nullable = false, updatable = false, length = 20)
    private String number;

    @Enumerated(EnumType.STRING)
    @Column(name = "request_type", nullable = false, updatable = false, length = 30)
    private EkeyRequestType type;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 20)
    private EkeyRequestState state;

    @Column(name = "enterprise_id", nullable = false, updatable = false)
    private long enterpriseId;

    /** The user name of the key: a new one (first application, additional key) or the holder's. */
    @Column(name = "username", nullable = false, updatable = false, length = 32)
    private String username;

    @Column(name = "reason", updatable = false, length = 500)
    private String reason;

    /** Information change: the enterprise's new 18-character code. */
    @Column(name = "new_uscc", updatable = false, length = 18)
    private String newUscc;

    @Column(name = "created_by", nullable = false, updatable = false, length = 32)
    private String createdBy;

    @Column(name = "created_at_utc", nullable = false, updatable = false)
    private LocalDateTime createdAtUtc;

    /** SHA-256 of the access code given once to the applicant (random, so no slow hash is needed). */
    @Column(name = "access_code_hash", length = 64)
    private String accessCodeHash;

    /** 经办人: the person the authority calls about the request. */
    @Column(name = "applicant_name", length = 100)
    private String applicantName;

    @Column(name = "applicant_phone", length = 40)
    private String applicantPhone;

    /** When the resulting e-key was downloaded; it is downloadable once. */
    @Column(name = "collected_at_utc")
    private LocalDateTime collectedAtUtc;

    @Column(name = "certificate_serial", length = 64)
    private String certificateSerial;

    /** First application: the company as the applicant typed it (his form prints this, never the record). */
    @Column(name = "typed_name", updatable = false, length = 200)
    private String typedName;

    @Column(name = "typed_enterprise_code", updatable = false, length = 13)
    private String typedEnterpriseCode;

    @Column(name = "typed_address", updatable = false, length = 400)
    private String typedAddress;

    @Column(name = "typed_contact_name", updatable = false, length = 100)
    private String typedContactName;

    @Column(name = "typed_contact_phone", updatable = false, length = 40)
    private String typedContactPhone;

    @Column(name = "typed_filing_number", updatable = false, length = 40)
    private String typedFilingNumber;

    /** First application: the issuing authority the applicant chose. */
    @Column(name = "typed_authority_code", updatable = false, length = 40)
    private String typedAuthorityCode;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "ekey_request_step", joinColumns = @JoinColumn(name = "request_id"))
    @OrderColumn(name = "step_no")
    private List<EkeyRequestStep> steps = new ArrayList<>();

    protected EkeyRequest() {
        // for JPA
    }

    public EkeyRequest(String number, EkeyRequestType type, long enterpriseId, String username, String reason,
            String newUscc, String createdBy, Instant now) {
        if (number == null || !NUMBER.matcher(number).matches()) {
            throw new IllegalArgumentException("Request numbers look like EK2026000001: " + number);
        }
        if (!Account.isValidUsername(username)) {
            throw new DomainRuleException("account.username", String.valueOf(username));
        }
        String trimmedReason = reason == null || reason.isBlank() ? null : reason.strip();
        if (REASON_REQUIRED.contains(type) && trimmedReason == null) {
            throw new DomainRuleException("ekey.reasonRequired");
        }
        if (trimmedReason != null && trimmedReason.length() > 500) {
            throw new DomainRuleException("ekey.reasonTooLong", "500");
        }
        if (type == EkeyRequestType.INFORMATION_CHANGE) {
            this.newUscc = UnifiedSocialCreditCode.parse(newUscc).value();
        }
        this.number = number;
        this.type = type;
        this.state = EkeyRequestState.DRAFT;
        this.enterpriseId = enterpriseId;
        this.username = username;
        this.reason = trimmedReason;
        this.createdBy = createdBy;
        this.createdAtUtc = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
    }

    /** Who to contact (经办人) and the hash of the access code the applicant tracks the request with. */
    public EkeyRequest withApplicant(String name, String phone, String accessCode) {
        String person = name == null ? "" : name.strip();
        if (person.isEmpty() || person.length() > 100) {
            throw new DomainRuleException("ekey.applicantName");
        }
        String tel = phone == null ? "" : phone.strip();
        if (!tel.matches("[0-9+\\- ]{5,40}")) {
            throw new DomainRuleException("ekey.applicantPhone");
        }
        this.applicantName = person;
        this.applicantPhone = tel;
        this.accessCodeHash = EkeyScan.sha256(accessCode.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return this;
    }

    /** First application: keeps what the applicant typed about the company (already checked by the record). */
    public EkeyRequest withTypedEnterprise(String authorityCode, EnterpriseDetails details) {
        this.typedAuthorityCode = blankToNull(authorityCode);
        this.typedName = details.name() == null ? null : details.name().strip();
        this.typedEnterpriseCode = blankToNull(details.enterpriseCode());
        this.typedAddress = blankToNull(details.address());
        this.typedContactName = blankToNull(details.contactName());
        this.typedContactPhone = blankToNull(details.contactPhone());
        this.typedFilingNumber = blankToNull(details.filingNumber());
        return this;
    }

    /** What the first applicant typed about the company; empty details for the other request types. */
    public EnterpriseDetails typedEnterprise() {
        return new EnterpriseDetails(typedName, typedEnterpriseCode, typedAddress, typedContactName,
                typedContactPhone, typedFilingNumber);
    }

    public String getTypedAuthorityCode() {
        return typedAuthorityCode;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /**
     * Whether the request was left alone too long: a draft after {@link #DRAFT_DAYS} days, a
     * request returned to the applicant {@link #RETURNED_DAYS} days after the refusal. Such a
     * request blocks nothing meanwhile; the nightly sweep withdraws it.
     */
    public boolean isStaleAt(Instant now) {
        LocalDateTime since = steps.isEmpty() ? createdAtUtc : steps.get(steps.size() - 1).getAtUtc();
        long days = switch (state) {
            case DRAFT -> DRAFT_DAYS;
            case PRECHECK_FAILED, PROVIDER_FAILED -> RETURNED_DAYS;
            default -> -1;
        };
        return days >= 0 && !LocalDateTime.ofInstant(now, ZoneOffset.UTC).isBefore(since.plusDays(days));
    }

    /** Days a draft waits to be submitted, and a returned request to be corrected, before it expires. */
    public static final int DRAFT_DAYS = 7;
    public static final int RETURNED_DAYS = 30;

    /** Whether a presented access code is this request's (constant time). */
    public boolean acceptsAccessCode(String accessCode) {
        if (accessCodeHash == null || accessCode == null) {
            return false;
        }
        byte[] presented = EkeyScan.sha256(accessCode.strip().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return java.security.MessageDigest.isEqual(presented,
                accessCodeHash.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    /** Scans may be added or replaced until the request is submitted, and again after a refusal. */
    public boolean acceptsScans() {
        return state == EkeyRequestState.DRAFT || state == EkeyRequestState.PRECHECK_FAILED
                || state == EkeyRequestState.PROVIDER_FAILED;
    }

    /** The resulting e-key can be downloaded once, after both checks passed. */
    public boolean isCollectable() {
        return type.issuesKey() && state == EkeyRequestState.COMPLETED && collectedAtUtc == null;
    }

    public void markCollected(String serial, Instant now) {
        if (!isCollectable()) {
            throw new DomainRuleException(collectedAtUtc != null ? "ekey.collected" : "ekey.notReady");
        }
        this.certificateSerial = serial;
        this.collectedAtUtc = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
    }

    /** Whether the request creates a new user name (so the name must be free) rather than acting on a key. */
    public boolean createsUser() {
        return NEW_USER.contains(type);
    }

    /**
     * Takes one step: refused when the request is not in a state the step starts from, when the
     * actor lacks the step's role, or when a refusal comes without an opinion.
     */
    public EkeyRequestStep apply(EkeyTransition transition, String actor, Set<Role> roles, String opinion,
            Instant now) {
        if (!transition.allowedFrom(state)) {
            throw new DomainRuleException("ekey.wrongState", state.name(), transition.name());
        }
        if (roles == null || !roles.contains(transition.role())) {
            throw new DomainRuleException("ekey.wrongRole", transition.name());
        }
        String text = opinion == null || opinion.isBlank() ? null : opinion.strip();
        if (transition.opinionRequired() && text == null) {
            throw new DomainRuleException("ekey.opinionRequired");
        }
        if (text != null && text.length() > 1000) {
            throw new DomainRuleException("ekey.opinionTooLong", "1000");
        }
        EkeyRequestStep step = new EkeyRequestStep(actor, LocalDateTime.ofInstant(now, ZoneOffset.UTC), state,
                transition.to(), text);
        steps.add(step);
        state = transition.to();
        return step;
    }

    /** The opinion of the latest refusal, to show the enterprise what to correct (备注批语). */
    public String latestOpinion() {
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (steps.get(i).getOpinion() != null) {
                return steps.get(i).getOpinion();
            }
        }
        return null;
    }

    public Long getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    public String getNumber() {
        return number;
    }

    public EkeyRequestType getType() {
        return type;
    }

    public EkeyRequestState getState() {
        return state;
    }

    public long getEnterpriseId() {
        return enterpriseId;
    }

    public String getUsername() {
        return username;
    }

    public String getReason() {
        return reason;
    }

    public String getNewUscc() {
        return newUscc;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public String getApplicantName() {
        return applicantName;
    }

    public String getApplicantPhone() {
        return applicantPhone;
    }

    public LocalDateTime getCreatedAtUtc() {
        return createdAtUtc;
    }

    public LocalDateTime getCollectedAtUtc() {
        return collectedAtUtc;
    }

    public String getCertificateSerial() {
        return certificateSerial;
    }

    public List<EkeyRequestStep> getSteps() {
        return Collections.unmodifiableList(steps);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EkeyRequest that && number.equals(that.number);
    }

    @Override
    public int hashCode() {
        return number.hashCode();
    }
}

package org.xuke.closure;

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
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.xuke.platform.DomainRuleException;

/**
 * An enterprise's request to delete (删证) or write off (核销) one of its licences: the licence is
 * named by number and copied in (holder, authority, issue date) so that the lists filter without
 * reading licences; a write-off carries the reason and the quantity used per line. The enterprise
 * holds it while it is a draft or returned; the authority decides it once.
 */
@Entity
@Table(name = "closure_request")
public class ClosureRequest implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final int REASON_MAX = 500;
    public static final int OPINION_MAX = 1000;

    @Id
    @SequenceGenerator(name = "closure_request_seq", sequenceName = "closure_request_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "closure_request_seq")
    private Long id;

    @Version
    private long version;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, updatable = false, length = 10)
    private ClosureKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 10)
    private ClosureState state = ClosureState.DRAFT;

    @Column(name = "licence_id", nullable = false)
    private long licenceId;

    @Column(name = "licence_number", nullable = false, length = 10)
    private String licenceNumber;

    @Column(name = "enterprise_id", nullable = false, updatable = false)
    private long enterpriseId;

    @Column(name = "authority_code", nullable = false, length = 40)
    private String authorityCode;

    @Column(name = "licence_issued_at_utc", nullable = false)
    private LocalDateTime licenceIssuedAtUtc;

    @Column(name = "created_by", nullable = false, updatable = false, length = 32)
    private String createdBy;

    @Column(name = "department", updatable = false, length = 100)
    private String department;

    @Column(name = "reason", length = REASON_MAX)
    private String reason;

    @Column(name = "created_at_utc", nullable = false, updatable = false)
    private LocalDateTime createdAtUtc;

    @Column(name = "submitted_at_utc")
    private LocalDateTime submittedAtUtc;

    @Column(name = "decided_by", length = 32)
    private String decidedBy;

    @Column(name = "decided_at_utc")
    private LocalDateTime decidedAtUtc;

    @Column(name = "opinion", length = OPINION_MAX)
    private String opinion;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "closure_request_line", joinColumns = @JoinColumn(name = "request_id"))
    private List<ClosureLine> lines = new ArrayList<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "closure_request_step", joinColumns = @JoinColumn(name = "request_id"))
    @OrderColumn(name = "step_no")
    private List<ClosureStep> steps = new ArrayList<>();

    protected ClosureRequest() {
        // for JPA
    }

    ClosureRequest(ClosureKind kind, long enterpriseId, String createdBy, String department, Instant at) {
        this.kind = kind;
        this.enterpriseId = enterpriseId;
        this.createdBy = createdBy;
        this.department = department;
        this.createdAtUtc = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    /** 保存: the licence read in, the reason and quantities as typed; only while the enterprise holds it. */
    void fill(long licenceId, String number, String authorityCode, LocalDateTime issuedAtUtc, String reason,
            Map<Integer, BigDecimal> quantities, String actor, Instant at) {
        requireWithEnterprise();
        this.licenceId = licenceId;
        this.licenceNumber = number;
        this.authorityCode = authorityCode;
        this.licenceIssuedAtUtc = issuedAtUtc;
        this.reason = reason;
        lines.clear();
        new TreeMap<>(quantities).forEach((line, quantity) -> lines.add(new ClosureLine(line, quantity)));
        step(actor, at, state, state, null);
    }

    /** 上报: to the authority. */
    void submit(String actor, Instant at) {
        requireWithEnterprise();
        ClosureState from = state;
        state = ClosureState.PENDING;
        submittedAtUtc = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
        decidedBy = null;
        decidedAtUtc = null;
        step(actor, at, from, state, null);
    }

    /** 审核通过 or 退回 (the latter with an opinion): the authority's one decision on a pending request. */
    void decide(boolean approve, String actor, String opinion, Instant at) {
        if (state != ClosureState.PENDING) {
            throw new DomainRuleException("closure.notPending", licenceNumber, state.name());
        }
        if (!approve && (opinion == null || opinion.isBlank())) {
            throw new DomainRuleException("closure.opinionRequired");
        }
        state = approve ? ClosureState.APPROVED : ClosureState.RETURNED;
        decidedBy = actor;
        decidedAtUtc = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
        this.opinion = opinion == null || opinion.isBlank() ? null : opinion.strip();
        step(actor, at, ClosureState.PENDING, state, this.opinion);
    }

    void requireWithEnterprise() {
        if (!state.isWithEnterprise()) {
            throw new DomainRuleException("closure.notWithEnterprise", licenceNumber, state.name());
        }
    }

    private void step(String actor, Instant at, ClosureState from, ClosureState to, String opinion) {
        steps.add(new ClosureStep(actor, LocalDateTime.ofInstant(at, ZoneOffset.UTC), from, to, opinion));
    }

    /** The stated quantities by line. */
    public Map<Integer, BigDecimal> quantities() {
        Map<Integer, BigDecimal> by = new TreeMap<>();
        lines.forEach(l -> by.put(l.getLineNumber(), l.getQuantity()));
        return by;
    }

    /** What the lists show as its name: the kind and licence number. */
    public String label() {
        return kind.name().toLowerCase(Locale.ROOT) + "-" + (licenceNumber == null ? id : licenceNumber);
    }

    public Long getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    public ClosureKind getKind() {
        return kind;
    }

    public ClosureState getState() {
        return state;
    }

    public long getLicenceId() {
        return licenceId;
    }

    public String getLicenceNumber() {
        return licenceNumber;
    }

    public long getEnterpriseId() {
        return enterpriseId;
    }

    public String getAuthorityCode() {
        return authorityCode;
    }

    public LocalDateTime getLicenceIssuedAtUtc() {
        return licenceIssuedAtUtc;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public String getDepartment() {
        return department;
    }

    public String getReason() {
        return reason;
    }

    public LocalDateTime getCreatedAtUtc() {
        return createdAtUtc;
    }

    public LocalDateTime getSubmittedAtUtc() {
        return submittedAtUtc;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public LocalDateTime getDecidedAtUtc() {
        return decidedAtUtc;
    }

    public String getOpinion() {
        return opinion;
    }

    public List<ClosureLine> getLines() {
        return Collections.unmodifiableList(lines);
    }

    public List<ClosureStep> getSteps() {
        return Collections.unmodifiableList(steps);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClosureRequest that && id != null && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return id == null ? 0 : id.hashCode();
    }
}

package org.xuke.reconciliation;

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
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.xuke.platform.DomainRuleException;

/**
 * One finding of the reconciliation, kept once per business date, licence, type, declaration and
 * line (a re-run finds it again and changes nothing), and the officer's handling of it:
 * acknowledged, annotated or escalated, each audited by the boundary.
 */
@Entity
@Table(name = "reconciliation_anomaly")
public class ReconciliationAnomaly implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * The declaration number of a finding that names none: part of the natural key, so not null, and not ''
     * (which Oracle stores as null).
     */
    public static final String NO_DECLARATION = "-";

    public static final int NOTE_MAX = 1000;

    /** Where the officer's handling stands. */
    public enum State { OPEN, ACKNOWLEDGED, ESCALATED }

    @Id
    @SequenceGenerator(name = "reconciliation_anomaly_seq", sequenceName = "reconciliation_anomaly_seq",
            allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "reconciliation_anomaly_seq")
    private Long id;

    @Version
    private long version;

    @Column(name = "business_date", nullable = false, updatable = false)
    private LocalDate businessDate;

    @Column(name = "licence_number", nullable = false, updatable = false, length = 10)
    private String licenceNumber;

    @Column(name = "authority_code", nullable = false, updatable = false, length = 40)
    private String authorityCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "anomaly_type", nullable = false, updatable = false, length = 20)
    private AnomalyType type;

    @Column(name = "declaration_number", nullable = false, updatable = false, length = 18)
    private String declarationNumber;

    @Column(name = "line_number", nullable = false, updatable = false)
    private int lineNumber;

    @Column(name = "evidence", nullable = false, length = 500)
    private String evidence;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 12)
    private State state = State.OPEN;

    @Column(name = "note", length = NOTE_MAX)
    private String note;

    @Column(name = "handled_by", length = 32)
    private String handledBy;

    @Column(name = "handled_at_utc")
    private LocalDateTime handledAtUtc;

    protected ReconciliationAnomaly() {
        // for JPA
    }

    ReconciliationAnomaly(LocalDate businessDate, String licenceNumber, String authorityCode, AnomalyType type,
            String declarationNumber, Integer lineNumber, String evidence) {
        this.businessDate = businessDate;
        this.licenceNumber = licenceNumber;
        this.authorityCode = authorityCode;
        this.type = type;
        this.declarationNumber = declarationNumber == null ? NO_DECLARATION : declarationNumber;
        this.lineNumber = lineNumber == null ? 0 : lineNumber;
        this.evidence = evidence.length() > 500 ? evidence.substring(0, 500) : evidence;
    }

    /** 确认 / 批注 / 上报: the officer's step, with his note (required to annotate or escalate). */
    void handle(State to, String note, String by, Instant at) {
        if (to == State.OPEN) {
            throw new DomainRuleException("reconciliation.wrongStep");
        }
        String said = note == null || note.isBlank() ? null : note.strip();
        if (said == null && to == State.ESCALATED) {
            throw new DomainRuleException("reconciliation.noteRequired");
        }
        if (said != null && said.length() > NOTE_MAX) {
            throw new DomainRuleException("reconciliation.noteTooLong", String.valueOf(NOTE_MAX));
        }
        state = to;
        if (said != null) {
            this.note = said;
        }
        handledBy = by;
        handledAtUtc = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    /** 批注 alone: the officer's note on the anomaly, its state unchanged (every note stays in the audit log). */
    void annotate(String note, String by, Instant at) {
        String said = note == null || note.isBlank() ? null : note.strip();
        if (said == null) {
            throw new DomainRuleException("reconciliation.noteMissing");
        }
        if (said.length() > NOTE_MAX) {
            throw new DomainRuleException("reconciliation.noteTooLong", String.valueOf(NOTE_MAX));
        }
        this.note = said;
        handledBy = by;
        handledAtUtc = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    public Long getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    public LocalDate getBusinessDate() {
        return businessDate;
    }

    public String getLicenceNumber() {
        return licenceNumber;
    }

    public String getAuthorityCode() {
        return authorityCode;
    }

    public AnomalyType getType() {
        return type;
    }

    /** The declaration the finding names; empty where it names none (kept as {@link #NO_DECLARATION}, a key part). */
    public String getDeclarationNumber() {
        return NO_DECLARATION.equals(declarationNumber) ? "" : declarationNumber;
    }

    public int getLineNumber() {
        return lineNumber;
    }

    public String getEvidence() {
        return evidence;
    }

    public State getState() {
        return state;
    }

    public String getNote() {
        return note;
    }

    public String getHandledBy() {
        return handledBy;
    }

    public LocalDateTime getHandledAtUtc() {
        return handledAtUtc;
    }
}

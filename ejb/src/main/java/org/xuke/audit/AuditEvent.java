package org.xuke.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One recorded decision or security event. Immutable: no setters, and PostgreSQL refuses
 * UPDATE and DELETE on the table. Its hash links it to the event before it.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @SequenceGenerator(name = "audit_event_seq", sequenceName = "audit_event_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_event_seq")
    private Long id;

    @Column(name = "chain_position", nullable = false, updatable = false)
    private long position;

    @Column(name = "occurred_at_utc", nullable = false, updatable = false)
    private LocalDateTime occurredAtUtc;

    @Column(name = "actor", nullable = false, updatable = false, length = 100)
    private String actor;

    @Column(name = "action", nullable = false, updatable = false, length = 60)
    private String action;

    @Column(name = "subject_type", updatable = false, length = 60)
    private String subjectType;

    @Column(name = "subject_id", updatable = false, length = 100)
    private String subjectId;

    @Column(name = "details", updatable = false, length = 4000)
    private String details;

    @Column(name = "source_address", updatable = false, length = 64)
    private String sourceAddress;

    @Column(name = "previous_hash", nullable = false, updatable = false, length = 64)
    private String previousHash;

    @Column(name = "hash", nullable = false, updatable = false, length = 64)
    private String hash;

    protected AuditEvent() {
        // for JPA
    }

    AuditEvent(long position, LocalDateTime occurredAtUtc, AuditEntry entry, String previousHash) {
        this.position = position;
        this.occurredAtUtc = Objects.requireNonNull(occurredAtUtc);
        this.actor = entry.actor();
        this.action = entry.action();
        this.subjectType = entry.subjectType();
        this.subjectId = entry.subjectId();
        this.details = entry.details();
        this.sourceAddress = entry.sourceAddress();
        this.previousHash = previousHash;
        this.hash = computeHash();
    }

    /** The hash this row should have, from its own fields and its stored previous hash. */
    String computeHash() {
        return HashChain.link(previousHash, position, occurredAtUtc, actor, action, subjectType, subjectId, details,
                sourceAddress);
    }

    public Long getId() {
        return id;
    }

    public long getPosition() {
        return position;
    }

    public LocalDateTime getOccurredAtUtc() {
        return occurredAtUtc;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public String getSubjectType() {
        return subjectType;
    }

    public String getSubjectId() {
        return subjectId;
    }

    public String getDetails() {
        return details;
    }

    public String getSourceAddress() {
        return sourceAddress;
    }

    public String getPreviousHash() {
        return previousHash;
    }

    public String getHash() {
        return hash;
    }
}

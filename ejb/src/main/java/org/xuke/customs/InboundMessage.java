package org.xuke.customs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** A message customs sent, by its id, and what became of it (applied, or dead with the reason). */
@Entity
@Table(name = "customs_inbound")
public class InboundMessage implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String APPLIED = "APPLIED";
    public static final String DEAD = "DEAD";
    /** Claimed by the transaction applying it (never committed so: it ends APPLIED or DEAD). */
    public static final String RECEIVED = "RECEIVED";

    @Id
    @Column(name = "message_id", length = 36)
    private String messageId;

    @Column(name = "kind", nullable = false, length = 8)
    private String kind;

    @Column(name = "licence_number", length = 10)
    private String licenceNumber;

    @Column(name = "received_at_utc", nullable = false)
    private LocalDateTime receivedAtUtc;

    @Column(name = "result", nullable = false, length = 9)
    private String result;

    @Column(name = "duplicates", nullable = false)
    private int duplicates;

    @Column(name = "reason", length = 20)
    private String reason;

    @Column(name = "detail", length = 500)
    private String detail;

    /** A usage message's declaration date: the business date the reconciliation counts it on. */
    @Column(name = "declaration_date")
    private LocalDate declarationDate;

    protected InboundMessage() {
        // for JPA
    }

    void applied(LocalDateTime atUtc) {
        result = APPLIED;
        receivedAtUtc = atUtc;
        reason = null;
        detail = null;
    }

    public LocalDate getDeclarationDate() {
        return declarationDate;
    }

    void dead(LocalDateTime atUtc, String reason, String detail) {
        result = DEAD;
        receivedAtUtc = atUtc;
        this.reason = reason;
        this.detail = detail == null ? null : detail.length() > 500 ? detail.substring(0, 500) : detail;
    }

    void duplicate() {
        duplicates++;
    }

    public boolean isApplied() {
        return APPLIED.equals(result);
    }

    public String getMessageId() {
        return messageId;
    }

    public String getKind() {
        return kind;
    }

    public String getLicenceNumber() {
        return licenceNumber;
    }

    public LocalDateTime getReceivedAtUtc() {
        return receivedAtUtc;
    }

    public String getResult() {
        return result;
    }

    public int getDuplicates() {
        return duplicates;
    }

    public String getReason() {
        return reason;
    }

    public String getDetail() {
        return detail;
    }
}

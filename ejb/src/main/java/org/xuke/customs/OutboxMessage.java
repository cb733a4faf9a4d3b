package org.xuke.customs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.UUID;
import org.xuke.customs.CustomsMessage.Action;

/** One licence message waiting in, or sent from, the outbox (see V20). */
@Entity
@Table(name = "customs_outbox")
public class OutboxMessage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @SequenceGenerator(name = "customs_outbox_seq", sequenceName = "customs_outbox_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "customs_outbox_seq")
    private Long id;

    @Column(name = "message_id", nullable = false, updatable = false, length = 36)
    private String messageId;

    @Column(name = "licence_id", nullable = false, updatable = false)
    private long licenceId;

    @Column(name = "licence_number", nullable = false, updatable = false, length = 10)
    private String licenceNumber;

    @Column(name = "licence_version", nullable = false, updatable = false)
    private int licenceVersion;

    @Enumerated(EnumType.STRING)
    @Column(name = "action", nullable = false, updatable = false, length = 6)
    private Action action;

    @Column(name = "body", nullable = false, updatable = false)
    private String body;

    @Column(name = "created_at_utc", nullable = false, updatable = false)
    private LocalDateTime createdAtUtc;

    @Column(name = "sent_at_utc")
    private LocalDateTime sentAtUtc;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "last_error", length = 500)
    private String lastError;

    protected OutboxMessage() {
        // for JPA
    }

    OutboxMessage(UUID messageId, long licenceId, String licenceNumber, int licenceVersion, Action action,
            byte[] xml, LocalDateTime createdAtUtc) {
        this.messageId = messageId.toString();
        this.licenceId = licenceId;
        this.licenceNumber = licenceNumber;
        this.licenceVersion = licenceVersion;
        this.action = action;
        this.body = new String(xml, StandardCharsets.UTF_8);
        this.createdAtUtc = createdAtUtc;
    }

    void sent(LocalDateTime atUtc) {
        attempts++;
        sentAtUtc = atUtc;
        lastError = null;
    }

    void failed(String error) {
        attempts++;
        lastError = error == null ? "?" : error.length() > 500 ? error.substring(0, 500) : error;
    }

    public Long getId() {
        return id;
    }

    public String getMessageId() {
        return messageId;
    }

    public long getLicenceId() {
        return licenceId;
    }

    public String getLicenceNumber() {
        return licenceNumber;
    }

    public int getLicenceVersion() {
        return licenceVersion;
    }

    public Action getAction() {
        return action;
    }

    public byte[] bodyBytes() {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    public LocalDateTime getCreatedAtUtc() {
        return createdAtUtc;
    }

    public LocalDateTime getSentAtUtc() {
        return sentAtUtc;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getLastError() {
        return lastError;
    }
}

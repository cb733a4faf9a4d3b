package org.xuke.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The last link of the chain; one row, locked by every append. */
@Entity
@Table(name = "audit_chain_head")
class AuditChainHead {

    static final int ID = 1;

    @Id
    private Integer id;

    @Column(name = "last_position", nullable = false)
    private long lastPosition;

    @Column(name = "last_hash", nullable = false, length = 64)
    private String lastHash;

    protected AuditChainHead() {
        // for JPA
    }

    /** A head as the migration creates it: before the first row. */
    static AuditChainHead genesis() {
        AuditChainHead head = new AuditChainHead();
        head.id = ID;
        head.lastPosition = 0;
        head.lastHash = HashChain.GENESIS;
        return head;
    }

    /** Appends an entry after the current last link and moves the head to it. */
    AuditEvent append(AuditEntry entry, java.time.LocalDateTime occurredAtUtc) {
        AuditEvent event = new AuditEvent(lastPosition + 1, occurredAtUtc, entry, lastHash);
        lastPosition = event.getPosition();
        lastHash = event.getHash();
        return event;
    }

    long lastPosition() {
        return lastPosition;
    }

    String lastHash() {
        return lastHash;
    }
}

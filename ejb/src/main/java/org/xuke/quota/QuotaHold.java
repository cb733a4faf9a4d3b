package org.xuke.quota;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * A quantity held against an allocation while an application is under review, keyed by the
 * application number: one hold per application, so a hold is never counted twice.
 */
@Entity
@Table(name = "quota_hold")
public class QuotaHold implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @Column(name = "reference", length = 40)
    private String reference;

    @Column(name = "allocation_id", nullable = false, updatable = false)
    private long allocationId;

    @Column(name = "quantity", nullable = false, updatable = false, precision = 18, scale = 5)
    private BigDecimal quantity;

    @Column(name = "held_by", nullable = false, updatable = false, length = 32)
    private String heldBy;

    @Column(name = "held_at_utc", nullable = false, updatable = false)
    private LocalDateTime heldAtUtc;

    protected QuotaHold() {
        // for JPA
    }

    QuotaHold(String reference, long allocationId, BigDecimal quantity, String by, Instant at) {
        this.reference = reference;
        this.allocationId = allocationId;
        this.quantity = quantity;
        this.heldBy = by;
        this.heldAtUtc = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    public String getReference() {
        return reference;
    }

    public long getAllocationId() {
        return allocationId;
    }

    public BigDecimal getQuantity() {
        return quantity;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof QuotaHold that && reference.equals(that.reference);
    }

    @Override
    public int hashCode() {
        return reference.hashCode();
    }
}

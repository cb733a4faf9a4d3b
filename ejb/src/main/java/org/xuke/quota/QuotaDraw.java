package org.xuke.quota;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.xuke.platform.DomainRuleException;

/**
 * What one licence drew from an allocation, keyed by the licence number (a licence draws once),
 * and how much of it was given back (deletion, write-off, expiry): never more than was drawn.
 */
@Entity
@Table(name = "quota_draw")
public class QuotaDraw implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @Column(name = "licence_number", length = 10)
    private String licenceNumber;

    @Version
    private long version;

    @Column(name = "allocation_id", nullable = false, updatable = false)
    private long allocationId;

    @Column(name = "quantity", nullable = false, updatable = false, precision = 18, scale = 5)
    private BigDecimal quantity;

    @Column(name = "returned", nullable = false, precision = 18, scale = 5)
    private BigDecimal returned = BigDecimal.ZERO;

    @Column(name = "drawn_by", nullable = false, updatable = false, length = 32)
    private String drawnBy;

    @Column(name = "drawn_at_utc", nullable = false, updatable = false)
    private LocalDateTime drawnAtUtc;

    protected QuotaDraw() {
        // for JPA
    }

    QuotaDraw(String licenceNumber, long allocationId, BigDecimal quantity, String by, Instant at) {
        this.licenceNumber = licenceNumber;
        this.allocationId = allocationId;
        this.quantity = quantity;
        this.drawnBy = by;
        this.drawnAtUtc = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    /** Gives {@code amount} back; refused beyond what is still drawn. */
    void giveBack(BigDecimal amount) {
        if (amount == null || amount.signum() <= 0) {
            throw new DomainRuleException("quota.negative");
        }
        if (amount.compareTo(outstanding()) > 0) {
            throw new DomainRuleException("quota.returnTooMuch", licenceNumber, QuotaAllocation.plain(amount),
                    QuotaAllocation.plain(outstanding()));
        }
        returned = returned.add(amount);
    }

    /** Drawn and not given back. */
    public BigDecimal outstanding() {
        return quantity.subtract(returned);
    }

    public String getLicenceNumber() {
        return licenceNumber;
    }

    public long getAllocationId() {
        return allocationId;
    }

    public BigDecimal getQuantity() {
        return quantity;
    }

    public BigDecimal getReturned() {
        return returned;
    }

    public String getDrawnBy() {
        return drawnBy;
    }

    public LocalDateTime getDrawnAtUtc() {
        return drawnAtUtc;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof QuotaDraw that && licenceNumber.equals(that.licenceNumber);
    }

    @Override
    public int hashCode() {
        return licenceNumber.hashCode();
    }
}

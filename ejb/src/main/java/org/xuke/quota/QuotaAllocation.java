package org.xuke.quota;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.math.BigDecimal;
import org.xuke.platform.DomainRuleException;

/**
 * 配额: what an authority allocated to one enterprise for one year and quota category, how much
 * of it issued licences have drawn ({@code used}) and how much applications under review hold.
 * Business key: enterprise, year, category. Never negative, never over-committed: a hold or a
 * draw beyond what is left is refused, and so is an allocation below what is committed.
 */
@Entity
@Table(name = "quota_allocation")
public class QuotaAllocation implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @SequenceGenerator(name = "quota_allocation_seq", sequenceName = "quota_allocation_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "quota_allocation_seq")
    private Long id;

    @Version
    private long version;

    @Column(name = "enterprise_id", nullable = false, updatable = false)
    private long enterpriseId;

    @Column(name = "quota_year", nullable = false, updatable = false)
    private int year;

    @Column(name = "category_code", nullable = false, updatable = false, length = 20)
    private String categoryCode;

    @Column(name = "allocated", nullable = false, precision = 18, scale = 5)
    private BigDecimal allocated;

    @Column(name = "used", nullable = false, precision = 18, scale = 5)
    private BigDecimal used = BigDecimal.ZERO;

    /** Held by applications under review (the sum of their {@link QuotaHold}s). */
    @Column(name = "held", nullable = false, precision = 18, scale = 5)
    private BigDecimal held = BigDecimal.ZERO;

    /** 配额证明 / 文件号 the allocation was published under. */
    @Column(name = "document_number", length = 60)
    private String documentNumber;

    @Column(name = "updated_by", nullable = false, length = 32)
    private String updatedBy;

    protected QuotaAllocation() {
        // for JPA
    }

    public QuotaAllocation(long enterpriseId, int year, String categoryCode, BigDecimal allocated,
            String documentNumber, String by) {
        this.enterpriseId = enterpriseId;
        this.year = year;
        this.categoryCode = categoryCode;
        this.used = BigDecimal.ZERO;
        this.held = BigDecimal.ZERO;
        reallocate(allocated, documentNumber, by);
    }

    /** A new figure; never below what licences drew and applications under review hold. */
    public void reallocate(BigDecimal quantity, String document, String by) {
        if (quantity == null || quantity.signum() < 0) {
            throw new DomainRuleException("quota.negative");
        }
        if (quantity.compareTo(used.add(held)) < 0) {
            throw new DomainRuleException("quota.belowUsed", plain(quantity), plain(used.add(held)));
        }
        this.allocated = quantity;
        this.documentNumber = document == null || document.isBlank() ? null : document.strip();
        this.updatedBy = by;
    }

    /** What is left for new applications: allocated − drawn by licences − held by applications under review. */
    public BigDecimal remaining() {
        return allocated.subtract(used).subtract(held);
    }

    /** An application under review holds {@code quantity}; refused beyond what is left. */
    void hold(BigDecimal quantity) {
        requireLeft(quantity);
        held = held.add(quantity);
    }

    /** A hold ends (refused, withdrawn, or turned into a draw). */
    void release(BigDecimal quantity) {
        if (quantity.compareTo(held) > 0) {
            throw new IllegalStateException("release of " + quantity + " beyond the " + held + " held");
        }
        held = held.subtract(quantity);
    }

    /** A licence draws {@code quantity} (its application's hold released first); refused beyond what is left. */
    void draw(BigDecimal quantity) {
        requireLeft(quantity);
        used = used.add(quantity);
    }

    /** A deleted, written-off or expired licence gives back what it did not use. */
    void giveBack(BigDecimal quantity) {
        if (quantity.signum() <= 0 || quantity.compareTo(used) > 0) {
            throw new DomainRuleException("quota.negative");
        }
        used = used.subtract(quantity);
    }

    private void requireLeft(BigDecimal quantity) {
        if (quantity == null || quantity.signum() <= 0) {
            throw new DomainRuleException("quota.negative");
        }
        BigDecimal left = remaining();
        if (quantity.compareTo(left) > 0) {
            throw new DomainRuleException("quota.exceeded", categoryCode, plain(allocated), plain(used), plain(held),
                    plain(left), plain(quantity));
        }
    }

    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    public Long getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    public long getEnterpriseId() {
        return enterpriseId;
    }

    public int getYear() {
        return year;
    }

    public String getCategoryCode() {
        return categoryCode;
    }

    public BigDecimal getAllocated() {
        return allocated;
    }

    public BigDecimal getUsed() {
        return used;
    }

    public BigDecimal getHeld() {
        return held;
    }

    public String getDocumentNumber() {
        return documentNumber;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof QuotaAllocation that && enterpriseId == that.enterpriseId && year == that.year
                && categoryCode.equals(that.categoryCode);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(enterpriseId, year, categoryCode);
    }
}

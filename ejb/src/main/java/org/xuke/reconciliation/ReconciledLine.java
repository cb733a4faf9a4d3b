package org.xuke.reconciliation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/** One licence line on a business date: licensed, used (customs' cumulative figure), remaining. */
@Entity
@Table(name = "reconciliation_line")
@IdClass(ReconciledLine.Key.class)
public class ReconciledLine implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @Column(name = "business_date")
    private LocalDate businessDate;

    @Id
    @Column(name = "licence_id")
    private long licenceId;

    @Id
    @Column(name = "line_number")
    private int lineNumber;

    @Column(name = "licensed", nullable = false, precision = 18, scale = 5)
    private BigDecimal licensed;

    @Column(name = "used", nullable = false, precision = 18, scale = 5)
    private BigDecimal used;

    @Column(name = "remaining", nullable = false, precision = 18, scale = 5)
    private BigDecimal remaining;

    protected ReconciledLine() {
        // for JPA
    }

    ReconciledLine(LocalDate businessDate, long licenceId, int lineNumber) {
        this.businessDate = businessDate;
        this.licenceId = licenceId;
        this.lineNumber = lineNumber;
    }

    void figures(BigDecimal licensed, BigDecimal used, BigDecimal remaining) {
        this.licensed = licensed;
        this.used = used;
        this.remaining = remaining;
    }

    public long getLicenceId() {
        return licenceId;
    }

    public int getLineNumber() {
        return lineNumber;
    }

    public BigDecimal getLicensed() {
        return licensed;
    }

    public BigDecimal getUsed() {
        return used;
    }

    public BigDecimal getRemaining() {
        return remaining;
    }

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private LocalDate businessDate;
        private long licenceId;
        private int lineNumber;

        public Key() {
        }

        public Key(LocalDate businessDate, long licenceId, int lineNumber) {
            this.businessDate = businessDate;
            this.licenceId = licenceId;
            this.lineNumber = lineNumber;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.licenceId == licenceId && k.lineNumber == lineNumber
                    && Objects.equals(k.businessDate, businessDate);
        }

        @Override
        public int hashCode() {
            return Objects.hash(businessDate, licenceId, lineNumber);
        }
    }
}

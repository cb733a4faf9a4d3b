package org.xuke.reconciliation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;

/** What one licence came to on a business date: uses, whether a write-off is due and what became of it. */
@Entity
@Table(name = "reconciliation_licence")
@IdClass(ReconciledLicence.Key.class)
public class ReconciledLicence implements Serializable {

    private static final long serialVersionUID = 1L;

    /** What the job did about a fully used licence. */
    public enum Outcome {
        /** Nothing due (used in part, or not cleared yet). */
        NONE,
        /** Written off by the job (the authority allows it). */
        WRITTEN_OFF,
        /** Proposed to the authority's officers for a write-off. */
        PROPOSED,
        /** Already ended when reconciled. */
        ENDED
    }

    @Id
    @Column(name = "business_date")
    private LocalDate businessDate;

    @Id
    @Column(name = "licence_id")
    private long licenceId;

    @Column(name = "licence_number", nullable = false, length = 10)
    private String licenceNumber;

    @Column(name = "authority_code", nullable = false, length = 40)
    private String authorityCode;

    @Column(name = "uses", nullable = false)
    private int uses;

    @Column(name = "fully_used", nullable = false)
    private boolean fullyUsed;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome", nullable = false, length = 12)
    private Outcome outcome;

    @Column(name = "execution_id", nullable = false)
    private long executionId;

    @Column(name = "reconciled_at_utc", nullable = false)
    private LocalDateTime reconciledAtUtc;

    protected ReconciledLicence() {
        // for JPA
    }

    ReconciledLicence(LocalDate businessDate, long licenceId, String licenceNumber, String authorityCode) {
        this.businessDate = businessDate;
        this.licenceId = licenceId;
        this.licenceNumber = licenceNumber;
        this.authorityCode = authorityCode;
    }

    void record(int uses, boolean fullyUsed, Outcome outcome, long executionId, LocalDateTime atUtc) {
        this.uses = uses;
        this.fullyUsed = fullyUsed;
        // a write-off the job made stays recorded when a re-run finds the licence ended
        if (!(this.outcome == Outcome.WRITTEN_OFF && outcome == Outcome.ENDED)) {
            this.outcome = outcome;
        }
        this.executionId = executionId;
        this.reconciledAtUtc = atUtc;
    }

    public LocalDate getBusinessDate() {
        return businessDate;
    }

    public long getLicenceId() {
        return licenceId;
    }

    public String getLicenceNumber() {
        return licenceNumber;
    }

    public String getAuthorityCode() {
        return authorityCode;
    }

    public int getUses() {
        return uses;
    }

    public boolean isFullyUsed() {
        return fullyUsed;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public long getExecutionId() {
        return executionId;
    }

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private LocalDate businessDate;
        private long licenceId;

        public Key() {
        }

        public Key(LocalDate businessDate, long licenceId) {
            this.businessDate = businessDate;
            this.licenceId = licenceId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.licenceId == licenceId && Objects.equals(k.businessDate, businessDate);
        }

        @Override
        public int hashCode() {
            return Objects.hash(businessDate, licenceId);
        }
    }
}

package org.xuke.statistics;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One reviewer's decision on an application (初审 pass or return, 复审 pass or reject, 发证): the
 * officer, the stage, the days of receipt and decision, the working days between them and whether the
 * decision came within the 3-working-day limit. Written as the decision is taken (with its month's sums
 * in {@code decision_month}), never changed: the drill-down of the officers' workload reads these rows.
 */
@Entity
@Table(name = "decision_fact")
@IdClass(DecisionFact.Key.class)
public class DecisionFact implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @Column(name = "application_id")
    private long applicationId;

    @Id
    @Column(name = "step_no")
    private int stepNo;

    @Column(name = "authority_code", nullable = false, updatable = false, length = 40)
    private String authorityCode;

    @Column(name = "actor", nullable = false, updatable = false, length = 32)
    private String actor;

    @Column(name = "stage", nullable = false, updatable = false, length = 8)
    @Enumerated(EnumType.STRING)
    private ReviewStage stage;

    @Column(name = "transition", nullable = false, updatable = false, length = 30)
    private String transition;

    @Column(name = "received_on", nullable = false, updatable = false)
    private LocalDate receivedOn;

    @Column(name = "decided_on", nullable = false, updatable = false)
    private LocalDate decidedOn;

    @Column(name = "working_days", nullable = false, updatable = false)
    private int workingDays;

    @Column(name = "in_time", nullable = false, updatable = false)
    private boolean inTime;

    protected DecisionFact() {
    }

    /** The composite key: application and step number. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private long applicationId;
        private int stepNo;

        public Key() {
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key that && applicationId == that.applicationId && stepNo == that.stepNo;
        }

        @Override
        public int hashCode() {
            return Objects.hash(applicationId, stepNo);
        }
    }
}

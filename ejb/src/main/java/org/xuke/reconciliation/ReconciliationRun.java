package org.xuke.reconciliation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One execution of the reconciliation job as the portal keeps it beside the batch runtime's own
 * repository: who started it, on which server instance, what it has to do, and the first execution
 * of its job instance (a restart goes on from the executions before it).
 */
@Entity
@Table(name = "reconciliation_run")
public class ReconciliationRun implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @Column(name = "execution_id")
    private long executionId;

    @Column(name = "first_execution_id", nullable = false)
    private long firstExecutionId;

    @Column(name = "business_date", nullable = false)
    private LocalDate businessDate;

    @Column(name = "from_date", nullable = false)
    private LocalDate fromDate;

    @Column(name = "authority_code", length = 40)
    private String authorityCode;

    @Column(name = "instance_name", nullable = false, length = 100)
    private String instanceName;

    @Column(name = "started_by", nullable = false, length = 32)
    private String startedBy;

    @Column(name = "started_at_utc", nullable = false)
    private LocalDateTime startedAtUtc;

    @Column(name = "total_licences")
    private Long totalLicences;

    protected ReconciliationRun() {
        // for JPA
    }

    ReconciliationRun(long executionId, long firstExecutionId, LocalDate businessDate, LocalDate fromDate,
            String authorityCode, String instanceName, String startedBy, LocalDateTime startedAtUtc) {
        this.executionId = executionId;
        this.firstExecutionId = firstExecutionId;
        this.businessDate = businessDate;
        this.fromDate = fromDate;
        this.authorityCode = authorityCode;
        this.instanceName = instanceName;
        this.startedBy = startedBy;
        this.startedAtUtc = startedAtUtc;
    }

    void total(long licences) {
        this.totalLicences = licences;
    }

    public long getExecutionId() {
        return executionId;
    }

    public long getFirstExecutionId() {
        return firstExecutionId;
    }

    public LocalDate getBusinessDate() {
        return businessDate;
    }

    public LocalDate getFromDate() {
        return fromDate;
    }

    public String getAuthorityCode() {
        return authorityCode;
    }

    public String getInstanceName() {
        return instanceName;
    }

    public String getStartedBy() {
        return startedBy;
    }

    public Long getTotalLicences() {
        return totalLicences;
    }
}

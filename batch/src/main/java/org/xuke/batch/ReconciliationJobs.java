package org.xuke.batch;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.xuke.account.Account;
import org.xuke.account.Callers;
import org.xuke.account.DataScope;
import org.xuke.account.Role;
import org.xuke.audit.AuditEntry;
import org.xuke.audit.AuditLog;
import org.xuke.platform.DomainRuleException;
import org.xuke.platform.Zones;

/**
 * Starts the reconciliation job and reads its history. Bean-managed transactions: a job started
 * inside a container transaction sometimes fails on Payara (#5133). The nightly start is an
 * automatic non-persistent timer that ticks every hour and starts yesterday's run at the configured
 * hour ({@code -Dxuke.reconciliation.hour}, China time, 1 by default) unless one for that date
 * completed already: a missed night is caught up by an officer starting that date.
 */
@Stateless
@TransactionManagement(TransactionManagementType.BEAN)
public class ReconciliationJobs {

    private static final Logger LOG = Logger.getLogger(ReconciliationJobs.class.getName());
    static final String JOB = "reconciliation";

    /** One run as the officer page lists it; counts summed over the partitions. */
    public record Run(long executionId, String businessDate, String authority, BatchStatus status, Instant started,
            Instant ended, long read, long written, long skipped) implements Serializable {

        public boolean isRunning() {
            return status == BatchStatus.STARTING || status == BatchStatus.STARTED;
        }

        public boolean isRestartable() {
            return status == BatchStatus.FAILED || status == BatchStatus.STOPPED;
        }
    }

    @Inject
    private Callers callers;

    @Inject
    private AuditLog audit;

    @Inject
    private Clock clock;

    /** 对账: an officer starts the run for a past date (his authority's licences; all for a system administrator). */
    public long start(LocalDate date) {
        return start(null, date);
    }

    /** 补对账: the declarations from {@code from} to {@code date} in one run (after an outage, say). */
    public long start(LocalDate from, LocalDate date) {
        Account caller = officer();
        LocalDate today = LocalDate.now(clock.withZone(Zones.CHINA));
        if (date == null || !date.isBefore(today)) {
            throw new DomainRuleException("reconciliation.datePast", String.valueOf(date));
        }
        if (from != null && from.isAfter(date)) {
            throw new DomainRuleException("reconciliation.fromAfter", from.toString(), date.toString());
        }
        String authority = caller.getDataScope() == DataScope.ALL ? null : caller.getAuthorityCode();
        long execution = launch(from, date, authority);
        audit.record(AuditEntry.of(caller.getUsername(), "RECONCILIATION_STARTED", "reconciliation", date.toString())
                .withDetails("execution=" + execution + (from == null ? "" : ";from=" + from)
                        + (authority == null ? "" : ";authority=" + authority)));
        return execution;
    }

    /** 重新运行 a failed or stopped run from its last checkpoint. */
    public long restart(long executionId) {
        Account caller = officer();
        long execution = BatchRuntime.getJobOperator().restart(executionId, new Properties());
        audit.record(AuditEntry.of(caller.getUsername(), "RECONCILIATION_RESTARTED", "reconciliation",
                String.valueOf(executionId)).withDetails("execution=" + execution));
        return execution;
    }

    @Schedule(hour = "*", minute = "20", timezone = "Asia/Shanghai", persistent = false)
    void nightly() {
        int hour = Integer.getInteger("xuke.reconciliation.hour", 1);
        var now = clock.instant().atZone(ZoneId.of("Asia/Shanghai"));
        if (now.getHour() != hour) {
            return;
        }
        LocalDate yesterday = now.toLocalDate().minusDays(1);
        try {
            if (runs(50).stream().noneMatch(r -> yesterday.toString().equals(r.businessDate())
                    && r.authority() == null && (r.status() == BatchStatus.COMPLETED || r.isRunning()))) {
                long execution = launch(null, yesterday, null);
                audit.record(AuditEntry.of("system", "RECONCILIATION_STARTED", "reconciliation", yesterday.toString())
                        .withDetails("execution=" + execution + ";nightly"));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "the nightly reconciliation did not start; an officer can start it for " + yesterday, e);
        }
    }

    /** The newest runs first, at most {@code max}. */
    public List<Run> runs(int max) {
        JobOperator operator = BatchRuntime.getJobOperator();
        List<Run> runs = new ArrayList<>();
        if (!operator.getJobNames().contains(JOB)) {
            return runs;
        }
        for (JobInstance instance : operator.getJobInstances(JOB, 0, Math.max(1, max))) {
            for (JobExecution execution : operator.getJobExecutions(instance)) {
                long read = 0;
                long written = 0;
                long skipped = 0;
                for (StepExecution step : operator.getStepExecutions(execution.getExecutionId())) {
                    for (Metric metric : step.getMetrics()) {
                        switch (metric.getType()) {
                            case READ_COUNT -> read += metric.getValue();
                            case WRITE_COUNT -> written += metric.getValue();
                            case PROCESS_SKIP_COUNT, READ_SKIP_COUNT, WRITE_SKIP_COUNT -> skipped += metric.getValue();
                            default -> {
                            }
                        }
                    }
                }
                Properties parameters = execution.getJobParameters();
                runs.add(new Run(execution.getExecutionId(), parameters == null ? null
                        : parameters.getProperty("businessDate"), parameters == null ? null
                        : parameters.getProperty("authority"), execution.getBatchStatus(),
                        instant(execution.getStartTime()), instant(execution.getEndTime()), read, written, skipped));
            }
        }
        runs.sort((a, b) -> Long.compare(b.executionId(), a.executionId()));
        return runs.size() > max ? runs.subList(0, max) : runs;
    }

    /** The status of one run (the page polls it while it runs). */
    public BatchStatus status(long executionId) {
        return BatchRuntime.getJobOperator().getJobExecution(executionId).getBatchStatus();
    }

    private static long launch(LocalDate from, LocalDate date, String authority) {
        Properties parameters = new Properties();
        parameters.setProperty("businessDate", date.toString());
        if (from != null) {
            parameters.setProperty("fromDate", from.toString());
        }
        if (authority != null) {
            parameters.setProperty("authority", authority);
        }
        return BatchRuntime.getJobOperator().start(JOB, parameters);
    }

    private Account officer() {
        Account caller = callers.require();
        if (caller.getEnterpriseId() != null || !caller.hasRole(Role.ISSUER) && !caller.hasRole(Role.AUTHORITY_ADMIN)
                && !caller.hasRole(Role.SYSTEM_ADMIN)) {
            throw new DomainRuleException("access.denied");
        }
        if (caller.getAuthorityCode() == null && caller.getDataScope() != DataScope.ALL) {
            throw new DomainRuleException("access.denied");
        }
        return caller;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}

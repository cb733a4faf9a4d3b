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
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
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
import org.xuke.reconciliation.Reconciliation;
import org.xuke.reconciliation.ReconciliationRun;

/**
 * Starts the reconciliation job and reads its history. Bean-managed transactions: a job started
 * inside a container transaction sometimes fails on Payara (#5133). The nightly start is an
 * automatic non-persistent timer that ticks every hour and starts yesterday's run at the configured
 * hour ({@code -Dxuke.reconciliation.hour}, China time, 1 by default) unless one for that date
 * completed already ({@link NightlyPlan}: in a deployment group each instance its authorities): a
 * missed night is caught up by an officer starting that date.
 */
@Stateless
@TransactionManagement(TransactionManagementType.BEAN)
public class ReconciliationJobs {

    private static final Logger LOG = Logger.getLogger(ReconciliationJobs.class.getName());
    static final String JOB = "reconciliation";

    /**
     * One execution as the officer page lists it; counts summed over the partitions; {@code done} of
     * {@code total} licences while it runs (its job instance's executions together); {@code latest}:
     * the newest execution of its job instance (only that one may be restarted).
     */
    public record Run(long executionId, String businessDate, String authority, BatchStatus status, String exitStatus,
            Instant started, Instant ended, long read, long written, long skipped, String startedBy, Long done,
            Long total, boolean latest) implements Serializable {

        public boolean isRunning() {
            return status == BatchStatus.STARTING || status == BatchStatus.STARTED;
        }

        public boolean isRestartable() {
            return latest && (status == BatchStatus.FAILED || status == BatchStatus.STOPPED);
        }

        public boolean isInterrupted() {
            return status == BatchStatus.FAILED && "INTERRUPTED".equals(exitStatus);
        }

        /** 0–100 while it runs and the total is known; null otherwise. */
        public Integer percent() {
            if (done == null || total == null) {
                return null;
            }
            return total == 0 ? 100 : (int) Math.min(100, done * 100 / total);
        }
    }

    @Inject
    private Callers callers;

    @Inject
    private AuditLog audit;

    @Inject
    private Clock clock;

    @Inject
    private Reconciliation reconciliation;

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
        refuseWhileRunning(date, authority);
        long execution = launch(from, date, authority, caller.getUsername());
        audit.record(AuditEntry.of(caller.getUsername(), "RECONCILIATION_STARTED", "reconciliation", date.toString())
                .withDetails("execution=" + execution + (from == null ? "" : ";from=" + from)
                        + (authority == null ? "" : ";authority=" + authority)));
        return execution;
    }

    /**
     * 重新运行 a failed, stopped or interrupted run from its last checkpoint, with its own parameters;
     * a run of every authority only by whoever may start one (the system administrator).
     */
    public long restart(long executionId) {
        Account caller = officer();
        JobOperator operator = BatchRuntime.getJobOperator();
        Run run = runs(200, visibleTo(caller), false).stream().filter(r -> r.executionId() == executionId).findFirst()
                .orElseThrow(() -> new DomainRuleException("reconciliation.notRestartable", String.valueOf(executionId)));
        if (!run.isRestartable() || run.authority() == null && caller.getDataScope() != DataScope.ALL) {
            throw new DomainRuleException("reconciliation.notRestartable", String.valueOf(executionId));
        }
        refuseWhileRunning(LocalDate.parse(run.businessDate()), run.authority());
        Properties parameters = new Properties();
        parameters.putAll(operator.getParameters(executionId));
        parameters.setProperty("startedBy", caller.getUsername());
        long execution = operator.restart(executionId, parameters);
        audit.record(AuditEntry.of(caller.getUsername(), "RECONCILIATION_RESTARTED", "reconciliation",
                String.valueOf(executionId)).withDetails("execution=" + execution));
        return execution;
    }

    /** Two runs over the same licences at once would write the same rows: one at a time per date and scope. */
    private void refuseWhileRunning(LocalDate date, String authority) {
        boolean running = runs(50, p -> date.toString().equals(p.getProperty("businessDate")), false).stream()
                .anyMatch(r -> r.isRunning() && (authority == null || r.authority() == null
                        || authority.equals(r.authority())));
        if (running) {
            throw new DomainRuleException("reconciliation.alreadyRunning", date.toString());
        }
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
            for (String authority : NightlyPlan.toStart(System.getProperty(NightlyPlan.AUTHORITIES), yesterday,
                    runs(200, p -> yesterday.toString().equals(p.getProperty("businessDate")), false))) {
                long execution = launch(null, yesterday, authority, Reconciliation.SYSTEM);
                audit.record(AuditEntry.of("system", "RECONCILIATION_STARTED", "reconciliation", yesterday.toString())
                        .withDetails("execution=" + execution + ";nightly" + (authority == null ? ""
                                : ";authority=" + authority)));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "the nightly reconciliation did not start; an officer can start it for " + yesterday, e);
        }
    }

    /** 对账历史 as the caller may see it: the runs of every authority and of his own, newest first. */
    public List<Run> history(int max) {
        return runs(max, visibleTo(viewer()), true);
    }

    /** The runs of one business date the caller may see (a report lists them). */
    public List<Run> history(LocalDate date) {
        Predicate<Properties> visible = visibleTo(viewer());
        return runs(200, p -> visible.test(p) && date.toString().equals(p.getProperty("businessDate")), true);
    }

    /** Runs of every authority and of the caller's own (every run for a caller who sees all). */
    private static Predicate<Properties> visibleTo(Account caller) {
        return p -> {
            String authority = blankToNull(p.getProperty("authority"));
            return caller.getDataScope() == DataScope.ALL || authority == null
                    || authority.equals(caller.getAuthorityCode());
        };
    }

    /**
     * The newest runs whose parameters {@code which} accepts, at most {@code max}; with
     * {@code figures} their step counts and progress too (queries per run: for a list people read).
     */
    private List<Run> runs(int max, Predicate<Properties> which, boolean figures) {
        JobOperator operator = BatchRuntime.getJobOperator();
        List<JobExecution> executions = new ArrayList<>();
        Map<Long, Long> latestOfInstance = new HashMap<>();
        Map<Long, Long> instanceOf = new HashMap<>();
        if (!operator.getJobNames().contains(JOB)) {
            return List.of();
        }
        for (JobInstance instance : operator.getJobInstances(JOB, 0, Math.max(1, max))) {
            for (JobExecution execution : operator.getJobExecutions(instance)) {
                Properties parameters = execution.getJobParameters();
                if (!which.test(parameters == null ? new Properties() : parameters)) {
                    continue;
                }
                executions.add(execution);
                instanceOf.put(execution.getExecutionId(), instance.getInstanceId());
                latestOfInstance.merge(instance.getInstanceId(), execution.getExecutionId(), Math::max);
            }
        }
        executions.sort((a, b) -> Long.compare(b.getExecutionId(), a.getExecutionId()));
        List<JobExecution> newest = executions.size() > max ? executions.subList(0, max) : executions;
        Map<Long, ReconciliationRun> kept = reconciliation.runs(newest.stream().map(JobExecution::getExecutionId)
                .toList());
        List<Run> runs = new ArrayList<>();
        for (JobExecution execution : newest) {
            long read = 0;
            long written = 0;
            long skipped = 0;
            for (StepExecution step : figures ? operator.getStepExecutions(execution.getExecutionId())
                    : List.<StepExecution>of()) {
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
            ReconciliationRun run = kept.get(execution.getExecutionId());
            boolean running = execution.getBatchStatus() == BatchStatus.STARTING
                    || execution.getBatchStatus() == BatchStatus.STARTED;
            Long done = figures && running && run != null && run.getTotalLicences() != null
                    ? reconciliation.done(run.getFirstExecutionId(), run.getBusinessDate()) : null;
            long instance = instanceOf.get(execution.getExecutionId());
            runs.add(new Run(execution.getExecutionId(), parameters == null ? null
                    : parameters.getProperty("businessDate"), parameters == null ? null
                    : blankToNull(parameters.getProperty("authority")), execution.getBatchStatus(),
                    execution.getExitStatus(), instant(execution.getStartTime()), instant(execution.getEndTime()), read,
                    written, skipped, run == null ? null : run.getStartedBy(), done,
                    run == null ? null : run.getTotalLicences(),
                    latestOfInstance.get(instance).longValue() == execution.getExecutionId()));
        }
        return runs;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static long launch(LocalDate from, LocalDate date, String authority, String startedBy) {
        Properties parameters = new Properties();
        parameters.setProperty("startedBy", startedBy);
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

    /** Whoever works on licences may follow the runs (the reviewers too); starting one is the officers' above. */
    private Account viewer() {
        Account caller = callers.require();
        if (caller.getEnterpriseId() != null || caller.getRoles().stream().noneMatch(Role::isLicenceStaff)
                || caller.getAuthorityCode() == null && caller.getDataScope() != DataScope.ALL) {
            throw new DomainRuleException("access.denied");
        }
        return caller;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}

package org.xuke.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import org.xuke.reconciliation.Reconciliation;

/**
 * One partition per issuing authority with usage on the business date (or the one authority
 * asked for), so that the partitions can run on the instances of a deployment group.
 */
@Named("authorityPartitions")
@Dependent
public class AuthorityPartitions implements PartitionMapper {

    @Inject
    @BatchProperty
    String businessDate;

    @Inject
    @BatchProperty
    String authority;

    @Inject
    @BatchProperty
    String fromDate;

    @Inject
    Reconciliation reconciliation;

    @Inject
    JobContext job;

    @Override
    public PartitionPlan mapPartitions() {
        LocalDate date = LocalDate.parse(businessDate);
        List<String> authorities = reconciliation.authorities(from(fromDate, date), date).stream()
                .filter(a -> authority == null || authority.isBlank() || a.equals(authority)).toList();
        // what the run has to do, for its progress bar (a restart counts again: the bar shows the instance's figures)
        reconciliation.total(job.getExecutionId(), reconciliation.count(authority == null || authority.isBlank()
                ? null : authority, from(fromDate, date), date));
        PartitionPlanImpl plan = new PartitionPlanImpl();
        // on a restart the partitions are planned again and each goes on from what its authority's licences
        // the run stored (DeclaredLicences): the runtime's own partition restart fails after a crash
        // (JBatch finds no partition count for a step that never ended: NullPointerException)
        plan.setPartitionsOverride(true);
        plan.setPartitions(authorities.size());
        // two at a time on the 2-core machines this is sized for; more instances take more
        plan.setThreads(Math.max(1, Math.min(2, authorities.size())));
        Properties[] each = new Properties[authorities.size()];
        for (int i = 0; i < authorities.size(); i++) {
            each[i] = new Properties();
            each[i].setProperty("authority", authorities.get(i));
            each[i].setProperty("businessDate", businessDate);
            each[i].setProperty("fromDate", from(fromDate, date).toString());
            // the run's own execution (a partition's job context has an execution of its own) and its first
            each[i].setProperty("executionId", String.valueOf(job.getExecutionId()));
            each[i].setProperty("firstExecutionId", String.valueOf(reconciliation.firstOf(job.getExecutionId())));
        }
        plan.setPartitionProperties(each);
        return plan;
    }

    /** The first day of the declarations a run takes: {@code fromDate} when a run catches up, else the business date. */
    static LocalDate from(String fromDate, LocalDate businessDate) {
        if (fromDate == null || fromDate.isBlank()) {
            return businessDate;
        }
        LocalDate from = LocalDate.parse(fromDate);
        return from.isAfter(businessDate) ? businessDate : from;
    }
}

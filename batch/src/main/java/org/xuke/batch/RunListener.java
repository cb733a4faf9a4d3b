package org.xuke.batch;

import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.Properties;
import org.xuke.reconciliation.Reconciliation;

/**
 * Keeps each execution beside the batch repository before its first step (a start and every
 * restart alike): who started it, the server instance it runs on, the first execution of its job
 * instance.
 */
@Named("runListener")
@Dependent
public class RunListener extends AbstractJobListener {

    @Inject
    JobContext job;

    @Inject
    Reconciliation reconciliation;

    @Override
    public void beforeJob() {
        JobOperator operator = BatchRuntime.getJobOperator();
        long execution = job.getExecutionId();
        long first = operator.getJobExecutions(operator.getJobInstance(execution)).stream()
                .mapToLong(JobExecution::getExecutionId).min().orElse(execution);
        Properties parameters = operator.getParameters(execution);
        LocalDate date = LocalDate.parse(parameters.getProperty("businessDate"));
        reconciliation.runStarted(execution, first, date,
                AuthorityPartitions.from(parameters.getProperty("fromDate"), date), parameters.getProperty("authority"),
                ServerInstance.name(), parameters.getProperty("startedBy"));
    }
}

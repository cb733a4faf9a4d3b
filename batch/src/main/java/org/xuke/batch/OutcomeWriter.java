package org.xuke.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.List;
import org.xuke.reconciliation.Reconciliation;
import org.xuke.reconciliation.ReconciliationRules.Outcome;

/** Stores a chunk's outcomes in the chunk's transaction (figures replaced, findings kept once). */
@Named("outcomeWriter")
@Dependent
public class OutcomeWriter extends AbstractItemWriter {

    @Inject
    @BatchProperty
    String businessDate;

    @Inject
    JobContext job;

    @Inject
    Reconciliation reconciliation;

    @Override
    public void writeItems(List<Object> items) {
        LocalDate date = LocalDate.parse(businessDate);
        for (Object item : items) {
            reconciliation.store((Outcome) item, date, job.getExecutionId());
        }
    }
}

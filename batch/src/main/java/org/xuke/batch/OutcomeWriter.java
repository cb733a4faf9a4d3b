package org.xuke.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.List;
import org.xuke.reconciliation.Reconciliation;

/** Reconciles and stores a chunk of licences in the chunk's transaction (figures replaced, findings kept once). */
@Named("outcomeWriter")
@Dependent
public class OutcomeWriter extends AbstractItemWriter {

    @Inject
    @BatchProperty
    String businessDate;

    @Inject
    @BatchProperty
    String executionId;

    @Inject
    Reconciliation reconciliation;

    @Override
    public void writeItems(List<Object> items) {
        reconciliation.reconcileAndStore(items.stream().map(Long.class::cast).toList(), LocalDate.parse(businessDate),
                Long.parseLong(executionId));
    }
}

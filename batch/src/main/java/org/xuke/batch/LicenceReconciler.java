package org.xuke.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import org.xuke.reconciliation.Reconciliation;

/** One licence against every declaration customs reported for it up to the business date. */
@Named("licenceReconciler")
@Dependent
public class LicenceReconciler implements ItemProcessor {

    @Inject
    @BatchProperty
    String businessDate;

    @Inject
    Reconciliation reconciliation;

    @Override
    public Object processItem(Object item) throws LicenceNotReconciled {
        long id = (Long) item;
        try {
            return reconciliation.reconcile(id, LocalDate.parse(businessDate));
        } catch (RuntimeException e) {
            throw new LicenceNotReconciled(id, e);
        }
    }
}

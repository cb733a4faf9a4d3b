package org.xuke.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.listener.SkipProcessListener;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import org.xuke.reconciliation.Reconciliation;

/** A licence the processor could not reconcile is skipped, not fatal: its reason is kept as an anomaly. */
@Named("skippedLicences")
@Dependent
public class SkippedLicences implements SkipProcessListener {

    @Inject
    @BatchProperty
    String businessDate;

    @Inject
    Reconciliation reconciliation;

    @Override
    public void onSkipProcessItem(Object item, Exception cause) {
        Throwable reason = cause.getCause() == null ? cause : cause.getCause();
        reconciliation.notReconciled(LocalDate.parse(businessDate), (Long) item, String.valueOf(reason));
    }
}

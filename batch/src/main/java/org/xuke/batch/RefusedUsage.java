package org.xuke.batch;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import org.xuke.reconciliation.Reconciliation;

/** Usage customs sent on the date for licences unknown here or ended: each an anomaly. */
@Named("refusedUsage")
@Dependent
public class RefusedUsage extends AbstractBatchlet {

    @Inject
    @BatchProperty
    String businessDate;

    @Inject
    @BatchProperty
    String fromDate;

    @Inject
    Reconciliation reconciliation;

    @Override
    public String process() {
        LocalDate date = LocalDate.parse(businessDate);
        return "FOUND " + reconciliation.refusedUsage(AuthorityPartitions.from(fromDate, date), date);
    }
}

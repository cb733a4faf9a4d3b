package org.xuke.batch;

import jakarta.batch.api.chunk.listener.SkipProcessListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.xuke.reconciliation.Reconciliation;

/** Keeps each skipped line of a declarations file with its reason, for the officers' page and the report. */
@Named("skippedLines")
@Dependent
public class SkippedLines implements SkipProcessListener {

    @Inject
    JobContext job;

    @Inject
    Reconciliation reconciliation;

    @Override
    public void onSkipProcessItem(Object item, Exception e) {
        if (e instanceof BadDeclarationLine bad) {
            reconciliation.skipped(job.getExecutionId(), bad.line().file(), bad.line().number(), bad.getMessage(),
                    bad.line().text() == null ? "" : bad.line().text());
        }
    }
}

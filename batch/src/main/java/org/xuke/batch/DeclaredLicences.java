package org.xuke.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import org.xuke.reconciliation.Reconciliation;

/**
 * The licences of one authority declared against on the business date, by id, a page at a time.
 * The checkpoint is the last id handed out; a restarted run's partition opens after the last licence
 * its job instance stored for the authority ({@link Reconciliation#resumePoint}), so after a crash the
 * step goes on after the last committed chunk, and a licence done twice is stored the same way twice.
 */
@Named("declaredLicences")
@Dependent
public class DeclaredLicences extends AbstractItemReader {

    private static final int PAGE = 500;

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
    @BatchProperty
    String firstExecutionId;

    @Inject
    Reconciliation reconciliation;

    private LocalDate date;
    private LocalDate from;
    private long last;
    private final Deque<Long> page = new ArrayDeque<>();
    private boolean exhausted;

    @Override
    public void open(Serializable checkpoint) {
        date = LocalDate.parse(businessDate);
        from = AuthorityPartitions.from(fromDate, date);
        last = checkpoint != null ? (Long) checkpoint
                : reconciliation.resumePoint(Long.parseLong(firstExecutionId), authority, date);
    }

    @Override
    public Object readItem() {
        if (page.isEmpty() && !exhausted) {
            var next = reconciliation.licences(authority, from, date, last, PAGE);
            page.addAll(next);
            exhausted = next.size() < PAGE;
        }
        Long id = page.poll();
        if (id != null) {
            last = id;
        }
        return id;
    }

    @Override
    public Serializable checkpointInfo() {
        return last;
    }
}

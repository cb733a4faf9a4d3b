package org.xuke.batch;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.xuke.customs.CustomsInbox;
import org.xuke.customs.CustomsMessage;

/**
 * Applies the usages of a chunk of file lines as the usage queue's consumer applies a message: the
 * same checks, idempotent by message id; a refused one (unknown or ended licence …) is kept as
 * refused, and the run's first step makes it an anomaly.
 */
@Named("declarationWriter")
@Dependent
public class DeclarationWriter extends AbstractItemWriter {

    @Inject
    CustomsInbox inbox;

    @Override
    public void writeItems(List<Object> items) {
        for (Object item : items) {
            inbox.apply((CustomsMessage) item);
        }
    }
}

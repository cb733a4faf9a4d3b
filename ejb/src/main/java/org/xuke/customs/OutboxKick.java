package org.xuke.customs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.xuke.customs.CustomsOutbox.OutboxWritten;

/** Wakes the dispatcher once the transaction that wrote to the outbox has committed (never before). */
@ApplicationScoped
public class OutboxKick {

    @Inject
    private CustomsDispatcher dispatcher;

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
        dispatcher.kick();
    }
}

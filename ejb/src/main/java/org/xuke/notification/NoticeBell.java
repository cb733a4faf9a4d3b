package org.xuke.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.xuke.notification.NoticeWriter.NoticesWritten;

/**
 * Rings once notices have committed (never before, never for a rollback): wakes the outbox sender
 * and tells the listeners of this server, such as the portal's WebSocket push, whose counts changed.
 * The portal registers its listener here because events fired in the EJB module do not reach the
 * web module's observers.
 */
@ApplicationScoped
public class NoticeBell {

    private static final Logger LOG = Logger.getLogger(NoticeBell.class.getName());

    private final List<Consumer<Set<String>>> listeners = new CopyOnWriteArrayList<>();

    @Inject
    private NoticeDispatcher dispatcher;

    /** {@code listener} receives the usernames whose notices changed (new, read). */
    public void listen(Consumer<Set<String>> listener) {
        listeners.add(listener);
    }

    public void stopListening(Consumer<Set<String>> listener) {
        listeners.remove(listener);
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) NoticesWritten written) {
        if (written.deliveries()) {
            dispatcher.kick();
        }
        ring(written.usernames());
    }

    void ring(Set<String> usernames) {
        for (Consumer<Set<String>> listener : listeners) {
            try {
                listener.accept(usernames);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a notice listener failed", e);
            }
        }
    }
}

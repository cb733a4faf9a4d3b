package org.xuke.notification;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.xuke.notification.NoticeKind.Channel;

/**
 * Sends the notification outbox: at once after a decision committed, and every ten seconds for
 * what is due again (the mail server was away, the server restarted). A delivery is claimed before
 * it is sent and marked sent only after the server took it; when a channel fails, the rest of
 * that channel waits for its next attempt instead of timing out one by one.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NoticeDispatcher {

    private static final Logger LOG = Logger.getLogger(NoticeDispatcher.class.getName());
    private static final int BATCH = 50;

    @Inject
    private DeliveryStore store;

    @Inject
    private MailChannel mail;

    @Inject
    private SmsGateway sms;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean wanted = new AtomicBoolean();

    @Asynchronous
    public void kick() {
        drain();
    }

    @Schedule(second = "*/10", minute = "*", hour = "*", persistent = false)
    void sweep() {
        drain();
    }

    private void drain() {
        wanted.set(true);
        while (wanted.get() && running.compareAndSet(false, true)) {
            try {
                wanted.set(false);
                sendDue();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "notification outbox: round failed, the next sweep goes on", e);
            } finally {
                running.set(false);
            }
        }
    }

    private void sendDue() {
        while (true) {
            List<Delivery> due = store.claim(BATCH);
            Set<Channel> down = EnumSet.noneOf(Channel.class);
            for (Delivery delivery : due) {
                if (down.contains(delivery.getChannel())) {
                    store.failed(delivery.getId(), "not tried: " + delivery.getChannel() + " was unavailable");
                    continue;
                }
                try {
                    if (delivery.getChannel() == Channel.EMAIL) {
                        mail.send(delivery);
                    } else {
                        sms.send(delivery);
                    }
                } catch (Exception e) {
                    LOG.log(Level.WARNING, () -> delivery.getChannel() + " delivery " + delivery.getId()
                            + " not taken (attempt " + delivery.getAttempts() + "): " + e);
                    store.failed(delivery.getId(), e.toString());
                    down.add(delivery.getChannel());
                    continue;
                }
                store.sent(delivery.getId());
            }
            if (due.size() < BATCH || !down.isEmpty()) {
                return;
            }
        }
    }
}

package org.xuke.customs;

import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.BytesMessage;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends the outbox to customs' queue, oldest first, one sender at a time (so each licence's
 * versions leave in order): at once after a licence change commits, and every five seconds for
 * what is left (after a restart, or while the broker was away). A message is marked sent only
 * after the broker took it, so none is lost; one sent twice (the server died between) carries
 * the same message id, and customs keeps the first. Stops at the first failure, to keep the order.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CustomsDispatcher {

    private static final Logger LOG = Logger.getLogger(CustomsDispatcher.class.getName());
    private static final int BATCH = 200;

    @Resource(lookup = "jms/xuke/ConnectionFactory")
    private ConnectionFactory connectionFactory;

    @Resource(lookup = "jms/xuke/customs/LicenceOut")
    private Queue licenceOut;

    @Inject
    private OutboxStore store;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean wanted = new AtomicBoolean();

    /** After a licence change committed: send now, on a container thread. */
    @Asynchronous
    public void kick() {
        drain();
    }

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
    void sweep() {
        drain();
    }

    /** One sender at a time; a call that finds one at work leaves it a note to look again. */
    private void drain() {
        wanted.set(true);
        while (wanted.get() && running.compareAndSet(false, true)) {
            try {
                wanted.set(false);
                sendPending();
            } finally {
                running.set(false);
            }
        }
    }

    private void sendPending() {
        while (true) {
            List<OutboxMessage> pending = store.pending(BATCH);
            if (pending.isEmpty()) {
                return;
            }
            try (JMSContext jms = connectionFactory.createContext()) {
                for (OutboxMessage message : pending) {
                    try {
                        BytesMessage body = jms.createBytesMessage();
                        body.writeBytes(message.bodyBytes());
                        body.setStringProperty("xukeMessageId", message.getMessageId());
                        body.setStringProperty("xukeLicenceNumber", message.getLicenceNumber());
                        body.setIntProperty("xukeLicenceVersion", message.getLicenceVersion());
                        jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).send(licenceOut, body);
                    } catch (JMSException | JMSRuntimeException e) {
                        LOG.log(Level.WARNING, "licence message " + message.getMessageId() + " not sent", e);
                        store.failed(message.getId(), e.getMessage());
                        return;
                    }
                    store.sent(message.getId());
                }
            } catch (JMSRuntimeException e) {
                LOG.log(Level.WARNING, "the broker is not reachable; the outbox waits", e);
                store.failed(pending.get(0).getId(), e.getMessage());
                return;
            }
            if (pending.size() < BATCH) {
                return;
            }
        }
    }
}

package org.xuke.notification;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** The sender's short transactions on the outbox: claim what is due, mark it sent or failed. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DeliveryStore {

    /** Longer than a send may take (the mail and SMS clients time out after 10-20 s). */
    static final Duration LEASE = Duration.ofMinutes(2);

    @PersistenceContext(unitName = "xuke")
    private EntityManager em;

    @Inject
    private Clock clock;

    /**
     * Up to {@code max} deliveries due now, oldest first, claimed for this sender: rows another
     * sender holds are skipped (SKIP LOCKED), and a claimed row is not due again before the lease ends.
     */
    @SuppressWarnings("unchecked")
    public List<Delivery> claim(int max) {
        LocalDateTime now = now();
        // the limit as the driver's maximum rows: SKIP LOCKED locks rows as they are fetched on both databases,
        // and Oracle takes no row limit beside FOR UPDATE
        List<Number> ids = em.createNativeQuery("select id from notification_delivery where sent_at_utc is null"
                + " and next_attempt_utc <= ? order by id for update skip locked")
                .setParameter(1, now).setMaxResults(max).getResultList();
        List<Delivery> claimed = ids.stream().map(id -> em.find(Delivery.class, id.longValue())).toList();
        claimed.forEach(d -> d.claim(now, LEASE));
        return claimed;
    }

    public void sent(long id) {
        em.find(Delivery.class, id).sent(now());
    }

    public void failed(long id, String error) {
        em.find(Delivery.class, id).failed(now(), error);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    }
}

package org.xuke.customs;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** The dispatcher's short transactions on the outbox: read what waits, mark what was sent or failed. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OutboxStore {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    /** Unsent messages, oldest first: sending in this order keeps each licence's versions in order. */
    public List<OutboxMessage> pending(int max) {
        return em.createQuery("select m from OutboxMessage m where m.sentAtUtc is null order by m.id",
                OutboxMessage.class).setMaxResults(max).getResultList();
    }

    public void sent(long id) {
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
        OutboxMessage message = em.find(OutboxMessage.class, id);
        message.sent(now);
        CustomsLicence standing = em.find(CustomsLicence.class, message.getLicenceId());
        if (standing != null) {
            standing.sent(now);
        }
    }

    public void failed(long id, String error) {
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
        OutboxMessage message = em.find(OutboxMessage.class, id);
        message.failed(error);
        CustomsLicence standing = em.find(CustomsLicence.class, message.getLicenceId());
        if (standing != null) {
            standing.sendFailed(now, error);
        }
    }
}

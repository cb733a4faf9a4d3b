package org.xuke.licence;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.xuke.audit.AuditEntry;
import org.xuke.audit.AuditLog;

/**
 * The end of a licence (expiry, 删证, 核销), for the contexts above that decide it: they have
 * checked their caller and the licence's usage, and call this in their transaction. The licence
 * row is locked first, so an end and anything else that reads the status under the same lock
 * (customs' usage) are ordered; each end is audited and fired as a {@link LicenceEvent}.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class LicenceEnding {

    @PersistenceContext(unitName = "xuke")
    private EntityManager em;

    @Inject
    private AuditLog audit;

    @Inject
    private Clock clock;

    @Inject
    private Event<LicenceEvent> events;

    /** The licence locked and read again from the database (null if there is none). */
    public Licence locked(long licenceId) {
        Licence licence = em.find(Licence.class, licenceId);
        if (licence == null) {
            return null;
        }
        em.lock(licence, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(licence);
        return licence;
    }

    /** Ends a licence locked by {@link #locked}; refused unless its status allows it ({@link Licence#end}). */
    public void end(Licence licence, LicenceStatus to, String reference, String actor) {
        licence.end(to, LocalDate.now(clock.withZone(LicenceService.CHINA)), actor, clock.instant(), reference);
        audit.record(AuditEntry.of(actor, "LICENCE_" + to.name(), "licence", licence.getNumber())
                .withDetails("by=" + reference));
        LicenceEvent.Kind kind = switch (to) {
            case DELETED -> LicenceEvent.Kind.DELETED;
            case WRITTEN_OFF -> LicenceEvent.Kind.WRITTEN_OFF;
            case RETURNED -> LicenceEvent.Kind.RETURNED;
            default -> LicenceEvent.Kind.EXPIRED;
        };
        events.fire(new LicenceEvent(kind, licence.getId(), licence.getNumber(), licence.getApplicationId(), actor));
    }

    /** Issued licences whose validity ended before {@code today}, oldest first, at most {@code max}. */
    public List<Long> dueToExpire(LocalDate today, int max) {
        return em.createQuery("select l.id from Licence l where l.status = :s and l.validityEnd < :t "
                + "order by l.validityEnd, l.id", Long.class).setParameter("s", LicenceStatus.ISSUED)
                .setParameter("t", today).setMaxResults(max).getResultList();
    }
}

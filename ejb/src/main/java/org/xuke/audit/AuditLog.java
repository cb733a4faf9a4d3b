package org.xuke.audit;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.xuke.platform.Page;
import org.xuke.platform.ClockProducer;

/**
 * The audit boundary. {@link #record} joins the caller's transaction, so a decision and its
 * audit row commit or roll back together; appends are serialised by a lock on the chain head.
 */
@Stateless
public class AuditLog {

    private static final int VERIFY_BATCH = 1000;

    @PersistenceContext(unitName = "xuke")
    private EntityManager em;

    @Inject
    private Clock clock;

    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public AuditEvent record(AuditEntry entry) {
        AuditChainHead head = em.find(AuditChainHead.class, AuditChainHead.ID, LockModeType.PESSIMISTIC_WRITE);
        // Milliseconds: what every database keeps exactly, so the hash can be recomputed later.
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MILLIS);
        AuditEvent event = head.append(entry, now);
        em.persist(event);
        return event;
    }

    /**
     * Walks the whole chain in position order: each row must follow the previous one without a
     * gap, carry the previous row's hash, and hash to its stored value; the head must point at
     * the last row (so removing the newest rows is caught too).
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public ChainCheck verify() {
        String expectedPrevious = HashChain.GENESIS;
        long expectedPosition = 1;
        long checked = 0;
        while (true) {
            List<AuditEvent> batch = em.createQuery(
                    "select e from AuditEvent e where e.position >= :from order by e.position", AuditEvent.class)
                    .setParameter("from", expectedPosition).setMaxResults(VERIFY_BATCH).getResultList();
            for (AuditEvent event : batch) {
                if (event.getPosition() != expectedPosition) {
                    return ChainCheck.broken(checked, expectedPosition, "audit.chain.gap");
                }
                if (!event.getPreviousHash().equals(expectedPrevious)) {
                    return ChainCheck.broken(checked, event.getPosition(), "audit.chain.link");
                }
                if (!event.computeHash().equals(event.getHash())) {
                    return ChainCheck.broken(checked, event.getPosition(), "audit.chain.content");
                }
                expectedPrevious = event.getHash();
                expectedPosition++;
                checked++;
            }
            em.clear();
            if (batch.size() < VERIFY_BATCH) {
                break;
            }
        }
        AuditChainHead head = em.find(AuditChainHead.class, AuditChainHead.ID);
        if (head.lastPosition() != checked || !head.lastHash().equals(expectedPrevious)) {
            return ChainCheck.broken(checked, checked + 1, "audit.chain.head");
        }
        return new ChainCheck(checked, null, null);
    }

    /** A page of the log and the number of events the filter finds, in one call. */
    public Page<AuditEvent> page(AuditFilter filter, int first, int max, boolean oldestFirst) {
        return new Page<>(search(filter, first, max, oldestFirst), count(filter));
    }

    public List<AuditEvent> search(AuditFilter filter, int first, int max) {
        return search(filter, first, max, false);
    }

    /** Newest first, or in the order written ({@code oldestFirst}); the position orders the chain. */
    public List<AuditEvent> search(AuditFilter filter, int first, int max, boolean oldestFirst) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        var query = cb.createQuery(AuditEvent.class);
        Root<AuditEvent> root = query.from(AuditEvent.class);
        query.where(predicates(filter, cb, root)).orderBy(oldestFirst ? cb.asc(root.get("position"))
                : cb.desc(root.get("position")));
        return em.createQuery(query).setFirstResult(Math.max(0, first)).setMaxResults(Math.min(max, 500))
                .getResultList();
    }

    public long count(AuditFilter filter) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        var query = cb.createQuery(Long.class);
        Root<AuditEvent> root = query.from(AuditEvent.class);
        query.select(cb.count(root)).where(predicates(filter, cb, root));
        return em.createQuery(query).getSingleResult();
    }

    private static Predicate[] predicates(AuditFilter filter, CriteriaBuilder cb, Root<AuditEvent> root) {
        List<Predicate> where = new ArrayList<>();
        if (filter.actor() != null && !filter.actor().isBlank()) {
            where.add(cb.equal(root.get("actor"), filter.actor().strip()));
        }
        if (filter.action() != null && !filter.action().isBlank()) {
            where.add(cb.equal(root.get("action"), filter.action().strip()));
        }
        if (filter.subject() != null && !filter.subject().isBlank()) {
            where.add(cb.equal(root.get("subjectId"), filter.subject().strip()));
        }
        if (filter.from() != null) {
            where.add(cb.greaterThanOrEqualTo(root.get("occurredAtUtc"),
                    filter.from().atStartOfDay(ClockProducer.CHINA).withZoneSameInstant(ZoneOffset.UTC)
                            .toLocalDateTime()));
        }
        if (filter.to() != null) {
            where.add(cb.lessThan(root.get("occurredAtUtc"),
                    filter.to().plusDays(1).atStartOfDay(ClockProducer.CHINA).withZoneSameInstant(ZoneOffset.UTC)
                            .toLocalDateTime()));
        }
        return where.toArray(Predicate[]::new);
    }
}

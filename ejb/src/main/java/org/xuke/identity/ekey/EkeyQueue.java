package org.xuke.identity.ekey;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.xuke.account.Account;
import org.xuke.account.DataScope;
import org.xuke.enterprise.Enterprise;
import org.xuke.identity.ekey.EkeyRequestService.QueueRow;
import org.xuke.platform.LikePattern;

/**
 * The checkers' queue of e-key requests as Criteria queries: request and enterprise in one
 * statement (a page is one query, not one more per row), the caller's authority, state and text.
 */
@Dependent
class EkeyQueue {

    @PersistenceContext(unitName = "xuke")
    private EntityManager em;

    List<QueueRow> page(Account caller, EkeyRequestState state, String search, int first, int max, String sort,
            boolean ascending) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<QueueRow> q = cb.createQuery(QueueRow.class);
        Root<EkeyRequest> r = q.from(EkeyRequest.class);
        Root<Enterprise> e = q.from(Enterprise.class);
        boolean sorted = sort != null && EkeyRequestService.SORTABLE.contains(sort);
        q.select(cb.construct(QueueRow.class, r, e)).where(predicates(cb, r, e, caller, state, search))
                .orderBy(sorted ? (ascending ? cb.asc(r.get(sort)) : cb.desc(r.get(sort))) : cb.desc(r.get("createdAtUtc")),
                        cb.desc(r.get("id")));
        return em.createQuery(q).setFirstResult(Math.max(0, first)).setMaxResults(Math.max(1, Math.min(max, 200)))
                .getResultList();
    }

    long count(Account caller, EkeyRequestState state, String search) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> q = cb.createQuery(Long.class);
        Root<EkeyRequest> r = q.from(EkeyRequest.class);
        Root<Enterprise> e = q.from(Enterprise.class);
        return em.createQuery(q.select(cb.count(r)).where(predicates(cb, r, e, caller, state, search)))
                .getSingleResult();
    }

    private static Predicate[] predicates(CriteriaBuilder cb, Root<EkeyRequest> r, Root<Enterprise> e, Account caller,
            EkeyRequestState state, String search) {
        List<Predicate> where = new ArrayList<>();
        where.add(cb.equal(e.get("id"), r.get("enterpriseId")));
        if (caller.getDataScope() != DataScope.ALL) {
            where.add(cb.equal(e.get("authorityCode"), caller.getAuthorityCode()));
        }
        if (state != null) {
            where.add(cb.equal(r.get("state"), state));
        }
        if (search != null && !search.isBlank()) {
            String upper = LikePattern.containing(search.toUpperCase(Locale.ROOT));
            where.add(cb.or(cb.like(r.get("number"), upper, '\\'), cb.like(r.get("username"), upper, '\\'),
                    cb.like(e.get("name"), LikePattern.containing(search), '\\')));
        }
        return where.toArray(Predicate[]::new);
    }
}

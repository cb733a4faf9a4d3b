package org.xuke.quota;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import org.xuke.account.Account;
import org.xuke.account.Callers;
import org.xuke.account.DataScope;
import org.xuke.account.Role;
import org.xuke.audit.AuditEntry;
import org.xuke.audit.AuditLog;
import org.xuke.enterprise.Enterprise;
import org.xuke.enterprise.EnterpriseService;
import org.xuke.enterprise.UnifiedSocialCreditCode;
import org.xuke.platform.DomainRuleException;
import org.xuke.platform.LikePattern;
import org.xuke.platform.OutOfScopeException;
import org.xuke.platform.Page;

/**
 * 配额: allocations kept by the authority administrator for the enterprises his authority serves
 * (system administrators: all), and every movement on them: an application under review holds
 * its quantity ({@link #hold}), a refusal or withdrawal releases it ({@link #release}), the
 * licence draws it ({@link #draw}) and a deletion, write-off or expiry gives back what was not
 * used ({@link #giveBack}). Each locks the allocation, is audited, and is refused rather than
 * leave a figure negative or count a quantity twice. The movements join the calling boundary's
 * transaction, which has checked its caller.
 */
@Stateless
public class QuotaService {

    @PersistenceContext(unitName = "xuke")
    private EntityManager em;

    @Inject
    private Callers callers;

    @Inject
    private AuditLog audit;

    @Inject
    private Clock clock;

    @Inject
    private EnterpriseService enterprises;

    /** A quota line as the page lists it. */
    private static final Map<String, BiFunction<Root<QuotaAllocation>, Root<Enterprise>, Expression<?>>> SORTABLE =
            Map.of("enterprise", (q, e) -> e.get("name"), "year", (q, e) -> q.get("year"), "category",
                    (q, e) -> q.get("categoryCode"), "allocated", (q, e) -> q.get("allocated"), "used",
                    (q, e) -> q.get("used"));

    /** A quota line as the lists show it, with what its licences gave back (deletion, write-off, expiry). */
    public record Row(QuotaAllocation quota, String enterpriseName, UnifiedSocialCreditCode uscc, BigDecimal returned)
            implements Serializable {

        public Row(QuotaAllocation quota, String enterpriseName, UnifiedSocialCreditCode uscc) {
            this(quota, enterpriseName, uscc, BigDecimal.ZERO);
        }
    }

    /** What one licence drew from an allocation and gave back: the movements of a quota line. */
    public record Movement(String licenceNumber, BigDecimal drawn, BigDecimal returned, String drawnBy,
            LocalDateTime drawnAtUtc) implements Serializable {

        public BigDecimal getOutstanding() {
            return drawn.subtract(returned);
        }
    }

    /** Sets (or changes) the allocation of an enterprise for a year and category. */
    public QuotaAllocation allocate(String uscc, int year, String categoryCode, BigDecimal quantity,
            String documentNumber) {
        Account caller = requireAdministrator();
        UnifiedSocialCreditCode code = UnifiedSocialCreditCode.parse(uscc == null ? "" : uscc.strip());
        Enterprise enterprise = em.createQuery("select e from Enterprise e where e.uscc = :u", Enterprise.class)
                .setParameter("u", code).getResultStream().findFirst()
                .filter(e -> caller.getDataScope() == DataScope.ALL
                        || e.getAuthorityCode().equals(caller.getAuthorityCode()))
                .orElseThrow(() -> new DomainRuleException("quota.enterpriseUnknown", code.value()));
        String category = categoryCode == null ? "" : categoryCode.strip().toUpperCase(java.util.Locale.ROOT);
        if (category.isEmpty() || category.length() > 20) {
            throw new DomainRuleException("quota.category");
        }
        if (year < 2000 || year > 2099) {
            throw new DomainRuleException("quota.year", String.valueOf(year));
        }
        QuotaAllocation quota = em.createQuery("select q from QuotaAllocation q where q.enterpriseId = :e and "
                + "q.year = :y and q.categoryCode = :c", QuotaAllocation.class).setParameter("e", enterprise.getId())
                .setParameter("y", year).setParameter("c", category).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst().orElse(null);
        if (quota == null) {
            quota = new QuotaAllocation(enterprise.getId(), year, category, quantity, documentNumber,
                    caller.getUsername());
            em.persist(quota);
        } else {
            quota.reallocate(quantity, documentNumber, caller.getUsername());
        }
        audit.record(AuditEntry.of(caller.getUsername(), "QUOTA_ALLOCATED", "quota",
                code.value() + "/" + year + "/" + category).withDetails("allocated="
                        + QuotaAllocation.plain(quantity)));
        return quota;
    }

    // ---- movements ----

    /**
     * 上报 of a quota commodity: holds the quantity for the application {@code claim.reference()}.
     * Refused without an allocation or beyond what is left (the message gives all five figures).
     * A second hold for the same application changes nothing.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void hold(QuotaClaim claim, String actor) {
        QuotaAllocation quota = allocationForUpdate(claim);
        if (em.find(QuotaHold.class, claim.reference()) != null) {
            return;
        }
        quota.hold(claim.quantity());
        em.persist(new QuotaHold(claim.reference(), quota.getId(), claim.quantity(), actor, clock.instant()));
        audit.record(AuditEntry.of(actor, "QUOTA_HELD", "quota", label(quota)).withDetails("reference="
                + claim.reference() + ";quantity=" + QuotaAllocation.plain(claim.quantity())));
    }

    /** The application no longer holds quota (returned, rejected, withdrawn); nothing if it held none. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void release(String reference, String actor) {
        QuotaHold hold = em.find(QuotaHold.class, reference, LockModeType.PESSIMISTIC_WRITE);
        if (hold == null) {
            return;
        }
        QuotaAllocation quota = em.find(QuotaAllocation.class, hold.getAllocationId(), LockModeType.PESSIMISTIC_WRITE);
        quota.release(hold.getQuantity());
        em.remove(hold);
        audit.record(AuditEntry.of(actor, "QUOTA_RELEASED", "quota", label(quota)).withDetails("reference="
                + reference + ";quantity=" + QuotaAllocation.plain(hold.getQuantity())));
    }

    /**
     * 发证: licence {@code licenceNumber} draws {@code claim.quantity()}; the application's hold is
     * released first, then the quota is checked again (it may have been lowered meanwhile).
     * A licence draws once.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void draw(QuotaClaim claim, String licenceNumber, String actor) {
        QuotaAllocation quota = allocationForUpdate(claim);
        if (em.find(QuotaDraw.class, licenceNumber) != null) {
            throw new DomainRuleException("quota.drawnTwice", licenceNumber);
        }
        QuotaHold hold = em.find(QuotaHold.class, claim.reference());
        if (hold != null) {
            quota.release(hold.getQuantity());
            em.remove(hold);
        }
        quota.draw(claim.quantity());
        em.persist(new QuotaDraw(licenceNumber, quota.getId(), claim.quantity(), actor, clock.instant()));
        audit.record(AuditEntry.of(actor, "QUOTA_DRAWN", "quota", label(quota)).withDetails("licence=" + licenceNumber
                + ";reference=" + claim.reference() + ";quantity=" + QuotaAllocation.plain(claim.quantity())));
    }

    /**
     * 删证, 核销, expiry: licence {@code licenceNumber} gives back {@code quantity} of what it drew;
     * never more than it still holds. A licence that drew no quota gives nothing (false).
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public boolean giveBack(String licenceNumber, BigDecimal quantity, String reason, String actor) {
        QuotaDraw draw = em.find(QuotaDraw.class, licenceNumber, LockModeType.PESSIMISTIC_WRITE);
        if (draw == null) {
            return false;
        }
        QuotaAllocation quota = em.find(QuotaAllocation.class, draw.getAllocationId(), LockModeType.PESSIMISTIC_WRITE);
        draw.giveBack(quantity);
        quota.giveBack(quantity);
        audit.record(AuditEntry.of(actor, "QUOTA_RETURNED", "quota", label(quota)).withDetails("licence="
                + licenceNumber + ";quantity=" + QuotaAllocation.plain(quantity) + ";reason=" + reason));
        return true;
    }

    /**
     * Settles a licence's quota once what it used is known: of what it drew, everything beyond
     * {@code used} comes back, less what came back already (so expiry then write-off, or a second
     * run, never give back twice). Returns what came back now (zero if it drew none).
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public BigDecimal settle(String licenceNumber, BigDecimal used, String reason, String actor) {
        BigDecimal due = returnable(licenceNumber, used);
        if (due.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        giveBack(licenceNumber, due, reason, actor);
        return due;
    }

    /** What {@link #settle} would give back now for a licence that used {@code used}. */
    public BigDecimal returnable(String licenceNumber, BigDecimal used) {
        QuotaDraw draw = em.find(QuotaDraw.class, licenceNumber);
        if (draw == null) {
            return BigDecimal.ZERO;
        }
        BigDecimal unused = draw.getQuantity().subtract(used.max(BigDecimal.ZERO)).max(BigDecimal.ZERO);
        return unused.subtract(draw.getReturned()).max(BigDecimal.ZERO);
    }

    /** What a licence drew and has not given back (zero if it drew none). */
    public BigDecimal outstanding(String licenceNumber) {
        QuotaDraw draw = em.find(QuotaDraw.class, licenceNumber);
        return draw == null ? BigDecimal.ZERO : draw.outstanding();
    }

    /** The allocation of an enterprise, year and category, as it stands (null if none). */
    public QuotaAllocation allocation(long enterpriseId, int year, String categoryCode) {
        return em.createQuery("select q from QuotaAllocation q where q.enterpriseId = :e and q.year = :y and "
                + "q.categoryCode = :c", QuotaAllocation.class).setParameter("e", enterpriseId).setParameter("y", year)
                .setParameter("c", categoryCode).getResultStream().findFirst().orElse(null);
    }

    /** The allocation row locked: two submissions of one enterprise cannot both take the last of it. */
    private QuotaAllocation allocationForUpdate(QuotaClaim claim) {
        return em.createQuery("select q from QuotaAllocation q where q.enterpriseId = :e and q.year = :y and "
                + "q.categoryCode = :c", QuotaAllocation.class).setParameter("e", claim.enterpriseId())
                .setParameter("y", claim.year()).setParameter("c", claim.categoryCode())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst()
                .orElseThrow(() -> new DomainRuleException("quota.none", claim.categoryCode(),
                        String.valueOf(claim.year())));
    }

    private static String label(QuotaAllocation quota) {
        return quota.getEnterpriseId() + "/" + quota.getYear() + "/" + quota.getCategoryCode();
    }

    // ---- the administrator's list ----

    /** A page of the allocations the caller administers and their number, in one call. */
    public Page<Row> pageForCaller(QuotaFilter filter, int first, int max, String sort, boolean ascending) {
        return new Page<>(listForCaller(filter, first, max, sort, ascending), countForCaller(filter));
    }

    /**
     * 配额查询: the allocations the caller may see (an enterprise's users: their company's; the
     * authority administrator: his authority's; system administrators: all), filtered, sorted and
     * paged in the database, each with what its licences gave back.
     */
    public List<Row> listForCaller(QuotaFilter filter, int first, int max, String sort, boolean ascending) {
        Account caller = reader();
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Row> q = cb.createQuery(Row.class);
        Root<QuotaAllocation> quota = q.from(QuotaAllocation.class);
        Root<Enterprise> e = q.from(Enterprise.class);
        var sortBy = SORTABLE.get(sort == null ? "" : sort);
        List<Order> order = new ArrayList<>();
        if (sortBy == null) {
            order.addAll(List.of(cb.desc(quota.get("year")), cb.asc(e.get("name")), cb.asc(quota.get("categoryCode")),
                    cb.asc(quota.get("id"))));
        } else {
            Expression<?> by = sortBy.apply(quota, e);
            order.add(ascending ? cb.asc(by) : cb.desc(by));
            order.add(ascending ? cb.asc(quota.get("id")) : cb.desc(quota.get("id")));
        }
        q.select(cb.construct(Row.class, quota, e.get("name"), e.get("uscc")))
                .where(predicates(cb, quota, e, caller, filter)).orderBy(order);
        List<Row> rows = em.createQuery(q).setFirstResult(Math.max(0, first))
                .setMaxResults(Math.min(Math.max(1, max), 200)).getResultList();
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, BigDecimal> returned = new HashMap<>();
        for (Object[] sum : em.createQuery("select d.allocationId, sum(d.returned) from QuotaDraw d "
                + "where d.allocationId in :ids group by d.allocationId", Object[].class)
                .setParameter("ids", rows.stream().map(r -> r.quota().getId()).toList()).getResultList()) {
            returned.put((Long) sum[0], (BigDecimal) sum[1]);
        }
        return rows.stream().map(r -> new Row(r.quota(), r.enterpriseName(), r.uscc(),
                returned.getOrDefault(r.quota().getId(), BigDecimal.ZERO))).toList();
    }

    /** The licences that drew on one allocation the caller may see, newest first: every figure traced. */
    public List<Movement> movementsForCaller(long allocationId) {
        Account caller = reader();
        QuotaAllocation quota = em.find(QuotaAllocation.class, allocationId);
        if (quota == null || !visible(caller, quota)) {
            throw new OutOfScopeException("quota.notFound");
        }
        return em.createQuery("select d from QuotaDraw d where d.allocationId = :a order by d.drawnAtUtc desc, "
                + "d.licenceNumber", QuotaDraw.class).setParameter("a", allocationId).setMaxResults(1000)
                .getResultList().stream().map(d -> new Movement(d.getLicenceNumber(), d.getQuantity(), d.getReturned(),
                        d.getDrawnBy(), d.getDrawnAtUtc())).toList();
    }

    private boolean visible(Account caller, QuotaAllocation quota) {
        if (caller.getEnterpriseId() != null) {
            return caller.getEnterpriseId() == quota.getEnterpriseId();
        }
        if (caller.getDataScope() == DataScope.ALL) {
            return true;
        }
        Enterprise holder = em.find(Enterprise.class, quota.getEnterpriseId());
        return holder != null && holder.getAuthorityCode().equals(caller.getAuthorityCode());
    }

    public long countForCaller(QuotaFilter filter) {
        Account caller = reader();
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> q = cb.createQuery(Long.class);
        Root<QuotaAllocation> quota = q.from(QuotaAllocation.class);
        Root<Enterprise> e = q.from(Enterprise.class);
        return em.createQuery(q.select(cb.count(quota)).where(predicates(cb, quota, e, caller, filter)))
                .getSingleResult();
    }

    private Predicate[] predicates(CriteriaBuilder cb, Root<QuotaAllocation> quota, Root<Enterprise> e,
            Account caller, QuotaFilter filter) {
        List<Predicate> where = new ArrayList<>();
        where.add(cb.equal(e.get("id"), quota.get("enterpriseId")));
        if (caller.getEnterpriseId() != null) {
            where.add(cb.equal(quota.get("enterpriseId"), caller.getEnterpriseId()));
        } else if (caller.getDataScope() != DataScope.ALL) {
            where.add(cb.equal(e.get("authorityCode"), caller.getAuthorityCode()));
        }
        if (!blank(filter.document())) {
            where.add(cb.like(quota.get("documentNumber"), LikePattern.containing(filter.document().strip()), '\\'));
        }
        if (filter.year() != null) {
            where.add(cb.equal(quota.get("year"), filter.year()));
        }
        if (caller.getEnterpriseId() == null && !blank(filter.enterprise())) {
            List<Long> matching = enterprises.idsMatching(filter.enterprise());
            where.add(matching.isEmpty() ? cb.disjunction() : quota.get("enterpriseId").in(matching));
        }
        if (!blank(filter.category())) {
            where.add(cb.like(quota.get("categoryCode"),
                    LikePattern.startingWith(filter.category().toUpperCase(Locale.ROOT)), '\\'));
        }
        return where.toArray(Predicate[]::new);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** Who reads quota lines: an enterprise's users (their own), the authority and system administrators. */
    private Account reader() {
        Account caller = callers.require();
        if (caller.getEnterpriseId() != null) {
            return caller;
        }
        return requireAdministrator();
    }

    private Account requireAdministrator() {
        Account caller = callers.require();
        if (!caller.hasRole(Role.AUTHORITY_ADMIN) && !caller.hasRole(Role.SYSTEM_ADMIN)) {
            throw new DomainRuleException("access.denied");
        }
        return caller;
    }
}

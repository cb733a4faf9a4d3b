package org.xuke.quota;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.time.Clock;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.xuke.audit.AuditEntry;
import org.xuke.audit.AuditLog;
import org.xuke.enterprise.Enterprise;
import org.xuke.enterprise.UnifiedSocialCreditCode;
import org.xuke.account.Account;
import org.xuke.account.Callers;
import org.xuke.account.DataScope;
import org.xuke.account.Role;
import org.xuke.platform.DomainRuleException;
import org.xuke.platform.LikePattern;

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

    /** A quota line as the page lists it. */
    private static final Map<String, String> SORTABLE = Map.of("enterprise", "e.name", "year", "q.year",
            "category", "q.categoryCode", "allocated", "q.allocated", "used", "q.used");

    public record Row(QuotaAllocation quota, String enterpriseName, UnifiedSocialCreditCode uscc) implements Serializable {
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

    /** The allocations the caller administers, filtered, sorted and paged in the database. */
    public List<Row> listForCaller(QuotaFilter filter, int first, int max, String sort, boolean ascending) {
        Account caller = requireAdministrator();
        String order = SORTABLE.get(sort == null ? "" : sort);
        String direction = ascending ? " asc" : " desc";
        TypedQuery<Row> query = em.createQuery("select new org.xuke.quota.QuotaService.Row(q, e.name, e.uscc) "
                + "from QuotaAllocation q, Enterprise e where e.id = q.enterpriseId" + where(caller, filter)
                + " order by " + (order == null ? "q.year desc, e.name, q.categoryCode" : order + direction)
                + ", q.id" + (order == null ? "" : direction), Row.class);
        bind(query, caller, filter);
        return query.setFirstResult(Math.max(0, first)).setMaxResults(Math.min(Math.max(1, max), 200))
                .getResultList();
    }

    public long countForCaller(QuotaFilter filter) {
        Account caller = requireAdministrator();
        TypedQuery<Long> query = em.createQuery("select count(q) from QuotaAllocation q, Enterprise e "
                + "where e.id = q.enterpriseId" + where(caller, filter), Long.class);
        bind(query, caller, filter);
        return query.getSingleResult();
    }

    private static String where(Account caller, QuotaFilter filter) {
        StringBuilder where = new StringBuilder(caller.getDataScope() == DataScope.ALL ? ""
                : " and e.authorityCode = :a");
        if (filter.year() != null) {
            where.append(" and q.year = :y");
        }
        if (!blank(filter.enterprise())) {
            // the code through a cast: compared as text, not through its converter, so a part of it matches
            where.append(" and (e.name like :e or cast(e.uscc as varchar(18)) like :u)");
        }
        if (!blank(filter.category())) {
            where.append(" and q.categoryCode like :c");
        }
        return where.toString();
    }

    private static void bind(TypedQuery<?> query, Account caller, QuotaFilter filter) {
        if (caller.getDataScope() != DataScope.ALL) {
            query.setParameter("a", caller.getAuthorityCode());
        }
        if (filter.year() != null) {
            query.setParameter("y", filter.year());
        }
        if (!blank(filter.enterprise())) {
            String text = filter.enterprise().strip();
            query.setParameter("e", LikePattern.containing(text));
            query.setParameter("u", LikePattern.containing(text.toUpperCase(Locale.ROOT)));
        }
        if (!blank(filter.category())) {
            query.setParameter("c", LikePattern.startingWith(filter.category().strip().toUpperCase(Locale.ROOT)));
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private Account requireAdministrator() {
        Account caller = callers.require();
        if (!caller.hasRole(Role.AUTHORITY_ADMIN) && !caller.hasRole(Role.SYSTEM_ADMIN)) {
            throw new DomainRuleException("access.denied");
        }
        return caller;
    }
}

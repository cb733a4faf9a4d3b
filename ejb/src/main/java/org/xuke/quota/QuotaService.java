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
import org.xuke.audit.AuditEntry;
import org.xuke.audit.AuditLog;
import org.xuke.enterprise.Enterprise;
import org.xuke.enterprise.UnifiedSocialCreditCode;
import org.xuke.identity.Account;
import org.xuke.identity.Callers;
import org.xuke.identity.DataScope;
import org.xuke.identity.Role;
import org.xuke.platform.DomainRuleException;
import org.xuke.platform.LikePattern;

/**
 * 配额 records, kept by the authority administrator for the enterprises his authority serves
 * (system administrators: all). Submissions check them and issued licences draw on them
 * ({@link org.xuke.application.ExportApplicationService}).
 */
@Stateless
public class QuotaService {

    @PersistenceContext(unitName = "xuke")
    private EntityManager em;

    @Inject
    private Callers callers;

    @Inject
    private AuditLog audit;

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

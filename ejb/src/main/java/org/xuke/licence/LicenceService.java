package org.xuke.licence;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.xuke.account.Account;
import org.xuke.account.Callers;
import org.xuke.account.DataScope;
import org.xuke.account.Role;
import org.xuke.audit.AuditEntry;
import org.xuke.audit.AuditLog;
import org.xuke.catalog.CatalogService;
import org.xuke.catalog.IssuingAuthority;
import org.xuke.enterprise.Enterprise;
import org.xuke.identity.CanonicalJson;
import org.xuke.identity.CertificateService;
import org.xuke.platform.DomainRuleException;
import org.xuke.platform.LikePattern;
import org.xuke.platform.OutOfScopeException;
import org.xuke.platform.Page;
import org.xuke.platform.Zones;
import org.xuke.quota.QuotaService;

/**
 * The boundary of issued licences, of every kind: issuing (number, seal, quota draw, audit, the
 * {@link LicenceEvent}), reading one licence within the caller's scope, and 查看电子许可证 (the
 * lists). The application side hands over a {@link LicenceIssue}; nothing here reads applications.
 */
@Stateless
public class LicenceService {

    static final ZoneId CHINA = Zones.CHINA;

    /** The list's sortable columns: the page's column ids to the expressions they sort by. */
    private static final Map<String, BiFunction<Root<Licence>, Root<Enterprise>, Expression<?>>> SORTABLE = Map.of(
            "number", (l, e) -> l.get("number"), "commodityCode", (l, e) -> l.get("commodityCode"),
            "holderName", (l, e) -> e.get("name"), "totalUsd", (l, e) -> l.get("totalUsd"),
            "validityEnd", (l, e) -> l.get("validityEnd"), "issuedAtUtc", (l, e) -> l.get("issuedAtUtc"));

    @PersistenceContext(unitName = "xuke")
    private EntityManager em;

    @Inject
    private CatalogService catalogs;

    @Inject
    private Callers callers;

    @Inject
    private CertificateService certificates;

    @Inject
    private LicenceNumbers numbers;

    @Inject
    private QuotaService quota;

    @Inject
    private AuditLog audit;

    @Inject
    private Clock clock;

    @Inject
    private Event<LicenceEvent> events;

    // ---- issuing ----

    /**
     * 发证: the licence gets the next number of its authority's gap-free sequence (in this
     * transaction), draws its quota (checked again), and its canonical content is sealed by the
     * issuing officer. Refused when the validity has ended, when the source was issued already,
     * and until the authority has its licence-number code.
     */
    public Licence issue(LicenceIssue issue) {
        Account caller = callers.require();
        if (caller.getEnterpriseId() != null || !caller.hasRole(Role.ISSUER)
                || caller.getDataScope() != DataScope.ALL && !issue.authorityCode().equals(caller.getAuthorityCode())) {
            throw new DomainRuleException("access.denied");
        }
        LocalDate today = today();
        if (issue.validityEnd().isBefore(today)) {
            throw new DomainRuleException("licence.validityEnded", issue.validityEnd().toString());
        }
        Optional<Licence> earlier = ofApplication(issue.source());
        if (earlier.isPresent()) {
            throw new DomainRuleException("licence.alreadyIssued", issue.sourceLabel(), earlier.get().getNumber());
        }
        IssuingAuthority authority = catalogs.findAuthority(issue.authorityCode());
        String code = authority == null ? null : authority.getLicenceNumberCode();
        if (code == null || code.isBlank()) {
            throw new DomainRuleException("licence.noAuthorityCode", issue.authorityCode());
        }
        LicenceNumber number = numbers.next(code, issue.year());
        if (issue.quota() != null) {
            quota.draw(issue.quota(), number.value(), caller.getUsername());
        }
        Map<String, Object> document = new LinkedHashMap<>(issue.content());
        document.put("licenceNumber", number.value());
        document.put("authority", authority.getNameZh());
        document.put("issueDate", today.toString());
        byte[] content = CanonicalJson.bytes(document);
        Licence licence = new Licence(issue, number, caller.getUsername(), clock.instant(), content,
                certificates.sealAs(caller.getUsername(), content));
        em.persist(licence);
        em.flush();
        audit.record(AuditEntry.of(caller.getUsername(), "LICENCE_ISSUED", "licence", number.value())
                .withDetails("application=" + issue.sourceLabel() + ";kind=" + issue.kind().customsCode()));
        events.fire(new LicenceEvent(LicenceEvent.Kind.ISSUED, licence.getId(), licence.getNumber(),
                licence.getApplicationId(), caller.getUsername()));
        return licence;
    }

    // ---- reading ----

    /**
     * The licence issued from an application, for the application side's views (which have
     * checked the caller's scope on the application).
     */
    public Optional<Licence> ofApplication(long applicationId) {
        return em.createQuery("select l from Licence l where l.applicationId = :a", Licence.class)
                .setParameter("a", applicationId).getResultStream().findFirst();
    }

    /** The licence numbers of these applications (the issued ones), for the application lists. */
    public Map<Long, String> numbersOfApplications(List<Long> applicationIds) {
        Map<Long, String> numbers = new HashMap<>();
        if (applicationIds.isEmpty()) {
            return numbers;
        }
        for (Object[] row : em.createQuery("select l.applicationId, l.number from Licence l "
                + "where l.applicationId in :ids", Object[].class).setParameter("ids", applicationIds).getResultList()) {
            numbers.put((Long) row[0], (String) row[1]);
        }
        return numbers;
    }

    /**
     * The licence with this number if the caller may read it: its holder's users within their data
     * scope, its authority's licence staff. Anything else answers as an unknown number; a licence
     * outside the scope is audited.
     */
    public Licence readable(String number) {
        Account caller = callers.require();
        Licence licence = byNumber(number).orElseThrow(() -> new OutOfScopeException("licence.notFound"));
        if (!LicenceScope.covers(caller, licence)) {
            audit.record(AuditEntry.of(caller.getUsername(), "ACCESS_DENIED", "licence", licence.getNumber()));
            throw new OutOfScopeException("licence.notFound");
        }
        return licence;
    }

    /**
     * 许可证核验 (no caller): the licence with this number and verification code, or nothing — an
     * unknown number and a wrong code answer alike, so numbers cannot be probed.
     */
    public Optional<Licence> verifiable(String number, String code) {
        return byNumber(number).filter(l -> l.hasVerificationCode(code));
    }

    /** The licence with this number, for the contexts above that check who may see it (customs' messages). */
    public Optional<Licence> byNumber(String number) {
        if (number == null || number.isBlank() || number.strip().length() > LicenceNumber.LENGTH) {
            return Optional.empty();
        }
        return em.createQuery("select l from Licence l where l.number = :n", Licence.class)
                .setParameter("n", number.strip().toUpperCase(Locale.ROOT)).getResultStream().findFirst();
    }

    /**
     * 查看电子许可证: the caller's licences with their holder and standing today, filtered, sorted
     * and paged in the database; newest first unless sorted.
     */
    public List<LicenceRow> listForCaller(LicenceFilter filter, int first, int max, String sort, boolean ascending) {
        return rows(reader(), filter, first, max, sort, ascending);
    }

    /** A list page in one call: the rows as {@link #listForCaller} gives them and the list's total. */
    public Page<LicenceRow> pageForCaller(LicenceFilter filter, int first, int max, String sort, boolean ascending) {
        Account caller = reader();
        return new Page<>(rows(caller, filter, first, max, sort, ascending), count(caller, filter));
    }

    private List<LicenceRow> rows(Account caller, LicenceFilter filter, int first, int max, String sort,
            boolean ascending) {
        LocalDate today = today();
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<LicenceRow> q = cb.createQuery(LicenceRow.class);
        Root<Licence> l = q.from(Licence.class);
        Root<Enterprise> e = q.from(Enterprise.class);
        List<Predicate> where = predicates(cb, l, e, caller, filter, today);
        where.add(cb.equal(e.get("id"), l.get("enterpriseId")));
        var sortBy = SORTABLE.get(sort == null ? "" : sort);
        boolean asc = sortBy != null && ascending;
        Expression<?> order = sortBy == null ? l.get("issuedAtUtc") : sortBy.apply(l, e);
        q.select(cb.construct(LicenceRow.class, l.get("number"), l.get("applicationId"), e.get("name"),
                l.get("commodityCode"), l.get("totalQuantity"), l.get("totalUsd"), l.get("validityEnd"),
                l.get("oneBatch"), l.get("issuedBy"), l.get("issuedAtUtc"), l.get("status")))
                .where(where.toArray(Predicate[]::new))
                .orderBy(asc ? cb.asc(order) : cb.desc(order), asc ? cb.asc(l.get("id")) : cb.desc(l.get("id")));
        return em.createQuery(q).setFirstResult(Math.max(0, first)).setMaxResults(Math.min(Math.max(1, max), 200))
                .getResultList().stream().map(r -> r.on(today)).toList();
    }

    public long countForCaller(LicenceFilter filter) {
        return count(reader(), filter);
    }

    /** The caller's valid licences whose validity ends on or before {@code by} (the home page's warning). */
    public long countExpiringForCaller(LocalDate by) {
        Account caller = reader();
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> q = cb.createQuery(Long.class);
        Root<Licence> l = q.from(Licence.class);
        List<Predicate> where = predicates(cb, l, null, caller, new LicenceFilter(null, null, null, null, null,
                LicenceStanding.VALID), today());
        where.add(cb.lessThanOrEqualTo(l.get("validityEnd"), by));
        return em.createQuery(q.select(cb.count(l)).where(where.toArray(Predicate[]::new))).getSingleResult();
    }

    private long count(Account caller, LicenceFilter filter) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> q = cb.createQuery(Long.class);
        Root<Licence> l = q.from(Licence.class);
        // the enterprise is joined only when the holder is searched
        Root<Enterprise> e = blank(filter.holder()) ? null : q.from(Enterprise.class);
        List<Predicate> where = predicates(cb, l, e, caller, filter, today());
        if (e != null) {
            where.add(cb.equal(e.get("id"), l.get("enterpriseId")));
        }
        return em.createQuery(q.select(cb.count(l)).where(where.toArray(Predicate[]::new))).getSingleResult();
    }

    private List<Predicate> predicates(CriteriaBuilder cb, Root<Licence> l, Root<Enterprise> e, Account caller,
            LicenceFilter filter, LocalDate today) {
        List<Predicate> where = scope(cb, l, caller);
        if (!blank(filter.number())) {
            where.add(cb.like(l.get("number"), LikePattern.containing(filter.number().toUpperCase(Locale.ROOT)), '\\'));
        }
        if (!blank(filter.commodity())) {
            where.add(cb.like(l.get("commodityCode"), LikePattern.startingWith(filter.commodity()), '\\'));
        }
        if (e != null && !blank(filter.holder())) {
            where.add(cb.like(e.get("name"), LikePattern.containing(filter.holder()), '\\'));
        }
        if (filter.issuedFrom() != null) {
            where.add(cb.greaterThanOrEqualTo(l.get("issuedAtUtc"), Zones.utcStartOf(filter.issuedFrom())));
        }
        if (filter.issuedTo() != null) {
            where.add(cb.lessThan(l.get("issuedAtUtc"), Zones.utcStartOf(filter.issuedTo().plusDays(1))));
        }
        if (filter.standing() != null) {
            where.add(switch (filter.standing()) {
                case VALID -> cb.and(cb.equal(l.get("status"), LicenceStatus.ISSUED),
                        cb.greaterThanOrEqualTo(l.get("validityEnd"), today));
                // recorded by the daily run, or past its end and not yet recorded
                case EXPIRED -> cb.or(cb.equal(l.get("status"), LicenceStatus.EXPIRED),
                        cb.and(cb.equal(l.get("status"), LicenceStatus.ISSUED), cb.lessThan(l.get("validityEnd"), today)));
                case DELETED -> cb.equal(l.get("status"), LicenceStatus.DELETED);
                case WRITTEN_OFF -> cb.equal(l.get("status"), LicenceStatus.WRITTEN_OFF);
                case RETURNED -> cb.equal(l.get("status"), LicenceStatus.RETURNED);
            });
        }
        return where;
    }

    /**
     * The signed-in caller's licence scope as criteria on a licence root, for the lists of the
     * contexts above (customs' status list): the same rule as 查看电子许可证, refused alike.
     */
    public List<Predicate> scopeOfCaller(CriteriaBuilder cb, Root<Licence> l) {
        return predicates(cb, l, null, reader(), new LicenceFilter(null, null, null, null, null, null), today());
    }

    /**
     * The same scope on the rows of a reporting model that carry a licence's scope columns under the
     * licence's names ({@code enterpriseId}, {@code applicant}, {@code department},
     * {@code authorityCode}): the statistics read their own tables, never the licence's, and are
     * scoped by this one rule.
     */
    public List<Predicate> scopeOfCallerOn(CriteriaBuilder cb, Path<?> row) {
        return scope(cb, row, reader());
    }

    /** A caller who reads an authority's licences in full, or all of them ({@code authorityCode} null). */
    public record Jurisdiction(String authorityCode) implements Serializable {
    }

    /**
     * The caller's jurisdiction when he reads whole authorities' licences (licence staff, the system
     * administrator); empty for an enterprise's users, whose scope is their company within their data
     * scope. Statistics read monthly sums for a jurisdiction, and an enterprise's rows for its users.
     */
    public Optional<Jurisdiction> jurisdictionOfCaller() {
        Account caller = reader();
        if (caller.getEnterpriseId() != null) {
            return Optional.empty();
        }
        return Optional.of(new Jurisdiction(caller.getDataScope() == DataScope.ALL ? null : caller.getAuthorityCode()));
    }

    private static List<Predicate> scope(CriteriaBuilder cb, Path<?> row, Account caller) {
        List<Predicate> where = new ArrayList<>();
        if (caller.getEnterpriseId() != null) {
            where.add(cb.equal(row.get("enterpriseId"), caller.getEnterpriseId()));
            if (caller.getDataScope() == DataScope.SELF) {
                where.add(cb.equal(row.get("applicant"), caller.getUsername()));
            } else if (caller.getDataScope() == DataScope.DEPARTMENT) {
                where.add(caller.getDepartment() == null ? cb.disjunction()
                        : cb.equal(row.get("department"), caller.getDepartment()));
            }
        } else if (caller.getDataScope() != DataScope.ALL) {
            where.add(cb.equal(row.get("authorityCode"), caller.getAuthorityCode()));
        }
        return where;
    }

    private Account reader() {
        Account caller = callers.require();
        if (!LicenceScope.mayReadLicences(caller)) {
            throw new DomainRuleException("access.denied");
        }
        return caller;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }


    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}

package org.xuke.customs;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.xuke.licence.Licence;
import org.xuke.licence.LicenceLine;
import org.xuke.licence.LicenceService;
import org.xuke.platform.LikePattern;
import org.xuke.platform.Page;
import org.xuke.platform.Zones;

/**
 * What customs says of licences, for people: 海关状态查询 (the caller's licences with their status
 * at customs, filtered, sorted and paged in the database, in the caller's licence scope), and per
 * licence 报关余量 and 使用情况 (approved, used from customs' cumulative figures, remaining, uses of
 * those allowed, each declaration).
 */
@Stateless
public class CustomsQueries {

    /** 海关状态查询's search: licence number (part), issue date range in China time, status. Any part may be null. */
    public record StatusFilter(String number, LocalDate issuedFrom, LocalDate issuedTo, CustomsStatus status)
            implements Serializable {
    }

    public record StatusRow(String number, long applicationId, LocalDateTime issuedAtUtc, CustomsStatus status,
            LocalDateTime statusAtUtc, String reasonCode, String reasonText, int version) implements Serializable {
    }

    public record LineStanding(int lineNumber, String commodityCode, String unitCode, BigDecimal approved,
            BigDecimal used, BigDecimal remaining) implements Serializable {
    }

    public record DeclarationRow(String declarationNumber, LocalDate date, String port, String state,
            BigDecimal quantity) implements Serializable {
    }

    /** A licence at customs: its status, each line's approved / used / remaining, the uses, the declarations. */
    public record Standing(CustomsStatus status, LocalDateTime statusAtUtc, String reasonCode, String reasonText,
            List<LineStanding> lines, long uses, int usesAllowed, List<DeclarationRow> declarations)
            implements Serializable {
    }

    /** 结关数据查询 / 核销数据查询: licence number (part), declaration date range, stage. Any part may be null. */
    public record DeclarationFilter(String licenceNumber, LocalDate from, LocalDate to,
            CustomsMessage.DeclarationState state) implements Serializable {
    }

    public record DeclarationListRow(String declarationNumber, long licenceId, String licenceNumber,
            long applicationId, LocalDate date, String port, CustomsMessage.DeclarationState state,
            BigDecimal quantity, String unitCode) implements Serializable {

        /** As read from the database: the quantity is summed from the lines afterwards, with its unit. */
        public DeclarationListRow(String declarationNumber, long licenceId, String licenceNumber, long applicationId,
                LocalDate date, String port, CustomsMessage.DeclarationState state) {
            this(declarationNumber, licenceId, licenceNumber, applicationId, date, port, state, BigDecimal.ZERO, null);
        }

        /** The row's key in lists: a declaration may name several licences. */
        public String key() {
            return declarationNumber + "/" + licenceNumber;
        }

        DeclarationListRow withQuantity(BigDecimal sum, String unit) {
            return new DeclarationListRow(declarationNumber, licenceId, licenceNumber, applicationId, date, port,
                    state, sum, unit);
        }
    }

    private static final Map<String, String> DECLARATION_SORTABLE = Map.of("declarationNumber", "declarationNumber",
            "licenceNumber", "number", "date", "declarationDate", "state", "state");

    private static final Map<String, String> SORTABLE = Map.of("number", "number", "issuedAtUtc", "issuedAtUtc",
            "status", "status", "statusAtUtc", "statusAtUtc");

    @PersistenceContext
    private EntityManager em;

    @Inject
    private LicenceService licences;

    public Page<StatusRow> statusPage(StatusFilter filter, int first, int max, String sort, boolean ascending) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<StatusRow> q = cb.createQuery(StatusRow.class);
        Root<Licence> l = q.from(Licence.class);
        Root<CustomsLicence> c = q.from(CustomsLicence.class);
        List<Predicate> where = where(cb, l, c, filter);
        String field = SORTABLE.get(sort == null ? "" : sort);
        Expression<?> order = field == null ? l.get("issuedAtUtc")
                : field.startsWith("status") ? c.get(field) : l.get(field);
        boolean asc = field != null && ascending;
        q.select(cb.construct(StatusRow.class, l.get("number"), l.get("applicationId"), l.get("issuedAtUtc"),
                c.get("status"), c.get("statusAtUtc"), c.get("reasonCode"), c.get("reasonText"), c.get("lastVersion")))
                .where(where.toArray(Predicate[]::new))
                .orderBy(asc ? cb.asc(order) : cb.desc(order), asc ? cb.asc(l.get("id")) : cb.desc(l.get("id")));
        List<StatusRow> rows = em.createQuery(q).setFirstResult(Math.max(0, first))
                .setMaxResults(Math.min(Math.max(1, max), 200)).getResultList();
        CriteriaQuery<Long> counted = cb.createQuery(Long.class);
        Root<Licence> cl = counted.from(Licence.class);
        Root<CustomsLicence> cc = counted.from(CustomsLicence.class);
        long total = em.createQuery(counted.select(cb.count(cl)).where(where(cb, cl, cc, filter)
                .toArray(Predicate[]::new))).getSingleResult();
        return new Page<>(rows, total);
    }

    private List<Predicate> where(CriteriaBuilder cb, Root<Licence> l, Root<CustomsLicence> c, StatusFilter filter) {
        List<Predicate> where = new ArrayList<>(licences.scopeOfCaller(cb, l));
        where.add(cb.equal(c.get("licenceId"), l.get("id")));
        if (filter.number() != null && !filter.number().isBlank()) {
            where.add(cb.like(l.get("number"), LikePattern.containing(filter.number().strip().toUpperCase(Locale.ROOT)),
                    '\\'));
        }
        if (filter.issuedFrom() != null) {
            where.add(cb.greaterThanOrEqualTo(l.get("issuedAtUtc"), Zones.utcStartOf(filter.issuedFrom())));
        }
        if (filter.issuedTo() != null) {
            where.add(cb.lessThan(l.get("issuedAtUtc"), Zones.utcStartOf(filter.issuedTo().plusDays(1))));
        }
        if (filter.status() != null) {
            where.add(cb.equal(c.get("status"), filter.status()));
        }
        return where;
    }

    /**
     * 结关数据查询 and 核销数据查询: the declarations customs reported against the caller's licences
     * (in his licence scope), newest first unless sorted, with the quantity each declared.
     */
    public Page<DeclarationListRow> declarationPage(DeclarationFilter filter, int first, int max, String sort,
            boolean ascending) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<DeclarationListRow> q = cb.createQuery(DeclarationListRow.class);
        Root<Declaration> d = q.from(Declaration.class);
        Root<Licence> l = q.from(Licence.class);
        String field = DECLARATION_SORTABLE.get(sort == null ? "" : sort);
        Expression<?> order = field == null ? d.get("declarationDate") : "number".equals(field) ? l.get(field)
                : d.get(field);
        boolean asc = field != null && ascending;
        q.select(cb.construct(DeclarationListRow.class, d.get("declarationNumber"), l.get("id"), l.get("number"),
                l.get("applicationId"), d.get("declarationDate"), d.get("portCode"), d.get("state")))
                .where(declarationWhere(cb, d, l, filter).toArray(Predicate[]::new))
                .orderBy(asc ? cb.asc(order) : cb.desc(order), cb.asc(d.get("declarationNumber")));
        List<DeclarationListRow> rows = em.createQuery(q).setFirstResult(Math.max(0, first))
                .setMaxResults(Math.min(Math.max(1, max), 200)).getResultList();
        Map<String, BigDecimal> sums = new HashMap<>();
        if (!rows.isEmpty()) {
            for (DeclarationLine line : em.createQuery("select x from DeclarationLine x where x.declarationNumber in :n",
                    DeclarationLine.class).setParameter("n", rows.stream().map(DeclarationListRow::declarationNumber)
                    .toList()).getResultList()) {
                sums.merge(line.getDeclarationNumber() + "/" + line.getLicenceId(), line.getQuantity(), BigDecimal::add);
            }
        }
        CriteriaQuery<Long> counted = cb.createQuery(Long.class);
        Root<Declaration> cd = counted.from(Declaration.class);
        Root<Licence> cl = counted.from(Licence.class);
        long total = em.createQuery(counted.select(cb.count(cd)).where(declarationWhere(cb, cd, cl, filter)
                .toArray(Predicate[]::new))).getSingleResult();
        // the unit of the licence's goods (an export licence is for one commodity, so its lines share it)
        Map<Long, String> units = new HashMap<>();
        if (!rows.isEmpty()) {
            for (Object[] unit : em.createQuery("select l.id, x.unitCode from Licence l join l.lines x"
                    + " where l.id in :ids and x.lineNumber = 1", Object[].class)
                    .setParameter("ids", rows.stream().map(DeclarationListRow::licenceId).distinct().toList())
                    .getResultList()) {
                units.put((Long) unit[0], (String) unit[1]);
            }
        }
        List<DeclarationListRow> withQuantities = rows.stream().map(r -> r.withQuantity(sums.getOrDefault(
                r.declarationNumber() + "/" + r.licenceId(), BigDecimal.ZERO), units.get(r.licenceId()))).toList();
        return new Page<>(withQuantities, total);
    }

    private List<Predicate> declarationWhere(CriteriaBuilder cb, Root<Declaration> d, Root<Licence> l,
            DeclarationFilter filter) {
        List<Predicate> where = new ArrayList<>(licences.scopeOfCaller(cb, l));
        where.add(cb.equal(d.get("licenceId"), l.get("id")));
        if (filter.licenceNumber() != null && !filter.licenceNumber().isBlank()) {
            where.add(cb.like(l.get("number"), LikePattern.containing(filter.licenceNumber().strip()
                    .toUpperCase(Locale.ROOT)), '\\'));
        }
        if (filter.from() != null) {
            where.add(cb.greaterThanOrEqualTo(d.get("declarationDate"), filter.from()));
        }
        if (filter.to() != null) {
            where.add(cb.lessThanOrEqualTo(d.get("declarationDate"), filter.to()));
        }
        if (filter.state() != null) {
            where.add(cb.equal(d.get("state"), filter.state()));
        }
        return where;
    }

    /** 报关余量 and 使用情况 of a licence the caller may read (anything else answers as unknown). */
    public Optional<Standing> standingForCaller(String number) {
        return standing(licences.readable(number));
    }

    /** The same for the public verification page, once it found the licence by number and code. */
    public Optional<Standing> standingOfVerified(String number, String code) {
        return licences.verifiable(number, code).flatMap(this::standing);
    }

    private Optional<Standing> standing(Licence licence) {
        CustomsLicence at = em.find(CustomsLicence.class, licence.getId());
        if (at == null) {
            return Optional.empty();
        }
        Map<Integer, BigDecimal> used = new HashMap<>();
        for (LineUsage usage : em.createQuery("select u from LineUsage u where u.licenceId = :l", LineUsage.class)
                .setParameter("l", licence.getId()).getResultList()) {
            used.put(usage.getLineNumber(), usage.getCumulativeQuantity());
        }
        List<LineStanding> lines = new ArrayList<>();
        for (LicenceLine line : licence.getLines()) {
            BigDecimal taken = used.getOrDefault(line.getLineNumber(), BigDecimal.ZERO);
            lines.add(new LineStanding(line.getLineNumber(), line.getCommodityCode(), line.getUnitCode(),
                    line.getQuantity(), taken, line.getQuantity().subtract(taken).max(BigDecimal.ZERO)));
        }
        Map<String, BigDecimal> declared = new HashMap<>();
        for (DeclarationLine line : em.createQuery("select x from DeclarationLine x where x.licenceId = :l",
                DeclarationLine.class).setParameter("l", licence.getId()).getResultList()) {
            declared.merge(line.getDeclarationNumber(), line.getQuantity(), BigDecimal::add);
        }
        List<DeclarationRow> declarations = em.createQuery("select d from Declaration d where d.licenceId = :l"
                + " order by d.declarationDate, d.declarationNumber", Declaration.class)
                .setParameter("l", licence.getId()).getResultList().stream()
                .map(d -> new DeclarationRow(d.getDeclarationNumber(), d.getDeclarationDate(), d.getPortCode(),
                        d.getState().name(), declared.getOrDefault(d.getDeclarationNumber(), BigDecimal.ZERO)))
                .toList();
        return Optional.of(new Standing(at.getStatus(), at.getStatusAtUtc(), at.getReasonCode(), at.getReasonText(),
                lines, declarations.size(), licence.getUsesAllowed(), declarations));
    }
}

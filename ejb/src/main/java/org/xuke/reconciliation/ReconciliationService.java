package org.xuke.reconciliation;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.Locale;
import org.xuke.account.Account;
import org.xuke.account.Callers;
import org.xuke.account.DataScope;
import org.xuke.account.Role;
import org.xuke.audit.AuditEntry;
import org.xuke.audit.AuditLog;
import org.xuke.customs.CustomsUsage;
import org.xuke.customs.CustomsUsage.Usage;
import org.xuke.licence.Licence;
import org.xuke.licence.LicenceEnding;
import org.xuke.licence.LicenceStatus;
import org.xuke.platform.DomainRuleException;
import org.xuke.platform.LikePattern;
import org.xuke.platform.OutOfScopeException;
import org.xuke.platform.Page;
import org.xuke.quota.QuotaService;
import org.xuke.reconciliation.ReconciliationAnomaly.State;

/**
 * The officers' side of the reconciliation, within their authority: the anomaly queue (确认, 批注,
 * 上报, each audited) and the licences the job found fully used and cleared, which the issuer
 * writes off (核销) from here where the authority does not let the job do it.
 */
@Stateless
public class ReconciliationService {

    /** The anomaly queue's search: business-date range, type, state, part of the licence number. */
    public record AnomalyFilter(LocalDate from, LocalDate to, AnomalyType type, State state, String number)
            implements Serializable {
    }

    /** A licence proposed for write-off: fully used, every declaration cleared, not ended yet. */
    public record Proposal(String number, long applicationId, LocalDate businessDate, int uses) implements Serializable {
    }

    /** The figures of one unit of measure (quantities of different units are never added). */
    public record UnitTotals(String unitCode, long lines, BigDecimal licensed, BigDecimal used, BigDecimal remaining)
            implements Serializable {
    }

    /**
     * 对账报告 of a business date for one authority (or all): licences reconciled, fully used, written
     * off by the job, proposed, ended before; declarations counted; quantities per unit; anomalies by
     * type and each of them; for the system administrator the declarations-file lines skipped.
     */
    public record Report(LocalDate businessDate, String authorityCode, long licences, long fullyUsed, long writtenOff,
            long proposed, long ended, long uses, List<UnitTotals> quantities, Map<AnomalyType, Long> anomalyCounts,
            List<ReconciliationAnomaly> anomalies, List<SkippedLine> skipped) implements Serializable {
    }

    /** One licence line of the report's detail (the workbook's third sheet). */
    public record LineRow(String licenceNumber, int lineNumber, String unitCode, BigDecimal licensed, BigDecimal used,
            BigDecimal remaining, int uses, boolean fullyUsed, ReconciledLicence.Outcome outcome) {
    }

    private static final int LINE_PAGE = 2_000;

    @PersistenceContext(unitName = "xuke")
    private EntityManager em;

    @Inject
    private Callers callers;

    @Inject
    private AuditLog audit;

    @Inject
    private Clock clock;

    @Inject
    private CustomsUsage customs;

    @Inject
    private LicenceEnding ending;

    @Inject
    private QuotaService quota;

    /** 异常处理: the anomalies of the caller's authority, newest business date first. */
    public Page<ReconciliationAnomaly> anomalies(AnomalyFilter filter, int first, int max) {
        Account caller = reader();
        StringBuilder where = new StringBuilder(" from ReconciliationAnomaly a where 1 = 1");
        if (caller.getDataScope() != DataScope.ALL) {
            where.append(" and a.authorityCode = :authority");
        }
        if (filter.from() != null) {
            where.append(" and a.businessDate >= :from");
        }
        if (filter.to() != null) {
            where.append(" and a.businessDate <= :to");
        }
        if (filter.type() != null) {
            where.append(" and a.type = :type");
        }
        if (filter.state() != null) {
            where.append(" and a.state = :state");
        }
        if (filter.number() != null && !filter.number().isBlank()) {
            where.append(" and a.licenceNumber like :number escape '\\'");
        }
        TypedQuery<ReconciliationAnomaly> rows = em.createQuery("select a" + where
                + " order by a.businessDate desc, a.licenceNumber, a.id", ReconciliationAnomaly.class);
        TypedQuery<Long> count = em.createQuery("select count(a)" + where, Long.class);
        for (TypedQuery<?> q : List.of(rows, count)) {
            if (caller.getDataScope() != DataScope.ALL) {
                q.setParameter("authority", caller.getAuthorityCode());
            }
            if (filter.from() != null) {
                q.setParameter("from", filter.from());
            }
            if (filter.to() != null) {
                q.setParameter("to", filter.to());
            }
            if (filter.type() != null) {
                q.setParameter("type", filter.type());
            }
            if (filter.state() != null) {
                q.setParameter("state", filter.state());
            }
            if (filter.number() != null && !filter.number().isBlank()) {
                q.setParameter("number", LikePattern.containing(filter.number().strip().toUpperCase(Locale.ROOT)));
            }
        }
        return new Page<>(rows.setFirstResult(Math.max(0, first)).setMaxResults(Math.min(Math.max(1, max), 200))
                .getResultList(), count.getSingleResult());
    }

    /** 确认 / 上报 one anomaly (with a note), on the version the officer saw. */
    public ReconciliationAnomaly handle(long id, long seenVersion, State to, String note) {
        Account caller = reader();
        ReconciliationAnomaly anomaly = forHandling(caller, id, seenVersion);
        anomaly.handle(to, note, caller.getUsername(), clock.instant());
        audit.record(AuditEntry.of(caller.getUsername(), "ANOMALY_" + to.name(), "reconciliation-anomaly",
                String.valueOf(id)).withDetails(anomaly.getType() + ";" + anomaly.getLicenceNumber()
                        + (anomaly.getNote() == null ? "" : ";note=" + anomaly.getNote())));
        return anomaly;
    }

    /** 批注: a note on one anomaly, its state unchanged, on the version the officer saw. */
    public ReconciliationAnomaly annotate(long id, long seenVersion, String note) {
        Account caller = reader();
        ReconciliationAnomaly anomaly = forHandling(caller, id, seenVersion);
        anomaly.annotate(note, caller.getUsername(), clock.instant());
        audit.record(AuditEntry.of(caller.getUsername(), "ANOMALY_ANNOTATED", "reconciliation-anomaly",
                String.valueOf(id)).withDetails(anomaly.getType() + ";" + anomaly.getLicenceNumber() + ";note="
                        + anomaly.getNote()));
        return anomaly;
    }

    private ReconciliationAnomaly forHandling(Account caller, long id, long seenVersion) {
        if (!caller.hasRole(Role.ISSUER) && !caller.hasRole(Role.AUTHORITY_ADMIN)) {
            throw new DomainRuleException("access.denied");
        }
        ReconciliationAnomaly anomaly = em.find(ReconciliationAnomaly.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (anomaly == null || caller.getDataScope() != DataScope.ALL
                && !anomaly.getAuthorityCode().equals(caller.getAuthorityCode())) {
            if (anomaly != null) {
                audit.record(AuditEntry.of(caller.getUsername(), "ACCESS_DENIED", "reconciliation-anomaly",
                        String.valueOf(id)));
            }
            throw new OutOfScopeException("reconciliation.notFound", String.valueOf(id));
        }
        if (anomaly.getVersion() != seenVersion) {
            throw new DomainRuleException("reconciliation.concurrentChange", anomaly.getLicenceNumber());
        }
        return anomaly;
    }

    /** 建议核销: licences of the caller's authority the job found fully used and cleared, still not ended. */
    public Page<Proposal> proposals(int first, int max) {
        Account caller = reader();
        String scope = caller.getDataScope() == DataScope.ALL ? "" : " and r.authorityCode = :authority";
        String from = " from ReconciledLicence r, Licence l where l.id = r.licenceId and r.outcome = :proposed and "
                + "l.status in :open" + scope;
        TypedQuery<Object[]> rows = em.createQuery("select r.licenceNumber, l.applicationId, max(r.businessDate), "
                + "max(r.uses)" + from + " group by r.licenceNumber, l.applicationId order by r.licenceNumber",
                Object[].class);
        TypedQuery<Long> count = em.createQuery("select count(distinct r.licenceId)" + from, Long.class);
        for (TypedQuery<?> q : List.of(rows, count)) {
            q.setParameter("proposed", ReconciledLicence.Outcome.PROPOSED);
            q.setParameter("open", List.of(LicenceStatus.ISSUED, LicenceStatus.EXPIRED));
            if (!scope.isEmpty()) {
                q.setParameter("authority", caller.getAuthorityCode());
            }
        }
        return new Page<>(rows.setFirstResult(Math.max(0, first)).setMaxResults(Math.min(Math.max(1, max), 200))
                .getResultList().stream().map(r -> new Proposal((String) r[0], (Long) r[1], (LocalDate) r[2],
                        ((Number) r[3]).intValue())).toList(), count.getSingleResult());
    }

    /**
     * 核销 of a proposed licence by the issuer: fully used and cleared again under customs' row lock,
     * then written off (customs gets the cancellation) and the unused quota settled; audited.
     */
    public void writeOff(String number) {
        Account caller = reader();
        if (!caller.hasRole(Role.ISSUER)) {
            throw new DomainRuleException("access.denied");
        }
        Licence licence = em.createQuery("select l from Licence l where l.number = :n", Licence.class)
                .setParameter("n", number == null ? "" : number.strip().toUpperCase(Locale.ROOT)).getResultStream()
                .findFirst().filter(l -> caller.getDataScope() == DataScope.ALL
                        || l.getAuthorityCode().equals(caller.getAuthorityCode()))
                .orElseThrow(() -> new OutOfScopeException("licence.notFound"));
        Usage usage = customs.locked(licence.getId());
        licence = ending.locked(licence.getId());
        boolean fullyUsed = licence.getLines().stream().allMatch(l -> usage.used(l.getLineNumber())
                .compareTo(l.getQuantity()) >= 0);
        if (!fullyUsed || !usage.cleared()) {
            throw new DomainRuleException("reconciliation.notDue", licence.getNumber());
        }
        ending.end(licence, LicenceStatus.WRITTEN_OFF, "reconciliation", caller.getUsername());
        BigDecimal back = quota.settle(licence.getNumber(), usage.totalUsed(), "RECONCILED", caller.getUsername());
        audit.record(AuditEntry.of(caller.getUsername(), "RECONCILIATION_WRITE_OFF", "licence", licence.getNumber())
                .withDetails("quotaReturned=" + back.stripTrailingZeros().toPlainString()));
    }

    /**
     * The report of a date for an authority: an officer's own authority (asking for another is out of
     * his scope), any or all (null) for the system administrator.
     */
    public Report report(LocalDate date, String authority) {
        Account caller = reader();
        String scope = reportScope(caller, authority);
        String where = " r.businessDate = :d" + (scope == null ? "" : " and r.authorityCode = :a");
        long licences = 0;
        long fullyUsed = 0;
        long uses = 0;
        Map<ReconciledLicence.Outcome, Long> outcomes = new EnumMap<>(ReconciledLicence.Outcome.class);
        for (Object[] row : scoped(em.createQuery("select r.outcome, r.fullyUsed, count(r), sum(r.uses) from "
                + "ReconciledLicence r where" + where + " group by r.outcome, r.fullyUsed", Object[].class), date, scope)
                .getResultList()) {
            long n = (Long) row[2];
            licences += n;
            fullyUsed += Boolean.TRUE.equals(row[1]) ? n : 0;
            uses += row[3] == null ? 0 : ((Number) row[3]).longValue();
            outcomes.merge((ReconciledLicence.Outcome) row[0], n, Long::sum);
        }
        List<UnitTotals> quantities = scoped(em.createQuery("select g.unitCode, count(x), sum(x.licensed), "
                + "sum(x.used), sum(x.remaining) from ReconciledLine x, ReconciledLicence r, Licence l join l.lines g "
                + "where x.businessDate = r.businessDate and x.licenceId = r.licenceId and l.id = r.licenceId and "
                + "g.lineNumber = x.lineNumber and" + where + " group by g.unitCode order by g.unitCode",
                Object[].class), date, scope).getResultList().stream().map(q -> new UnitTotals((String) q[0],
                        (Long) q[1], (BigDecimal) q[2], (BigDecimal) q[3], (BigDecimal) q[4])).toList();
        String anomalyWhere = " a.businessDate = :d" + (scope == null ? "" : " and a.authorityCode = :a");
        Map<AnomalyType, Long> counts = new EnumMap<>(AnomalyType.class);
        scoped(em.createQuery("select a.type, count(a) from ReconciliationAnomaly a where" + anomalyWhere
                + " group by a.type", Object[].class), date, scope).getResultList()
                .forEach(c -> counts.put((AnomalyType) c[0], (Long) c[1]));
        List<ReconciliationAnomaly> anomalies = scoped(em.createQuery("select a from ReconciliationAnomaly a where"
                + anomalyWhere + " order by a.licenceNumber, a.type, a.declarationNumber, a.lineNumber",
                ReconciliationAnomaly.class), date, scope).getResultList();
        // the files are read for every authority: their bad lines only for whoever sees them all
        List<SkippedLine> skipped = caller.getDataScope() != DataScope.ALL ? List.of() : em.createQuery("select s "
                + "from SkippedLine s where s.executionId in (select r.executionId from ReconciliationRun r where "
                + "r.businessDate = :d) order by s.fileName, s.lineNumber", SkippedLine.class)
                .setParameter("d", date).getResultList();
        return new Report(date, scope, licences, fullyUsed, outcomes.getOrDefault(ReconciledLicence.Outcome.WRITTEN_OFF,
                0L), outcomes.getOrDefault(ReconciledLicence.Outcome.PROPOSED, 0L),
                outcomes.getOrDefault(ReconciledLicence.Outcome.ENDED, 0L), uses, quantities, counts, anomalies,
                skipped);
    }

    /**
     * Every licence line of the report, by licence, handed to {@code each} a page at a time (a year's
     * hundreds of thousands of lines never held at once: the workbook streams them out).
     */
    public void reportLines(LocalDate date, String authority, Consumer<LineRow> each) {
        String scope = reportScope(reader(), authority);
        long afterLicence = -1;
        int afterLine = 0;
        while (true) {
            List<Object[]> page = scoped(em.createQuery("select r.licenceNumber, x.lineNumber, g.unitCode, x.licensed, "
                    + "x.used, x.remaining, r.uses, r.fullyUsed, r.outcome, r.licenceId from ReconciledLine x, "
                    + "ReconciledLicence r, Licence l join l.lines g where x.businessDate = r.businessDate and "
                    + "x.licenceId = r.licenceId and l.id = r.licenceId and g.lineNumber = x.lineNumber and "
                    + "r.businessDate = :d" + (scope == null ? "" : " and r.authorityCode = :a") + " and (r.licenceId > "
                    + ":after or r.licenceId = :after and x.lineNumber > :line) order by r.licenceId, x.lineNumber",
                    Object[].class), date, scope).setParameter("after", afterLicence).setParameter("line", afterLine)
                    .setMaxResults(LINE_PAGE).getResultList();
            for (Object[] r : page) {
                each.accept(new LineRow((String) r[0], (Integer) r[1], (String) r[2], (BigDecimal) r[3],
                        (BigDecimal) r[4], (BigDecimal) r[5], (Integer) r[6], (Boolean) r[7],
                        (ReconciledLicence.Outcome) r[8]));
            }
            if (page.size() < LINE_PAGE) {
                return;
            }
            Object[] last = page.get(page.size() - 1);
            afterLicence = (Long) last[9];
            afterLine = (Integer) last[1];
        }
    }

    private String reportScope(Account caller, String authority) {
        String asked = authority == null || authority.isBlank() ? null : authority;
        if (caller.getDataScope() == DataScope.ALL) {
            return asked;
        }
        if (asked != null && !asked.equals(caller.getAuthorityCode())) {
            audit.record(AuditEntry.of(caller.getUsername(), "ACCESS_DENIED", "reconciliation-report", asked));
            throw new OutOfScopeException("reconciliation.notFound", asked);
        }
        return caller.getAuthorityCode();
    }

    private static <T> TypedQuery<T> scoped(TypedQuery<T> query, LocalDate date, String authority) {
        query.setParameter("d", date);
        return authority == null ? query : query.setParameter("a", authority);
    }

    private Account reader() {
        Account caller = callers.require();
        boolean staff = caller.getRoles().stream().anyMatch(Role::isLicenceStaff);
        if (caller.getEnterpriseId() != null || !staff
                || caller.getAuthorityCode() == null && caller.getDataScope() != DataScope.ALL) {
            throw new DomainRuleException("access.denied");
        }
        return caller;
    }
}

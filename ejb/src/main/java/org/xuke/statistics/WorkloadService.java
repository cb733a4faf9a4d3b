package org.xuke.statistics;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.xuke.application.ExportApplication;
import org.xuke.licence.LicenceService;
import org.xuke.licence.LicenceService.Jurisdiction;
import org.xuke.platform.DomainRuleException;
import org.xuke.platform.Page;

/**
 * The officers' side (issue 20, 2): issuance volume and time to decision against the 3-working-day
 * limit, by reviewer, stage and month of a year, with the share decided in time — in the caller's
 * jurisdiction (an authority's licence staff their authority's, the system administrator all;
 * enterprises none). Every figure opens the decisions that make it.
 */
@Stateless
public class WorkloadService {

    @PersistenceContext(unitName = "xuke")
    private EntityManager em;

    @Inject
    private LicenceService licences;

    /** The year (required), and optionally the authority, stage and reviewer. */
    public record WorkloadFilter(int year, String authorityCode, ReviewStage stage, String actor) implements Serializable {

        public WorkloadFilter {
            if (year < 2000 || year > 2100) {
                throw new DomainRuleException("statistics.year", String.valueOf(year));
            }
            authorityCode = blankToNull(authorityCode);
            actor = blankToNull(actor);
            if (actor != null && actor.length() > 32 || authorityCode != null && authorityCode.length() > 40) {
                throw new DomainRuleException("statistics.code", String.valueOf(actor));
            }
        }

        private static String blankToNull(String text) {
            return text == null || text.isBlank() ? null : text.strip();
        }
    }

    /** One reviewer's decisions of one stage in one month (month 0: the year). */
    public record WorkloadRow(int month, String actor, ReviewStage stage, long decisions, long inTime, long workingDays)
            implements Serializable {

        /** Share decided within the limit, in per cent with one decimal. */
        public double inTimePercent() {
            return decisions == 0 ? 0 : Math.round(inTime * 1000.0 / decisions) / 10.0;
        }

        /** Average working days from receipt to the decision, one decimal. */
        public double averageWorkingDays() {
            return decisions == 0 ? 0 : Math.round(workingDays * 10.0 / decisions) / 10.0;
        }
    }

    /** Rows by month, reviewer and stage; per stage and month totals (issuance volume: the ISSUE stage's decisions). */
    public record Workload(List<WorkloadRow> rows, List<WorkloadRow> byStage, List<WorkloadRow> byMonth)
            implements Serializable {
    }

    /** One decision behind a figure. */
    public record DecisionRow(long applicationId, String applicationNumber, String actor, ReviewStage stage,
            String transition, LocalDate receivedOn, LocalDate decidedOn, int workingDays, boolean inTime)
            implements Serializable {
    }

    /** The year's decisions in the caller's jurisdiction. */
    public Workload workloadForCaller(WorkloadFilter filter) {
        Jurisdiction jurisdiction = officer();
        // the month's sums kept with the decisions (decision_month), not the year's decisions one by one
        List<?> results = new MonthlySums("decision_month", LocalDate.of(filter.year(), 1, 1),
                LocalDate.of(filter.year() + 1, 1, 1)).and("authority_code", jurisdiction.authorityCode())
                .and("authority_code", filter.authorityCode())
                .and("stage", filter.stage() == null ? null : filter.stage().name()).and("actor", filter.actor())
                .query(em, "month, actor, stage, sum(decisions), sum(in_time), sum(working_days)",
                        "group by month, actor, stage").getResultList();
        Map<String, long[]> cells = new TreeMap<>();
        for (Object result : results) {
            Object[] t = (Object[]) result;
            int month = MonthlySums.month(t[0]).getMonthValue();
            String actor = (String) t[1];
            ReviewStage stage = ReviewStage.valueOf((String) t[2]);
            long[] figures = {MonthlySums.number(t[3]), MonthlySums.number(t[4]), MonthlySums.number(t[5])};
            add(cells, String.format("%02d|%s|%s", month, actor, stage.name()), figures);
            add(cells, String.format("00|%s|%s", actor, stage.name()), figures);
            add(cells, String.format("S|%02d|%s", month, stage.name()), figures);
            add(cells, String.format("S|00|%s", stage.name()), figures);
            add(cells, String.format("M|%02d", month), figures);
        }
        List<WorkloadRow> rows = new ArrayList<>();
        List<WorkloadRow> byStage = new ArrayList<>();
        List<WorkloadRow> byMonth = new ArrayList<>();
        for (Map.Entry<String, long[]> cell : cells.entrySet()) {
            String[] key = cell.getKey().split("\\|");
            long[] v = cell.getValue();
            if (key[0].equals("S")) {
                byStage.add(new WorkloadRow(Integer.parseInt(key[1]), null, ReviewStage.valueOf(key[2]), v[0], v[1], v[2]));
            } else if (key[0].equals("M")) {
                byMonth.add(new WorkloadRow(Integer.parseInt(key[1]), null, null, v[0], v[1], v[2]));
            } else {
                rows.add(new WorkloadRow(Integer.parseInt(key[0]), key[1], ReviewStage.valueOf(key[2]), v[0], v[1], v[2]));
            }
        }
        rows.sort(Comparator.comparingInt(WorkloadRow::month).thenComparing(WorkloadRow::actor)
                .thenComparing(WorkloadRow::stage));
        return new Workload(rows, byStage, byMonth);
    }

    /** The decisions behind a figure: a month (0: the year), a reviewer, a stage (each null: all), optionally only the late ones. */
    public Page<DecisionRow> decisionsForCaller(WorkloadFilter filter, int month, String actor, ReviewStage stage,
            boolean lateOnly, int first, int max) {
        return decisionsForCaller(filter, month, actor, stage, lateOnly, null, true, first, max);
    }

    /** The same sorted by {@code sortField} ({@code decidedOn}, {@code receivedOn}, {@code workingDays}, {@code actor}; else by day). */
    public Page<DecisionRow> decisionsForCaller(WorkloadFilter filter, int month, String actor, ReviewStage stage,
            boolean lateOnly, String sortField, boolean ascending, int first, int max) {
        Jurisdiction caller = officer();
        if (month < 0 || month > 12) {
            throw new DomainRuleException("statistics.month", String.valueOf(month));
        }
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<DecisionFact> cf = count.from(DecisionFact.class);
        List<Predicate> countWhere = new ArrayList<>(List.of(where(cb, cf, caller, filter, month, actor, stage)));
        if (lateOnly) {
            countWhere.add(cb.isFalse(cf.get("inTime")));
        }
        long total = em.createQuery(count.select(cb.count(cf)).where(countWhere.toArray(Predicate[]::new)))
                .getSingleResult();
        CriteriaQuery<DecisionRow> q = cb.createQuery(DecisionRow.class);
        Root<DecisionFact> f = q.from(DecisionFact.class);
        Root<ExportApplication> a = q.from(ExportApplication.class);
        List<Predicate> where = new ArrayList<>(List.of(where(cb, f, caller, filter, month, actor, stage)));
        where.add(cb.equal(a.get("id"), f.get("applicationId")));
        if (lateOnly) {
            where.add(cb.isFalse(f.get("inTime")));
        }
        q.select(cb.construct(DecisionRow.class, f.get("applicationId"), a.get("applicationNumber"), f.get("actor"),
                f.get("stage"), f.get("transition"), f.get("receivedOn"), f.get("decidedOn"), f.get("workingDays"),
                f.get("inTime"))).where(where.toArray(Predicate[]::new));
        if (sortField != null && List.of("decidedOn", "receivedOn", "workingDays", "actor").contains(sortField)) {
            q.orderBy(ascending ? cb.asc(f.get(sortField)) : cb.desc(f.get(sortField)), cb.asc(f.get("applicationId")),
                    cb.asc(f.get("stepNo")));
        } else {
            q.orderBy(cb.asc(f.get("decidedOn")), cb.asc(f.get("applicationId")), cb.asc(f.get("stepNo")));
        }
        List<DecisionRow> rows = em.createQuery(q).setFirstResult(Math.max(first, 0))
                .setMaxResults(Math.min(Math.max(max, 1), 500)).getResultList();
        return new Page<>(rows, total);
    }

    /**
     * The caller's jurisdiction as the licence context decides it (an authority's licence staff, the
     * system administrator all); enterprises' users and e-key providers are refused.
     */
    private Jurisdiction officer() {
        return licences.jurisdictionOfCaller().orElseThrow(() -> new DomainRuleException("access.denied"));
    }

    private Predicate[] where(CriteriaBuilder cb, Root<DecisionFact> f, Jurisdiction caller, WorkloadFilter filter,
            Integer month, String actor, ReviewStage stage) {
        List<Predicate> where = new ArrayList<>();
        if (caller.authorityCode() != null) {
            where.add(cb.equal(f.get("authorityCode"), caller.authorityCode()));
        }
        LocalDate from = month == null || month == 0 ? LocalDate.of(filter.year(), 1, 1)
                : LocalDate.of(filter.year(), month, 1);
        LocalDate to = month == null || month == 0 ? from.plusYears(1) : from.plusMonths(1);
        where.add(cb.greaterThanOrEqualTo(f.get("decidedOn"), from));
        where.add(cb.lessThan(f.get("decidedOn"), to));
        if (filter.authorityCode() != null) {
            where.add(cb.equal(f.get("authorityCode"), filter.authorityCode()));
        }
        ReviewStage onlyStage = stage != null ? stage : filter.stage();
        if (onlyStage != null) {
            where.add(cb.equal(f.get("stage"), onlyStage));
        }
        String onlyActor = actor != null ? actor : filter.actor();
        if (onlyActor != null) {
            where.add(cb.equal(f.get("actor"), onlyActor));
        }
        return where.toArray(Predicate[]::new);
    }

    private static void add(Map<String, long[]> cells, String key, long[] figures) {
        long[] sum = cells.computeIfAbsent(key, k -> new long[3]);
        for (int i = 0; i < 3; i++) {
            sum[i] += figures[i];
        }
    }
}

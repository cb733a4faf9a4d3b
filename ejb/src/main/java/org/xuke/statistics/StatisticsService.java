package org.xuke.statistics;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.ResourceBundle;
import org.xuke.licence.Licence;
import org.xuke.licence.LicenceService;
import org.xuke.licence.LicenceService.Jurisdiction;
import org.xuke.licence.LicenceStatus;
import org.xuke.platform.DomainRuleException;
import org.xuke.platform.Page;
import org.xuke.reports.Spreadsheet;

/**
 * 统计月报 (seed 001 四.2): the export licences issued per month of a year in the caller's scope —
 * an enterprise's users their own company's (within their data scope), an authority's licence staff
 * their jurisdiction's, the system administrator all — by issuing authority, trade mode and
 * destination. Every figure drills down to the licences that make it, and the same rows go to Excel.
 * A licence deleted (删证) never took effect and is not counted; one written off, expired or returned
 * on a change was issued and is.
 */
@Stateless
public class StatisticsService {

    /** Rows read per round when a drill-down is written to Excel: never the whole list in memory. */
    private static final int ROUND = 1_000;

    @PersistenceContext(unitName = "xuke")
    private EntityManager em;

    @Inject
    private LicenceService licences;

    /** 统计月报's filters: the year of issue (required) and, each optional, authority, trade mode, destination. */
    public record MonthlyFilter(int year, String authorityCode, String tradeModeCode, String countryCode)
            implements Serializable {

        public MonthlyFilter {
            if (year < 2000 || year > 2100) {
                throw new DomainRuleException("statistics.year", String.valueOf(year));
            }
            authorityCode = blankToNull(authorityCode);
            tradeModeCode = blankToNull(tradeModeCode);
            countryCode = blankToNull(countryCode);
            for (String code : new String[] {authorityCode, tradeModeCode, countryCode}) {
                if (code != null && code.length() > 40) {
                    throw new DomainRuleException("statistics.code", code.substring(0, 40));
                }
            }
        }

        private static String blankToNull(String text) {
            return text == null || text.isBlank() ? null : text.strip();
        }
    }

    /** One month: licences issued and their amount in US dollars. */
    public record MonthRow(int month, long licences, BigDecimal usd) implements Serializable {
    }

    /** The year's twelve months and their total. */
    public record Monthly(List<MonthRow> months, long licences, BigDecimal usd) implements Serializable {
    }

    /** One licence behind a figure. */
    public record FactRow(long licenceId, long applicationId, String number, LocalDate issuedOn, String authorityCode,
            String tradeModeCode, String countryCode, String commodityCode, BigDecimal usd, LicenceStatus status)
            implements Serializable {
    }

    /** 统计月报 in the caller's scope. */
    public Monthly monthlyForCaller(MonthlyFilter filter) {
        long[] counts = new long[13];
        BigDecimal[] amounts = new BigDecimal[13];
        Arrays.fill(amounts, BigDecimal.ZERO);
        Optional<Jurisdiction> jurisdiction = licences.jurisdictionOfCaller();
        if (jurisdiction.isPresent()) {
            // a jurisdiction's year from the monthly sums kept with the licences (licence_month)
            List<?> results = new MonthlySums("licence_month", LocalDate.of(filter.year(), 1, 1),
                    LocalDate.of(filter.year() + 1, 1, 1)).and("authority_code", jurisdiction.get().authorityCode())
                    .and("authority_code", filter.authorityCode()).and("trade_mode_code", filter.tradeModeCode())
                    .and("country_code", filter.countryCode())
                    .query(em, "month, sum(licences), sum(total_usd)", "group by month").getResultList();
            for (Object result : results) {
                Object[] t = (Object[]) result;
                int month = MonthlySums.month(t[0]).getMonthValue();
                counts[month] += MonthlySums.number(t[1]);
                amounts[month] = amounts[month].add(t[2] == null ? BigDecimal.ZERO : (BigDecimal) t[2]);
            }
        } else {
            // an enterprise's own licences within the user's data scope, by day (at most 366 rows), summed
            // to months here: no vendor's date function in the query
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Tuple> q = cb.createTupleQuery();
            Root<LicenceFact> f = q.from(LicenceFact.class);
            q.multiselect(f.get("issuedOn"), cb.count(f), cb.sum(f.<BigDecimal>get("totalUsd")))
                    .where(where(cb, f, filter, null)).groupBy(f.get("issuedOn"));
            for (Tuple day : em.createQuery(q).getResultList()) {
                int month = day.get(0, LocalDate.class).getMonthValue();
                counts[month] += day.get(1, Long.class);
                BigDecimal usd = day.get(2, BigDecimal.class);
                amounts[month] = amounts[month].add(usd == null ? BigDecimal.ZERO : usd);
            }
        }
        List<MonthRow> months = new ArrayList<>();
        long total = 0;
        BigDecimal usd = BigDecimal.ZERO;
        for (int month = 1; month <= 12; month++) {
            months.add(new MonthRow(month, counts[month], amounts[month]));
            total += counts[month];
            usd = usd.add(amounts[month]);
        }
        return new Monthly(months, total, usd);
    }

    /** The licences behind one month's figure ({@code month} null: the year's), in order of issue. */
    public Page<FactRow> licencesForCaller(MonthlyFilter filter, Integer month, int first, int max) {
        return licencesForCaller(filter, month, null, true, first, max);
    }

    /** The same sorted by {@code sortField} ({@code number}, {@code issuedOn}, {@code usd}; null or unknown: order of issue). */
    public Page<FactRow> licencesForCaller(MonthlyFilter filter, Integer month, String sortField, boolean ascending,
            int first, int max) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<LicenceFact> cf = count.from(LicenceFact.class);
        count.select(cb.count(cf)).where(where(cb, cf, filter, month));
        long total = em.createQuery(count).getSingleResult();
        CriteriaQuery<FactRow> q = rowQuery(filter, month, null);
        if (sortField != null && List.of("number", "issuedOn", "usd").contains(sortField)) {
            Root<?> f = q.getRoots().stream().filter(r -> r.getJavaType() == LicenceFact.class).findFirst().orElseThrow();
            Root<?> l = q.getRoots().stream().filter(r -> r.getJavaType() == Licence.class).findFirst().orElseThrow();
            Expression<?> by = switch (sortField) {
                case "number" -> l.get("number");
                case "usd" -> f.get("totalUsd");
                default -> f.get("issuedOn");
            };
            q.orderBy(ascending ? cb.asc(by) : cb.desc(by), cb.asc(f.get("licenceId")));
        }
        List<FactRow> rows = em.createQuery(q).setFirstResult(Math.max(first, 0))
                .setMaxResults(Math.min(Math.max(max, 1), 500)).getResultList();
        return new Page<>(rows, total);
    }

    /**
     * The licences behind a figure as a workbook (streamed: read a thousand at a time, written to a
     * temporary file by POI's SXSSF), with the figure's total in its last row.
     */
    public void exportForCaller(MonthlyFilter filter, Integer month, OutputStream out) throws IOException {
        exportForCaller(filter, month, out, rows -> { });
    }

    /** The same, telling {@code progress} how many rows are written after each round (for the page's progress bar). */
    public void exportForCaller(MonthlyFilter filter, Integer month, OutputStream out, IntConsumer progress)
            throws IOException {
        ResourceBundle statuses = ResourceBundle.getBundle("org.xuke.licence.LicenceMessages", Locale.SIMPLIFIED_CHINESE,
                StatisticsService.class.getClassLoader());
        try (Spreadsheet book = new Spreadsheet()) {
            book.sheet("许可证", "许可证号", "发证日期", "发证机构", "贸易方式", "进口国（地区）", "商品编码", "金额（美元）", "状态");
            long count = 0;
            BigDecimal usd = BigDecimal.ZERO;
            FactRow last = null;
            while (true) {
                // keyset paging: each round starts after the last row written (an offset would read
                // every row before it again, a year's 333,000 licences read quadratically)
                List<FactRow> round = rowsAfter(filter, month, last, ROUND);
                for (FactRow row : round) {
                    last = row;
                    book.row(row.number(), row.issuedOn(), row.authorityCode(), row.tradeModeCode(), row.countryCode(),
                            row.commodityCode(), row.usd(), statuses.getString("state." + row.status().name()));
                    count++;
                    usd = usd.add(row.usd() == null ? BigDecimal.ZERO : row.usd());
                }
                em.clear();
                progress.accept((int) count);
                if (round.size() < ROUND) {
                    break;
                }
            }
            book.row("合计 " + count + " 份", null, null, null, null, null, usd, null);
            book.write(out);
        }
    }

    /** The rows in order of issue after {@code last} (null: from the first). */
    private List<FactRow> rowsAfter(MonthlyFilter filter, Integer month, FactRow last, int max) {
        return em.createQuery(rowQuery(filter, month, last)).setMaxResults(max).getResultList();
    }

    private CriteriaQuery<FactRow> rowQuery(MonthlyFilter filter, Integer month, FactRow after) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<FactRow> q = cb.createQuery(FactRow.class);
        Root<LicenceFact> f = q.from(LicenceFact.class);
        Root<Licence> l = q.from(Licence.class);
        List<Predicate> where = new ArrayList<>(List.of(where(cb, f, filter, month)));
        // the licence is read for the rows of one page or round only (number, commodity, status)
        where.add(cb.equal(l.get("id"), f.get("licenceId")));
        if (after != null) {
            // the first condition starts the index range; the second leaves out what was written
            where.add(cb.greaterThanOrEqualTo(f.get("issuedOn"), after.issuedOn()));
            where.add(cb.or(cb.greaterThan(f.get("issuedOn"), after.issuedOn()),
                    cb.greaterThan(f.get("licenceId"), after.licenceId())));
        }
        return q.select(cb.construct(FactRow.class, l.get("id"), l.get("applicationId"), l.get("number"),
                f.get("issuedOn"), f.get("authorityCode"), f.get("tradeModeCode"), f.get("countryCode"),
                l.get("commodityCode"), f.get("totalUsd"), l.get("status")))
                .where(where.toArray(Predicate[]::new))
                .orderBy(cb.asc(f.get("issuedOn")), cb.asc(f.get("licenceId")));
    }

    private Predicate[] where(CriteriaBuilder cb, Root<LicenceFact> f, MonthlyFilter filter, Integer month) {
        if (month != null && (month < 1 || month > 12)) {
            throw new DomainRuleException("statistics.month", String.valueOf(month));
        }
        List<Predicate> where = new ArrayList<>(licences.scopeOfCallerOn(cb, f));
        where.add(cb.isTrue(f.get("counted")));
        LocalDate from = month == null ? LocalDate.of(filter.year(), 1, 1) : LocalDate.of(filter.year(), month, 1);
        LocalDate to = month == null ? from.plusYears(1) : from.plusMonths(1);
        where.add(cb.greaterThanOrEqualTo(f.get("issuedOn"), from));
        where.add(cb.lessThan(f.get("issuedOn"), to));
        if (filter.authorityCode() != null) {
            where.add(cb.equal(f.get("authorityCode"), filter.authorityCode()));
        }
        if (filter.tradeModeCode() != null) {
            where.add(cb.equal(f.get("tradeModeCode"), filter.tradeModeCode()));
        }
        if (filter.countryCode() != null) {
            where.add(cb.equal(f.get("countryCode"), filter.countryCode()));
        }
        return where.toArray(Predicate[]::new);
    }
}

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
import jakarta.persistence.criteria.Selection;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.function.IntConsumer;
import java.util.Map;
import java.util.Optional;
import org.xuke.licence.LicenceService;
import org.xuke.licence.LicenceService.Jurisdiction;
import org.xuke.platform.DomainRuleException;
import org.xuke.platform.LikePattern;
import org.xuke.platform.Page;
import org.xuke.reports.Spreadsheet;

/**
 * The statistics of licensed goods, read from the licences' goods lines ({@link LineFact}) in the
 * caller's licence scope: 综合统计 (seed 001 四.3: by commodity category or by licensed commodity,
 * filtered by trade mode, date of application, consignor, port and destination) and the rice and coke
 * special query and statistic (四.6-9: contract, destination, licence dates, grade or brand, exporter;
 * quantity, amount and unit price by grade or brand, exporter and destination). Every figure opens
 * the goods lines that make it, whose quantities and amounts add up to it, and goes to Excel.
 * Deleted licences (删证) are not counted.
 */
@Stateless
public class GoodsStatisticsService {

    /** Rows read per round of an export: never the whole list in memory. */
    private static final int ROUND = 1_000;

    /** The longest date range one statistic covers: three years (the national benchmark's span). */
    private static final long MAX_DAYS = 3 * 366;

    @PersistenceContext(unitName = "xuke")
    private EntityManager em;

    @Inject
    private LicenceService licences;

    /** Which dates a range is of: the application's (综合统计) or the licence's issue (the special queries). */
    public enum DateBasis {
        APPLIED, ISSUED
    }

    /** What a statistic's rows are: per licensed commodity, per commodity category, or per grade (brand), exporter and destination. */
    public enum Grouping {
        COMMODITY, CATEGORY, GRADE
    }

    /** The special goods of seed 001 (四.6-9) by their category in the commodity catalogue. */
    public enum Goods {
        /** 大米 */
        RICE("EL06"),
        /** 焦炭 */
        COKE("EL32");

        private final String categoryCode;

        Goods(String categoryCode) {
            this.categoryCode = categoryCode;
        }

        public String categoryCode() {
            return categoryCode;
        }
    }

    /** The filters; dates required, everything else optional. */
    public record GoodsFilter(DateBasis basis, LocalDate from, LocalDate to, Goods goods, String tradeModeCode,
            String consignorCode, String portCode, String countryCode, String contractNumber, String grade,
            String exporterCode, String authorityCode) implements Serializable {

        public GoodsFilter {
            if (basis == null) {
                basis = DateBasis.APPLIED;
            }
            if (from == null || to == null) {
                throw new DomainRuleException("statistics.dates");
            }
            if (to.isBefore(from)) {
                throw new DomainRuleException("statistics.datesOrder", from.toString(), to.toString());
            }
            if (ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
                throw new DomainRuleException("statistics.datesSpan", from.toString(), to.toString());
            }
            tradeModeCode = code(tradeModeCode);
            consignorCode = code(consignorCode);
            portCode = code(portCode);
            countryCode = code(countryCode);
            contractNumber = code(contractNumber);
            grade = code(grade);
            exporterCode = code(exporterCode);
            authorityCode = code(authorityCode);
        }

        private static String code(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            String value = text.strip();
            if (value.length() > 40) {
                throw new DomainRuleException("statistics.code", value.substring(0, 40));
            }
            return value;
        }
    }

    /**
     * One row of a statistic: its key (commodity or category code, or grade with exporter and
     * destination), the unit its quantity is in, licences, quantity, amount and the unit price
     * (amount / quantity).
     */
    public record GoodsRow(String code, String exporterCode, String countryCode, String unitCode, long licences,
            BigDecimal quantity, BigDecimal usd) implements Serializable {

        public BigDecimal unitPrice() {
            return quantity == null || quantity.signum() == 0 || usd == null ? null
                    : usd.divide(quantity, 4, RoundingMode.HALF_UP);
        }
    }

    /** A statistic's rows and its totals (licences counted once however many lines they have). */
    public record GoodsStatistic(List<GoodsRow> rows, long licences, BigDecimal usd) implements Serializable {
    }

    /** One goods line behind a figure. */
    public record LineRow(long licenceId, int lineNumber, String number, LocalDate appliedOn, LocalDate issuedOn,
            String exporterCode, String countryCode, String contractNumber, String commodityCode, String categoryCode,
            String grade, String unitCode, BigDecimal quantity, BigDecimal usd) implements Serializable {

        public BigDecimal unitPrice() {
            return quantity == null || quantity.signum() == 0 || usd == null ? null
                    : usd.divide(quantity, 4, RoundingMode.HALF_UP);
        }
    }

    /** The row of a statistic a drill-down opens: its key columns as the statistic gave them. */
    public record GroupKey(Grouping grouping, String code, String exporterCode, String countryCode, String unitCode)
            implements Serializable {

        public static GroupKey of(Grouping grouping, GoodsRow row) {
            return new GroupKey(grouping, row.code(), row.exporterCode(), row.countryCode(), row.unitCode());
        }
    }

    /**
     * The statistic in the caller's scope, by the grouping asked (largest amount first). For a
     * jurisdiction (an authority's staff, the nation) over dates of application, the whole months of
     * the range are read from the monthly sums ({@code goods_month}) and only the days before the
     * first and after the last whole month from the lines; the rest (an enterprise's own, a consignor,
     * contract, exporter or grade asked, licence dates) from the lines, through their indexes.
     */
    public GoodsStatistic statisticForCaller(GoodsFilter filter, Grouping grouping) {
        Optional<Jurisdiction> jurisdiction = licences.jurisdictionOfCaller();
        LocalDate firstMonth = firstWholeMonth(filter);
        LocalDate afterMonths = afterWholeMonths(filter);
        boolean sums = fromSums(jurisdiction, filter, grouping);
        Map<List<String>, long[]> licenceCounts = new LinkedHashMap<>();
        Map<List<String>, BigDecimal[]> amounts = new LinkedHashMap<>();
        long[] total = new long[1];
        BigDecimal[] totalUsd = {BigDecimal.ZERO};
        if (sums) {
            fromMonths(jurisdiction.get(), filter, grouping, firstMonth, afterMonths, licenceCounts, amounts, total,
                    totalUsd);
            if (filter.from().isBefore(firstMonth)) {
                fromLines(filter, grouping, filter.from(), firstMonth.minusDays(1), licenceCounts, amounts, total,
                        totalUsd);
            }
            if (!filter.to().isBefore(afterMonths)) {
                fromLines(filter, grouping, afterMonths, filter.to(), licenceCounts, amounts, total, totalUsd);
            }
        } else {
            fromLines(filter, grouping, filter.from(), filter.to(), licenceCounts, amounts, total, totalUsd);
        }
        List<GoodsRow> rows = new ArrayList<>();
        licenceCounts.forEach((key, count) -> {
            BigDecimal[] sum = amounts.get(key);
            rows.add(grouping == Grouping.GRADE ? new GoodsRow(key.get(0), key.get(1), key.get(2), key.get(3), count[0],
                    sum[0], sum[1]) : new GoodsRow(key.get(0), null, null, key.get(1), count[0], sum[0], sum[1]));
        });
        rows.sort((a, b) -> b.usd().compareTo(a.usd()));
        return new GoodsStatistic(rows, total[0], totalUsd[0]);
    }

    /** Whether the monthly sums answer: a jurisdiction's figures by commodity or category over dates of application, with whole months in the range. */
    private static boolean fromSums(Optional<Jurisdiction> jurisdiction, GoodsFilter filter, Grouping grouping) {
        return jurisdiction.isPresent() && filter.basis() == DateBasis.APPLIED && grouping != Grouping.GRADE
                && filter.consignorCode() == null && filter.contractNumber() == null && filter.grade() == null
                && filter.exporterCode() == null && firstWholeMonth(filter).isBefore(afterWholeMonths(filter));
    }

    private static LocalDate firstWholeMonth(GoodsFilter filter) {
        return filter.from().getDayOfMonth() == 1 ? filter.from() : filter.from().withDayOfMonth(1).plusMonths(1);
    }

    private static LocalDate afterWholeMonths(GoodsFilter filter) {
        return filter.to().plusDays(1).withDayOfMonth(1);
    }

    /**
     * The lines behind a row (or the statistic): counted as the figure was — the whole months from
     * their sums, the days around them from the lines — so a drill-down's total is the figure's and a
     * national row's count does not read its 80,000 lines again.
     */
    private long countLines(GoodsFilter filter, GroupKey key) {
        Optional<Jurisdiction> jurisdiction = licences.jurisdictionOfCaller();
        if (key == null || !fromSums(jurisdiction, filter, key.grouping())) {
            return countLines(filter, key, filter.from(), filter.to());
        }
        LocalDate firstMonth = firstWholeMonth(filter);
        LocalDate afterMonths = afterWholeMonths(filter);
        long total = MonthlySums.number(goodsMonths(jurisdiction.get(), filter, firstMonth, afterMonths)
                .and(key.grouping() == Grouping.COMMODITY ? "commodity_code" : "category_code", blankFor(key.code()))
                .and("unit_code", blankFor(key.unitCode())).query(em, "sum(lines)", null).getSingleResult());
        if (filter.from().isBefore(firstMonth)) {
            total += countLines(filter, key, filter.from(), firstMonth.minusDays(1));
        }
        if (!filter.to().isBefore(afterMonths)) {
            total += countLines(filter, key, afterMonths, filter.to());
        }
        return total;
    }

    private long countLines(GoodsFilter filter, GroupKey key, LocalDate from, LocalDate to) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<LineFact> f = count.from(LineFact.class);
        count.select(cb.count(f)).where(where(cb, f, filter, key, from, to));
        return em.createQuery(count).getSingleResult();
    }

    /** A key's absent code as the sums keep it. */
    private static String blankFor(String code) {
        return code == null ? MonthlySums.ABSENT : code;
    }

    /** Adds the lines applied for from {@code from} to {@code to} to the rows and totals. */
    private void fromLines(GoodsFilter filter, Grouping grouping, LocalDate from, LocalDate to,
            Map<List<String>, long[]> licenceCounts, Map<List<String>, BigDecimal[]> amounts, long[] total,
            BigDecimal[] totalUsd) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Tuple> q = cb.createTupleQuery();
        Root<LineFact> f = q.from(LineFact.class);
        List<Expression<?>> keys = keys(f, grouping);
        List<Selection<?>> select = new ArrayList<>(keys);
        // a grade asked splits a commodity's or category's lines; grades are counted within the special goods
        select.add(licences(cb, f, filter.grade() != null && grouping != Grouping.GRADE ? null : switch (grouping) {
            case COMMODITY -> "firstInCommodity";
            case CATEGORY -> "firstInCategory";
            case GRADE -> filter.goods() == null ? null : "firstInGrade";
        }));
        select.add(cb.sum(f.<BigDecimal>get("quantity")));
        select.add(cb.sum(f.<BigDecimal>get("amountUsd")));
        q.multiselect(select).where(where(cb, f, filter, null, from, to)).groupBy(keys);
        int n = keys.size();
        for (Tuple t : em.createQuery(q).getResultList()) {
            List<String> key = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                key.add((String) t.get(i));
            }
            add(licenceCounts, amounts, key, MonthlySums.number(t.get(n)), t.get(n + 1, BigDecimal.class),
                    t.get(n + 2, BigDecimal.class));
        }
        // the totals: a licence with lines in two rows is one licence; every line of a licence is in or out
        // together unless a grade is asked (the goods keep a category whole: its first line there counts it)
        CriteriaQuery<Tuple> sum = cb.createTupleQuery();
        Root<LineFact> tf = sum.from(LineFact.class);
        String once = filter.grade() != null ? null : filter.goods() != null ? "firstInCategory" : "firstOfLicence";
        sum.multiselect(licences(cb, tf, once), cb.sum(tf.<BigDecimal>get("amountUsd")))
                .where(where(cb, tf, filter, null, from, to));
        Tuple sums = em.createQuery(sum).getSingleResult();
        total[0] += MonthlySums.number(sums.get(0));
        totalUsd[0] = totalUsd[0].add(zeroIfNull(sums.get(1, BigDecimal.class)));
    }

    /** Adds the monthly sums of the months from {@code firstMonth} up to {@code afterMonths} to the rows and totals. */
    private void fromMonths(Jurisdiction jurisdiction, GoodsFilter filter, Grouping grouping, LocalDate firstMonth,
            LocalDate afterMonths, Map<List<String>, long[]> licenceCounts, Map<List<String>, BigDecimal[]> amounts,
            long[] total, BigDecimal[] totalUsd) {
        String key = grouping == Grouping.COMMODITY ? "commodity_code" : "category_code";
        String counted = grouping == Grouping.COMMODITY ? "licences_commodity" : "licences_category";
        MonthlySums months = goodsMonths(jurisdiction, filter, firstMonth, afterMonths);
        for (Object result : months.query(em, key + ", unit_code, sum(" + counted + "), sum(quantity), sum(amount_usd)",
                "group by " + key + ", unit_code having sum(lines) > 0").getResultList()) {
            Object[] t = (Object[]) result;
            add(licenceCounts, amounts, Arrays.asList(blankToNull((String) t[0]), blankToNull((String) t[1])),
                    MonthlySums.number(t[2]), (BigDecimal) t[3], (BigDecimal) t[4]);
        }
        Object[] t = (Object[]) months.query(em, "sum(" + (filter.goods() != null ? "licences_category" : "licences")
                + "), sum(amount_usd)", null).getSingleResult();
        total[0] += MonthlySums.number(t[0]);
        totalUsd[0] = totalUsd[0].add(t[1] == null ? BigDecimal.ZERO : (BigDecimal) t[1]);
    }

    /** The goods sums of the whole months in the jurisdiction, with the statistic's filters the sums keep. */
    private static MonthlySums goodsMonths(Jurisdiction jurisdiction, GoodsFilter filter, LocalDate firstMonth,
            LocalDate afterMonths) {
        return new MonthlySums("goods_month", firstMonth, afterMonths).and("authority_code", jurisdiction.authorityCode())
                .and("authority_code", filter.authorityCode()).and("trade_mode_code", filter.tradeModeCode())
                .and("port_code", filter.portCode()).and("country_code", filter.countryCode())
                .and("category_code", filter.goods() == null ? null : filter.goods().categoryCode());
    }

    private static void add(Map<List<String>, long[]> licenceCounts, Map<List<String>, BigDecimal[]> amounts,
            List<String> key, long licences, BigDecimal quantity, BigDecimal usd) {
        licenceCounts.computeIfAbsent(key, k -> new long[1])[0] += licences;
        BigDecimal[] sum = amounts.computeIfAbsent(key, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        sum[0] = sum[0].add(quantity == null ? BigDecimal.ZERO : quantity);
        sum[1] = sum[1].add(usd == null ? BigDecimal.ZERO : usd);
    }

    private static String blankToNull(String code) {
        return code == null || MonthlySums.ABSENT.equals(code) ? null : code;
    }

    /** The goods lines behind one row of a statistic ({@code key} null: behind the whole statistic), paged. */
    public Page<LineRow> linesForCaller(GoodsFilter filter, GroupKey key, int first, int max) {
        return linesForCaller(filter, key, null, true, first, max);
    }

    /** The columns a drill-down may be sorted by (the page's sortable columns), to the facts' attributes. */
    private static final Map<String, String> LINE_ORDER = Map.of("number", "number", "appliedOn", "appliedOn",
            "issuedOn", "issuedOn", "exporterCode", "exporterCode", "countryCode", "countryCode", "quantity", "quantity",
            "usd", "amountUsd", "commodityCode", "commodityCode", "grade", "specification");

    /** The same sorted by {@code sortField} (one of the page's sortable columns; null or unknown: licence and line). */
    public Page<LineRow> linesForCaller(GoodsFilter filter, GroupKey key, String sortField, boolean ascending, int first,
            int max) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        long total = countLines(filter, key);
        CriteriaQuery<LineRow> q = lineQuery(filter, key, null);
        Root<?> root = q.getRoots().iterator().next();
        String date = filter.basis() == DateBasis.ISSUED ? "issuedOn" : "appliedOn";
        // a page in order of date (the index of a row's commodity or category gives it), unless sorted otherwise
        q.orderBy(cb.asc(root.get(date)), cb.asc(root.get("licenceId")), cb.asc(root.get("lineNumber")));
        // "date": the range's own date (of application or of issue)
        String by = "date".equals(sortField) ? date : sortField == null ? null : LINE_ORDER.get(sortField);
        if (by != null) {
            q.orderBy(ascending ? cb.asc(root.get(by)) : cb.desc(root.get(by)), cb.asc(root.get("licenceId")),
                    cb.asc(root.get("lineNumber")));
        }
        List<LineRow> rows = em.createQuery(q).setFirstResult(Math.max(first, 0))
                .setMaxResults(Math.min(Math.max(max, 1), 500)).getResultList();
        return new Page<>(rows, total);
    }

    /**
     * The goods lines behind a row (or the statistic) as a workbook, streamed a thousand rows at a
     * time (keyset: after the last line written), with the figure's totals in the last row.
     */
    public void exportForCaller(GoodsFilter filter, GroupKey key, OutputStream out) throws IOException {
        exportForCaller(filter, key, out, rows -> { });
    }

    /** The same, telling {@code progress} how many rows are written after each round (for the page's progress bar). */
    public void exportForCaller(GoodsFilter filter, GroupKey key, OutputStream out, IntConsumer progress)
            throws IOException {
        try (Spreadsheet book = new Spreadsheet()) {
            book.sheet("商品明细", "许可证号", "项号", "申请日期", "发证日期", "出口商代码", "进口国（地区）", "合同号",
                    "商品编码", "商品大类", "品名（规格等级）", "计量单位", "数量", "金额（美元）", "单价（美元）");
            long lines = 0;
            BigDecimal usd = BigDecimal.ZERO;
            BigDecimal quantity = BigDecimal.ZERO;
            boolean oneUnit = key != null;
            LineRow last = null;
            while (true) {
                List<LineRow> round = em.createQuery(lineQuery(filter, key, last)).setMaxResults(ROUND).getResultList();
                for (LineRow row : round) {
                    last = row;
                    book.row(row.number(), row.lineNumber(), row.appliedOn(), row.issuedOn(), row.exporterCode(),
                            row.countryCode(), row.contractNumber(), row.commodityCode(), row.categoryCode(), row.grade(),
                            row.unitCode(), row.quantity(), row.usd(), row.unitPrice());
                    lines++;
                    usd = usd.add(zeroIfNull(row.usd()));
                    quantity = quantity.add(row.quantity());
                }
                em.clear();
                progress.accept((int) lines);
                if (round.size() < ROUND) {
                    break;
                }
            }
            // quantities of different units are not added up
            book.row("合计 " + lines + " 项", null, null, null, null, null, null, null, null, null, null,
                    oneUnit ? quantity : null, usd, null);
            book.write(out);
        }
    }

    private CriteriaQuery<LineRow> lineQuery(GoodsFilter filter, GroupKey key, LineRow after) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<LineRow> q = cb.createQuery(LineRow.class);
        Root<LineFact> f = q.from(LineFact.class);
        List<Predicate> where = new ArrayList<>(List.of(where(cb, f, filter, key)));
        if (after != null) {
            // the first condition starts the index range; the second leaves out what was written
            where.add(cb.greaterThanOrEqualTo(f.get("licenceId"), after.licenceId()));
            where.add(cb.or(cb.greaterThan(f.get("licenceId"), after.licenceId()),
                    cb.greaterThan(f.get("lineNumber"), after.lineNumber())));
        }
        return q.select(cb.construct(LineRow.class, f.get("licenceId"), f.get("lineNumber"), f.get("number"),
                f.get("appliedOn"), f.get("issuedOn"), f.get("exporterCode"), f.get("countryCode"),
                f.get("contractNumber"), f.get("commodityCode"), f.get("categoryCode"), f.get("specification"),
                f.get("unitCode"), f.get("quantity"), f.get("amountUsd")))
                .where(where.toArray(Predicate[]::new))
                .orderBy(cb.asc(f.get("licenceId")), cb.asc(f.get("lineNumber")));
    }

    /**
     * Licences among the lines read: the sum of the flag marking each licence's first line of the
     * group (no sort of every line), or, where a filter could leave a licence's first line out,
     * COUNT(DISTINCT) ({@code flag} null).
     */
    private static Expression<? extends Number> licences(CriteriaBuilder cb, Root<LineFact> f, String flag) {
        if (flag == null) {
            return cb.countDistinct(f.get("licenceId"));
        }
        return cb.sum(cb.<Long>selectCase().when(cb.isTrue(f.get(flag)), 1L).otherwise(0L));
    }

    private static List<Expression<?>> keys(Root<LineFact> f, Grouping grouping) {
        return switch (grouping) {
            case COMMODITY -> List.of(f.get("commodityCode"), f.get("unitCode"));
            case CATEGORY -> List.of(f.get("categoryCode"), f.get("unitCode"));
            case GRADE -> List.of(f.get("specification"), f.get("exporterCode"), f.get("countryCode"), f.get("unitCode"));
        };
    }

    private Predicate[] where(CriteriaBuilder cb, Root<LineFact> f, GoodsFilter filter, GroupKey key) {
        return where(cb, f, filter, key, filter.from(), filter.to());
    }

    private Predicate[] where(CriteriaBuilder cb, Root<LineFact> f, GoodsFilter filter, GroupKey key, LocalDate from,
            LocalDate to) {
        List<Predicate> where = new ArrayList<>(licences.scopeOfCallerOn(cb, f));
        where.add(cb.isTrue(f.get("counted")));
        String date = filter.basis() == DateBasis.ISSUED ? "issuedOn" : "appliedOn";
        where.add(cb.greaterThanOrEqualTo(f.get(date), from));
        where.add(cb.lessThanOrEqualTo(f.get(date), to));
        if (filter.goods() != null) {
            where.add(cb.equal(f.get("categoryCode"), filter.goods().categoryCode()));
        }
        equal(cb, f, where, "tradeModeCode", filter.tradeModeCode());
        equal(cb, f, where, "consignorCode", upper(filter.consignorCode()));
        equal(cb, f, where, "portCode", filter.portCode());
        equal(cb, f, where, "countryCode", filter.countryCode());
        equal(cb, f, where, "contractNumber", filter.contractNumber());
        equal(cb, f, where, "exporterCode", upper(filter.exporterCode()));
        equal(cb, f, where, "authorityCode", filter.authorityCode());
        if (filter.grade() != null) {
            where.add(cb.like(f.get("specification"), LikePattern.containing(filter.grade()), '\\'));
        }
        if (key != null) {
            List<Expression<?>> keys = keys(f, key.grouping());
            List<String> values = key.grouping() == Grouping.GRADE
                    ? Arrays.asList(key.code(), key.exporterCode(), key.countryCode(), key.unitCode())
                    : Arrays.asList(key.code(), key.unitCode());
            for (int i = 0; i < keys.size(); i++) {
                where.add(values.get(i) == null ? cb.isNull(keys.get(i)) : cb.equal(keys.get(i), values.get(i)));
            }
        }
        return where.toArray(Predicate[]::new);
    }

    private static void equal(CriteriaBuilder cb, Root<LineFact> f, List<Predicate> where, String field, String value) {
        if (value != null) {
            where.add(cb.equal(f.get(field), value));
        }
    }

    /** Enterprise codes are kept in capitals (a USCC's letters). */
    private static String upper(String code) {
        return code == null ? null : code.toUpperCase(Locale.ROOT);
    }

    private static BigDecimal zeroIfNull(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}

package org.xuke.web.statistics;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.primefaces.model.LazyDataModel;
import org.xuke.platform.DomainRuleException;
import org.xuke.platform.Zones;
import org.xuke.statistics.GoodsStatisticsService;
import org.xuke.statistics.GoodsStatisticsService.DateBasis;
import org.xuke.statistics.GoodsStatisticsService.Goods;
import org.xuke.statistics.GoodsStatisticsService.GoodsFilter;
import org.xuke.statistics.GoodsStatisticsService.GoodsRow;
import org.xuke.statistics.GoodsStatisticsService.GoodsStatistic;
import org.xuke.statistics.GoodsStatisticsService.GroupKey;
import org.xuke.statistics.GoodsStatisticsService.Grouping;
import org.xuke.statistics.GoodsStatisticsService.LineRow;
import org.xuke.web.PagedModel;
import org.xuke.web.Texts;
import org.xuke.web.licence.PrintJobs;

/**
 * 综合统计 (by commodity category or licensed commodity, over dates of application) and, with
 * {@code ?special=RICE|COKE}, the rice or coke special statistic and query (by grade, exporter and
 * destination, over the licences' dates): the rows as a table and a chart, each row's figure opening
 * the goods lines that make it (they add up to it), the row or the whole statistic to Excel.
 */
@Named
@ViewScoped
public class GoodsStatisticsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Rows drawn in the chart: the largest amounts (the table has them all). */
    private static final int CHART_ROWS = 20;

    @Inject
    private GoodsStatisticsService statistics;

    @Inject
    private PrintJobs jobs;

    private final ExcelJob excel = new ExcelJob();

    private Goods goods;
    private LocalDate from = LocalDate.now(Zones.CHINA).withDayOfYear(1);
    private LocalDate to = LocalDate.now(Zones.CHINA);
    private String tradeMode;
    private String consignor;
    private String port;
    private String country;
    private String contract;
    private String grade;
    private String exporter;
    private String authority;
    private Grouping grouping = Grouping.CATEGORY;
    /** The filter and grouping the rows shown were made with (a changed field changes nothing until 统计). */
    private GoodsFilter shown;
    private Grouping shownGrouping;
    private GoodsStatistic statistic;
    private String chart;
    /** The row opened: its index, -1 for the whole statistic, null for none. */
    private Integer opened;

    private final LazyDataModel<LineRow> lines = new PagedModel<>((first, max, sort) -> statistics
            .linesForCaller(shown, key(), sort.field(), sort.ascending(), first, max),
            r -> r.licenceId() + "-" + r.lineNumber());

    /** {@code special} view parameter: RICE, COKE, or empty for 综合统计; anything else is 综合统计 too. */
    public void setGoodsName(String name) {
        if (name == null || name.isBlank()) {
            // a postback does not carry the view's parameter: the view keeps what it was opened with
            return;
        }
        try {
            goods = Goods.valueOf(name);
        } catch (IllegalArgumentException e) {
            goods = null;
        }
    }

    public String getGoodsName() {
        return goods == null ? null : goods.name();
    }

    public void count() {
        try {
            Grouping by = goods != null ? Grouping.GRADE : grouping;
            shown = new GoodsFilter(goods != null ? DateBasis.ISSUED : DateBasis.APPLIED, from, to, goods, tradeMode,
                    consignor, port, country, contract, grade, exporter, authority);
            statistic = statistics.statisticForCaller(shown, by);
            shownGrouping = by;
            chart = chartOf(statistic);
            opened = null;
            excel.clear();
        } catch (DomainRuleException e) {
            // the dates' errors beside the last date (and in the summary), the rest in the summary
            if (e.key().startsWith("statistics.dates")) {
                Texts.refusedAt("goods:to", Texts.text("goodsStats.lastDate"), e);
            } else {
                Texts.refused(null, e);
            }
        }
    }

    /** The goods lines behind row {@code index} (-1: behind the whole statistic: the special query's list). */
    public void open(int index) {
        opened = index;
        excel.clear();
    }

    /**
     * The lines behind the row opened (or the whole statistic) to Excel, written in the background
     * while the page shows how many rows are done; then the link to the workbook.
     */
    public void export() {
        if (shown == null) {
            return;
        }
        try {
            GoodsFilter filter = shown;
            GroupKey key = key();
            int total = (int) Math.min(Integer.MAX_VALUE, statistics.linesForCaller(filter, key, 0, 1).total());
            excel.start(jobs, total, (out, progress) -> statistics.exportForCaller(filter, key, out, progress));
        } catch (DomainRuleException e) {
            Texts.refused(null, e);
        }
    }

    /** The workbook being written for this view, its progress and its link. */
    public ExcelJob getExcel() {
        return excel;
    }

    private GroupKey key() {
        return opened == null || opened < 0 ? null : GroupKey.of(shownGrouping, statistic.rows().get(opened));
    }

    private static String chartOf(GoodsStatistic statistic) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder amounts = Json.createArrayBuilder();
        JsonArrayBuilder counts = Json.createArrayBuilder();
        statistic.rows().stream().limit(CHART_ROWS).forEach(row -> {
            labels.add(row.code() == null ? "—" : row.code());
            amounts.add(row.usd());
            counts.add(row.licences());
        });
        return Json.createObjectBuilder().add("type", "bar")
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("label", Texts.text("statistics.usd")).add("data", amounts)
                                .add("backgroundColor", "#1f5f99").add("yAxisID", "usd"))
                        .add(Json.createObjectBuilder().add("label", Texts.text("statistics.licences"))
                                .add("data", counts).add("backgroundColor", "#8b1a1a").add("yAxisID", "y"))))
                .add("options", Json.createObjectBuilder().add("responsive", true).add("animation", false)
                        .add("scales", Json.createObjectBuilder()
                                .add("usd", Json.createObjectBuilder().add("beginAtZero", true).add("position", "left"))
                                .add("y", Json.createObjectBuilder().add("beginAtZero", true).add("position", "right"))))
                .build().toString();
    }

    public String getTitle() {
        return Texts.text(goods == null ? "goodsStats.title" : "goodsStats.title." + goods.name());
    }

    public boolean isSpecial() {
        return goods != null;
    }

    public List<GoodsRow> getRows() {
        return statistic == null ? List.of() : statistic.rows();
    }

    public GoodsStatistic getStatistic() {
        return statistic;
    }

    /** The heading of the rows' key column: the grouping the rows shown were counted by. */
    public String getKeyHeading() {
        return Texts.text(shownGrouping == Grouping.GRADE ? "goodsStats.grade" : "goodsStats.grouping." + shownGrouping);
    }

    public boolean isByCategory() {
        return shownGrouping == Grouping.CATEGORY;
    }

    public boolean isByGrade() {
        return shownGrouping == Grouping.GRADE;
    }

    /** The row opened (null for none or the whole statistic). */
    public GoodsRow getOpenedRow() {
        return opened == null || opened < 0 ? null : statistic.rows().get(opened);
    }

    public boolean isOpen() {
        return statistic != null && opened != null;
    }

    public String getChart() {
        return chart;
    }

    public LazyDataModel<LineRow> getLines() {
        return lines;
    }

    public List<Grouping> getGroupings() {
        return List.of(Grouping.CATEGORY, Grouping.COMMODITY);
    }

    public String amount(BigDecimal usd) {
        return Figures.amount(usd);
    }

    public String quantity(BigDecimal quantity) {
        return quantity == null ? "" : quantity.stripTrailingZeros().toPlainString();
    }

    public String price(BigDecimal price) {
        return price == null ? "" : String.format("%,.4f", price);
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public String getTradeMode() {
        return tradeMode;
    }

    public void setTradeMode(String tradeMode) {
        this.tradeMode = tradeMode;
    }

    public String getConsignor() {
        return consignor;
    }

    public void setConsignor(String consignor) {
        this.consignor = consignor;
    }

    public String getPort() {
        return port;
    }

    public void setPort(String port) {
        this.port = port;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public String getContract() {
        return contract;
    }

    public void setContract(String contract) {
        this.contract = contract;
    }

    public String getGrade() {
        return grade;
    }

    public void setGrade(String grade) {
        this.grade = grade;
    }

    public String getExporter() {
        return exporter;
    }

    public void setExporter(String exporter) {
        this.exporter = exporter;
    }

    public String getAuthority() {
        return authority;
    }

    public void setAuthority(String authority) {
        this.authority = authority;
    }

    public Grouping getGrouping() {
        return grouping;
    }

    public void setGrouping(Grouping grouping) {
        // a form without the choice (the special statistic has none) keeps the default
        this.grouping = grouping == null ? Grouping.CATEGORY : grouping;
    }
}

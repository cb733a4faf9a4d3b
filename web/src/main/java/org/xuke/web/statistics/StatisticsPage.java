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
import org.xuke.statistics.StatisticsService;
import org.xuke.statistics.StatisticsService.FactRow;
import org.xuke.statistics.StatisticsService.MonthlyFilter;
import org.xuke.statistics.StatisticsService.Monthly;
import org.xuke.web.PagedModel;
import org.xuke.web.Texts;
import org.xuke.web.licence.PrintJobs;

/**
 * 统计月报: the year's months for the chosen authority, trade mode and destination, as a table and
 * a chart; a month's figure opens the licences that make it (their count and amount equal the
 * figure); the month or the year to Excel.
 */
@Named
@ViewScoped
public class StatisticsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private StatisticsService statistics;

    @Inject
    private PrintJobs jobs;

    private final ExcelJob excel = new ExcelJob();

    private int year = LocalDate.now(Zones.CHINA).getYear();
    private String authority;
    private String tradeMode;
    private String country;
    /** The filter the figures shown were made with (changing a field does not change them until 统计). */
    private MonthlyFilter shown;
    private Monthly monthly;
    /** The chart of {@link #monthly}, made once when counted (not in a getter asked during rendering). */
    private String chart;
    /** The month drilled into (0: the whole year), or null. */
    private Integer month;

    private final LazyDataModel<FactRow> licences = new PagedModel<>((first, max, sort) -> statistics
            .licencesForCaller(shown, month == null || month == 0 ? null : month, sort.field(), sort.ascending(),
                    first, max),
            r -> String.valueOf(r.licenceId()));

    public void count() {
        try {
            shown = new MonthlyFilter(year, authority, tradeMode, country);
            monthly = statistics.monthlyForCaller(shown);
            chart = chartOf(monthly);
            month = null;
        } catch (DomainRuleException e) {
            Texts.refused(null, e);
        }
    }

    /** The licences behind a month (0: the year). */
    public void open(int which) {
        month = which;
        excel.clear();
    }

    /**
     * The licences behind the month opened (or the year) to Excel, written in the background while the
     * page shows how many rows are done; then the link to the workbook.
     */
    public void export() {
        if (shown == null) {
            return;
        }
        try {
            MonthlyFilter filter = shown;
            Integer which = month == null || month == 0 ? null : month;
            int total = (int) Math.min(Integer.MAX_VALUE, statistics.licencesForCaller(filter, which, 0, 1).total());
            excel.start(jobs, total, (out, progress) -> statistics.exportForCaller(filter, which, out, progress));
        } catch (DomainRuleException e) {
            Texts.refused(null, e);
        }
    }

    /** The workbook being written for this view, its progress and its link. */
    public ExcelJob getExcel() {
        return excel;
    }

    /** Chart.js configuration of the year's bars (licences per month); PrimeFaces' p:chart draws it. */
    public String getChart() {
        return chart;
    }

    private static String chartOf(Monthly monthly) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder counts = Json.createArrayBuilder();
        JsonArrayBuilder amounts = Json.createArrayBuilder();
        for (StatisticsService.MonthRow row : monthly.months()) {
            labels.add(Texts.text("statistics.month", row.month()));
            counts.add(row.licences());
            amounts.add(row.usd());
        }
        return Json.createObjectBuilder().add("type", "bar")
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("label", Texts.text("statistics.licences"))
                                .add("data", counts).add("backgroundColor", "#8b1a1a").add("yAxisID", "y"))
                        .add(Json.createObjectBuilder().add("label", Texts.text("statistics.usd"))
                                .add("data", amounts).add("backgroundColor", "#1f5f99").add("yAxisID", "usd"))))
                .add("options", Json.createObjectBuilder().add("responsive", true).add("animation", false)
                        .add("scales", Json.createObjectBuilder()
                                .add("y", Json.createObjectBuilder().add("beginAtZero", true).add("position", "left"))
                                .add("usd", Json.createObjectBuilder().add("beginAtZero", true).add("position", "right"))))
                .build().toString();
    }

    /** The months with their figures, for the table. */
    public List<StatisticsService.MonthRow> getMonths() {
        return monthly == null ? List.of() : monthly.months();
    }

    public Monthly getMonthly() {
        return monthly;
    }

    /** The drilled-into figure: its count and amount (what the licences listed must add up to). */
    public StatisticsService.MonthRow getOpened() {
        if (monthly == null || month == null) {
            return null;
        }
        return month == 0 ? new StatisticsService.MonthRow(0, monthly.licences(), monthly.usd())
                : monthly.months().get(month - 1);
    }

    public LazyDataModel<FactRow> getLicences() {
        return licences;
    }

    public List<Integer> getYears() {
        return Figures.years();
    }

    public String monthLabel(int which) {
        return Texts.text("statistics.month", which);
    }

    public String amount(BigDecimal usd) {
        return Figures.amount(usd);
    }

    public int getYear() {
        return year;
    }

    public void setYear(int year) {
        this.year = year;
    }

    public String getAuthority() {
        return authority;
    }

    public void setAuthority(String authority) {
        this.authority = authority;
    }

    public String getTradeMode() {
        return tradeMode;
    }

    public void setTradeMode(String tradeMode) {
        this.tradeMode = tradeMode;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public Integer getMonth() {
        return month;
    }
}

package org.xuke.web.statistics;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.primefaces.model.LazyDataModel;
import org.xuke.platform.DomainRuleException;
import org.xuke.platform.Zones;
import org.xuke.statistics.ReviewStage;
import org.xuke.statistics.WorkloadService;
import org.xuke.statistics.WorkloadService.DecisionRow;
import org.xuke.statistics.WorkloadService.Workload;
import org.xuke.statistics.WorkloadService.WorkloadFilter;
import org.xuke.statistics.WorkloadService.WorkloadRow;
import org.xuke.web.PagedModel;
import org.xuke.web.Texts;

/**
 * 审批时效统计 (officers): the year's decisions by month, reviewer and stage against the
 * 3-working-day limit — decisions, in time, share, average working days — with the issuance volume
 * (the 发证 stage) and a chart of the share decided in time per month; a figure opens its decisions,
 * or only the late ones.
 */
@Named
@ViewScoped
public class WorkloadPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private WorkloadService workload;

    private int year = LocalDate.now(Zones.CHINA).getYear();
    private String authority;
    private ReviewStage stage;
    private String actor;
    private WorkloadFilter shown;
    private Workload figures;
    private String chart;
    /** The figure opened: month (0: the year), reviewer and stage (null: all), late only. */
    private WorkloadRow opened;
    private boolean lateOnly;

    private final LazyDataModel<DecisionRow> decisions = new PagedModel<>((first, max, sort) -> workload
            .decisionsForCaller(shown, opened.month(), opened.actor(), opened.stage(), lateOnly, sort.field(),
                    sort.ascending(), first, max),
            r -> r.applicationId() + "-" + r.stage() + "-" + r.decidedOn());

    public void count() {
        try {
            shown = new WorkloadFilter(year, authority, stage, actor);
            figures = workload.workloadForCaller(shown);
            chart = chartOf(figures);
            opened = null;
        } catch (DomainRuleException e) {
            Texts.refused(null, e);
        }
    }

    /** The decisions behind a row of the table (or a stage's year), all or only the late ones. */
    public void open(WorkloadRow row, boolean late) {
        opened = row;
        lateOnly = late;
    }

    private static String chartOf(Workload figures) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder share = Json.createArrayBuilder();
        JsonArrayBuilder counts = Json.createArrayBuilder();
        for (WorkloadRow month : figures.byMonth()) {
            labels.add(Texts.text("statistics.month", month.month()));
            share.add(month.inTimePercent());
            counts.add(month.decisions());
        }
        return Json.createObjectBuilder().add("type", "bar")
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("label", Texts.text("workload.decisions")).add("data", counts)
                                .add("backgroundColor", "#1f5f99").add("yAxisID", "y"))
                        .add(Json.createObjectBuilder().add("type", "line").add("label", Texts.text("workload.share"))
                                .add("data", share).add("borderColor", "#8b1a1a").add("yAxisID", "share"))))
                .add("options", Json.createObjectBuilder().add("responsive", true).add("animation", false)
                        .add("scales", Json.createObjectBuilder()
                                .add("y", Json.createObjectBuilder().add("beginAtZero", true).add("position", "left"))
                                .add("share", Json.createObjectBuilder().add("min", 0).add("max", 100)
                                        .add("position", "right"))))
                .build().toString();
    }

    public Workload getFigures() {
        return figures;
    }

    public List<WorkloadRow> getRows() {
        return figures == null ? List.of() : figures.rows();
    }

    /** The year's figures per stage (the 发证 row is the issuance volume). */
    public List<WorkloadRow> getYearByStage() {
        return figures == null ? List.of() : figures.byStage().stream().filter(r -> r.month() == 0).toList();
    }

    public String getChart() {
        return chart;
    }

    public WorkloadRow getOpened() {
        return opened;
    }

    public boolean isLateOnly() {
        return lateOnly;
    }

    public LazyDataModel<DecisionRow> getDecisions() {
        return decisions;
    }

    public String monthLabel(int month) {
        return month == 0 ? Texts.text("statistics.year.licences") : Texts.text("statistics.month", month);
    }

    public String stageLabel(ReviewStage stage) {
        return stage == null ? Texts.text("statistics.all") : Texts.text("workload.stage." + stage.name());
    }

    public List<ReviewStage> getStages() {
        return List.of(ReviewStage.values());
    }

    public List<Integer> getYears() {
        return Figures.years();
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

    public ReviewStage getStage() {
        return stage;
    }

    public void setStage(ReviewStage stage) {
        this.stage = stage;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }
}

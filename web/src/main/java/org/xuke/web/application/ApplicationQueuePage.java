package org.xuke.web.application;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;
import org.xuke.application.ApplicationFilter;
import org.xuke.application.ApplicationRow;
import org.xuke.application.ApplicationState;
import org.xuke.application.ApplicationTransition;
import org.xuke.application.ExportApplicationService;
import org.xuke.platform.DomainRuleException;
import org.xuke.web.Texts;

/**
 * An officer's work queue: what waits for his step in his authority, oldest first, with the
 * working-day clock against the 3-day limit (overdue rows marked). A selection may be decided
 * at once; each application is its own decision, recorded and refused on its own.
 */
@Named
@ViewScoped
public class ApplicationQueuePage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The queues and the state each one holds. */
    public enum Stage {
        INITIAL(ApplicationState.PENDING_INITIAL_REVIEW, "INITIAL_REVIEWER"),
        SECOND(ApplicationState.PENDING_SECOND_REVIEW, "SECOND_REVIEWER"),
        ISSUE(ApplicationState.APPROVED, "ISSUER"),
        DONE(null, null);

        private final ApplicationState state;
        private final String role;

        Stage(ApplicationState state, String role) {
            this.state = state;
            this.role = role;
        }

        public String getRole() {
            return role;
        }
    }

    @Inject
    private ExportApplicationService service;

    private Stage stage;
    private LocalDate from;
    private LocalDate to;
    private String commodity;
    private String search;
    private String opinion;
    private List<ApplicationRow> selection = new ArrayList<>();
    private final LazyDataModel<ApplicationRow> model = new Model();

    /** f:viewAction: without a chosen queue, the one of the caller's role. */
    public void load() {
        if (stage == null) {
            var context = FacesContext.getCurrentInstance().getExternalContext();
            stage = context.isUserInRole("SECOND_REVIEWER") ? Stage.SECOND
                    : context.isUserInRole("ISSUER") && !context.isUserInRole("INITIAL_REVIEWER") ? Stage.ISSUE
                    : Stage.INITIAL;
        }
    }

    public void decide(String transition) {
        ApplicationTransition step = ApplicationTransition.valueOf(transition);
        if (selection == null || selection.isEmpty()) {
            Texts.error(null, "app.noSelection");
            return;
        }
        int done = 0;
        for (ApplicationRow row : selection) {
            try {
                if (step == ApplicationTransition.ISSUE) {
                    var view = service.issue(row.id(), row.version());
                    Texts.info("app.issuedOne", row.applicationNumber(), view.licence().getNumber());
                } else {
                    service.decide(row.id(), row.version(), step, opinion);
                    Texts.info("app.decidedOne", row.applicationNumber(), Texts.rule("transition." + step, List.of()));
                }
                done++;
            } catch (DomainRuleException e) {
                Texts.error(null, "app.batchRefused", row.applicationNumber(), Texts.rule(e.key(), e.arguments()));
            }
        }
        Texts.info("app.batchDone", done, selection.size());
        selection = new ArrayList<>();
        opinion = null;
    }

    private ApplicationFilter filter() {
        Set<ApplicationState> states = stage == Stage.DONE || stage == null
                ? EnumSet.of(ApplicationState.ISSUED, ApplicationState.REJECTED, ApplicationState.RETURNED)
                : EnumSet.of(stage.state);
        return new ApplicationFilter(states, from, to, commodity, search, null);
    }

    public Stage[] getStages() {
        return Stage.values();
    }

    public boolean isMayDecide() {
        return stage != null && stage.role != null
                && FacesContext.getCurrentInstance().getExternalContext().isUserInRole(stage.role);
    }

    public LazyDataModel<ApplicationRow> getModel() {
        return model;
    }

    public Stage getStage() {
        return stage;
    }

    public void setStage(Stage stage) {
        this.stage = stage;
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

    public String getCommodity() {
        return commodity;
    }

    public void setCommodity(String commodity) {
        this.commodity = commodity;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }

    public String getOpinion() {
        return opinion;
    }

    public void setOpinion(String opinion) {
        this.opinion = opinion;
    }

    public List<ApplicationRow> getSelection() {
        return selection;
    }

    public void setSelection(List<ApplicationRow> selection) {
        this.selection = selection;
    }

    private final class Model extends LazyDataModel<ApplicationRow> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, service.countForCaller(filter()));
        }

        @Override
        public List<ApplicationRow> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                Map<String, FilterMeta> filterBy) {
            SortMeta sort = sortBy.values().stream().filter(s -> s.getOrder() != SortOrder.UNSORTED).findFirst()
                    .orElse(null);
            return service.listForCaller(filter(), first, pageSize, sort == null ? null : sort.getField(),
                    sort == null || sort.getOrder() == SortOrder.ASCENDING);
        }

        @Override
        public String getRowKey(ApplicationRow row) {
            return String.valueOf(row.id());
        }

        @Override
        public ApplicationRow getRowData(String rowKey) {
            return getWrappedData() == null ? null : getWrappedData().stream()
                    .filter(r -> String.valueOf(r.id()).equals(rowKey)).findFirst().orElse(null);
        }
    }
}

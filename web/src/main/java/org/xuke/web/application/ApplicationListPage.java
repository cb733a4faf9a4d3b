package org.xuke.web.application;

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
import org.xuke.application.ExportApplicationService;
import org.xuke.platform.DomainRuleException;
import org.xuke.web.Texts;

/**
 * The enterprise's application lists of seed 003 (上报申请, 待审申请, 复审未通过, 打印申请表,
 * 已打印申请表, 全部): filters, sorting and paging in the database; batch submit and batch delete
 * of a selection, each application its own transaction so one refusal does not stop the others.
 */
@Named
@ViewScoped
public class ApplicationListPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The lists and the states each one shows. */
    public enum Tab {
        SUBMIT(EnumSet.of(ApplicationState.DRAFT, ApplicationState.RETURNED, ApplicationState.WITHDRAWN), null),
        PENDING(EnumSet.of(ApplicationState.PENDING_INITIAL_REVIEW, ApplicationState.PENDING_SECOND_REVIEW), null),
        REJECTED(EnumSet.of(ApplicationState.REJECTED), null),
        PRINT(EnumSet.of(ApplicationState.APPROVED, ApplicationState.ISSUED), false),
        PRINTED(EnumSet.of(ApplicationState.APPROVED, ApplicationState.ISSUED), true),
        ALL(EnumSet.allOf(ApplicationState.class), null);

        private final Set<ApplicationState> states;
        private final Boolean printed;

        Tab(Set<ApplicationState> states, Boolean printed) {
            this.states = states;
            this.printed = printed;
        }

        public List<ApplicationState> getStates() {
            return List.copyOf(states);
        }
    }

    @Inject
    private ExportApplicationService service;

    private Tab tab = Tab.SUBMIT;
    private ApplicationState state;
    private LocalDate from;
    private LocalDate to;
    private String commodity;
    private String search;
    private List<ApplicationRow> selection = new ArrayList<>();
    private final LazyDataModel<ApplicationRow> model = new Model();

    public void submitSelected() {
        batch(true);
    }

    public void deleteSelected() {
        batch(false);
    }

    private void batch(boolean submit) {
        if (selection == null || selection.isEmpty()) {
            Texts.error(null, "app.noSelection");
            return;
        }
        int done = 0;
        for (ApplicationRow row : selection) {
            String label = row.applicationNumber() != null ? row.applicationNumber() : Texts.text("app.draftLabel",
                    row.id());
            try {
                if (submit) {
                    var view = service.submit(row.id(), row.version());
                    Texts.info("application.submitted", view.application().getApplicationNumber());
                } else {
                    service.delete(row.id(), row.version());
                    Texts.info("app.deletedOne", label);
                }
                done++;
            } catch (DomainRuleException e) {
                Texts.error(null, "app.batchRefused", label, Texts.rule(e.key(), e.arguments()));
            }
        }
        Texts.info("app.batchDone", done, selection.size());
        selection = new ArrayList<>();
    }

    private ApplicationFilter filter() {
        Set<ApplicationState> states = state != null && tab.states.contains(state) ? EnumSet.of(state) : tab.states;
        return new ApplicationFilter(states, from, to, commodity, search, tab.printed);
    }

    public Tab[] getTabs() {
        return Tab.values();
    }

    public LazyDataModel<ApplicationRow> getModel() {
        return model;
    }

    public Tab getTab() {
        return tab;
    }

    public void setTab(Tab tab) {
        this.tab = tab == null ? Tab.SUBMIT : tab;
    }

    public ApplicationState getState() {
        return state;
    }

    public void setState(ApplicationState state) {
        this.state = state;
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

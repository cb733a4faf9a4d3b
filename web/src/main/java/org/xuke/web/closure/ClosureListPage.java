package org.xuke.web.closure;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.primefaces.model.LazyDataModel;
import org.xuke.closure.ClosureFilter;
import org.xuke.closure.ClosureKind;
import org.xuke.closure.ClosureRow;
import org.xuke.closure.ClosureService;
import org.xuke.closure.ClosureState;
import org.xuke.platform.DomainRuleException;
import org.xuke.web.PagedModel;
import org.xuke.web.Texts;

/**
 * 删除/核销申请表管理 (drafts and returned: batch submit), 删除/核销申请表查询 (every state) and the
 * officer's queue (submitted ones, pending first): search by licence number, submit-date and
 * issue-date ranges and state in the database, sorted by licence number unless a column says otherwise.
 */
@Named
@ViewScoped
public class ClosureListPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The lists and the states each one shows. */
    public enum Tab {
        MANAGE(EnumSet.of(ClosureState.DRAFT, ClosureState.RETURNED)),
        QUERY(EnumSet.allOf(ClosureState.class)),
        QUEUE(EnumSet.of(ClosureState.PENDING, ClosureState.RETURNED, ClosureState.APPROVED));

        private final Set<ClosureState> states;

        Tab(Set<ClosureState> states) {
            this.states = states;
        }

        public List<ClosureState> getStates() {
            return List.copyOf(states);
        }
    }

    @Inject
    private ClosureService service;

    private ClosureKind kind = ClosureKind.DELETION;
    private Tab tab = Tab.MANAGE;
    private ClosureState state;
    private boolean stateChosen;
    private String number;
    private LocalDate submittedFrom;
    private LocalDate submittedTo;
    private LocalDate issuedFrom;
    private LocalDate issuedTo;
    private List<ClosureRow> selection;

    private final LazyDataModel<ClosureRow> model = new PagedModel<>((first, max, sort) -> service.pageForCaller(
            filter(), first, max, sort.field(), sort.ascending()), row -> String.valueOf(row.id()));

    private ClosureFilter filter() {
        ClosureState chosen = getState();
        Set<ClosureState> states = chosen != null && tab.states.contains(chosen) ? EnumSet.of(chosen) : tab.states;
        return new ClosureFilter(kind, states, number, submittedFrom, submittedTo, issuedFrom, issuedTo);
    }

    /** 上报 of the selection, each its own transaction: one refusal does not stop the others. */
    public void submitSelected() {
        if (selection == null || selection.isEmpty()) {
            Texts.error(null, "app.noSelection");
            return;
        }
        int done = 0;
        for (ClosureRow row : selection) {
            try {
                service.submit(row.id(), row.version());
                Texts.info("closure.submitted", row.licenceNumber());
                done++;
            } catch (DomainRuleException e) {
                Texts.error(null, "app.batchRefused", row.licenceNumber(), Texts.rule(e.key(), e.arguments()));
            }
        }
        Texts.info("app.batchDone", done, selection.size());
        selection = null;
    }

    public LazyDataModel<ClosureRow> getModel() {
        return model;
    }

    public ClosureKind getKind() {
        return kind;
    }

    public void setKind(ClosureKind kind) {
        this.kind = kind == null ? ClosureKind.DELETION : kind;
    }

    public Tab getTab() {
        return tab;
    }

    public void setTab(Tab tab) {
        this.tab = tab == null ? Tab.MANAGE : tab;
    }

    /** The officer's queue opens on what waits for him; any state can be chosen after. */
    public ClosureState getState() {
        return state == null && !stateChosen && tab == Tab.QUEUE ? ClosureState.PENDING : state;
    }

    public void setState(ClosureState state) {
        this.state = state;
        this.stateChosen = true;
    }

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }

    public LocalDate getSubmittedFrom() {
        return submittedFrom;
    }

    public void setSubmittedFrom(LocalDate submittedFrom) {
        this.submittedFrom = submittedFrom;
    }

    public LocalDate getSubmittedTo() {
        return submittedTo;
    }

    public void setSubmittedTo(LocalDate submittedTo) {
        this.submittedTo = submittedTo;
    }

    public LocalDate getIssuedFrom() {
        return issuedFrom;
    }

    public void setIssuedFrom(LocalDate issuedFrom) {
        this.issuedFrom = issuedFrom;
    }

    public LocalDate getIssuedTo() {
        return issuedTo;
    }

    public void setIssuedTo(LocalDate issuedTo) {
        this.issuedTo = issuedTo;
    }

    public List<ClosureRow> getSelection() {
        return selection;
    }

    public void setSelection(List<ClosureRow> selection) {
        this.selection = selection;
    }
}

package org.xuke.web.application;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.xuke.application.ApplicationFilter;
import org.xuke.application.ApplicationRow;
import org.xuke.application.ApplicationState;
import org.xuke.platform.DomainRuleException;
import org.xuke.web.Texts;

/**
 * The enterprise's application lists of seed 003 (上报申请, 待审申请, 复审未通过, 打印申请表,
 * 已打印申请表, 全部): filters, sorting and paging in the database; batch submit and batch delete
 * of a selection, each application its own transaction so one refusal does not stop the others.
 */
@Named
@ViewScoped
public class ApplicationListPage extends ApplicationTable {

    private static final long serialVersionUID = 1L;

    /** The lists and the states each one shows. */
    public enum Tab {
        SUBMIT(EnumSet.of(ApplicationState.DRAFT, ApplicationState.RETURNED, ApplicationState.WITHDRAWN), null),
        PENDING(EnumSet.of(ApplicationState.PENDING_INITIAL_REVIEW, ApplicationState.PENDING_SECOND_REVIEW,
                ApplicationState.PENDING_WITHDRAWAL), null),
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

        /** Lists whose application forms are printed (打印申请表, 已打印申请表). */
        public boolean isPrinting() {
            return printed != null;
        }

        /** Lists with a selection for a batch step: submit or delete, or print. */
        public boolean isSelectable() {
            return this == SUBMIT || isPrinting();
        }
    }

    private Tab tab = Tab.SUBMIT;
    private ApplicationState state;

    public void submitSelected() {
        batch(true);
    }

    public void deleteSelected() {
        batch(false);
    }

    private void batch(boolean submit) {
        if (getSelection().isEmpty()) {
            Texts.error(null, "app.noSelection");
            return;
        }
        int done = 0;
        for (ApplicationRow row : getSelection()) {
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
        Texts.info("app.batchDone", done, getSelection().size());
        setSelection(null);
    }

    @Override
    protected ApplicationFilter filter() {
        Set<ApplicationState> states = state != null && tab.states.contains(state) ? EnumSet.of(state) : tab.states;
        return new ApplicationFilter(states, getFrom(), getTo(), getCommodity(), getSearch(), tab.printed, getYear(),
                getLicenceNumber());
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
}

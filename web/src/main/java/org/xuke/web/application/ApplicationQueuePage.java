package org.xuke.web.application;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.xuke.application.ApplicationFilter;
import org.xuke.application.ApplicationRow;
import org.xuke.application.ApplicationState;
import org.xuke.application.ApplicationTransition;
import org.xuke.platform.DomainRuleException;
import org.xuke.web.Texts;

/**
 * An officer's work queue: what waits for his step in his authority, oldest first, with the
 * working-day clock against the 3-day limit (overdue rows marked). A selection may be decided
 * at once; each application is its own decision, recorded and refused on its own.
 */
@Named
@ViewScoped
public class ApplicationQueuePage extends ApplicationTable {

    private static final long serialVersionUID = 1L;

    /** The queues and the state each one holds. */
    public enum Stage {
        INITIAL(ApplicationState.PENDING_INITIAL_REVIEW, "INITIAL_REVIEWER"),
        SECOND(ApplicationState.PENDING_SECOND_REVIEW, "SECOND_REVIEWER"),
        /** 待撤销: the enterprise's withdrawal requests, for the initial reviewers who hold the application */
        WITHDRAWAL(ApplicationState.PENDING_WITHDRAWAL, "INITIAL_REVIEWER"),
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

    private Stage stage;
    private String opinion;
    private Boolean mayDecide;
    /** 超期: only those past their working-day limit today (the home page's overdue figure links here). */
    private boolean overdue;

    /** f:viewAction: without a chosen queue, the one of the caller's role. */
    public void load() {
        if (stage == null) {
            var context = FacesContext.getCurrentInstance().getExternalContext();
            stage = context.isUserInRole("SECOND_REVIEWER") ? Stage.SECOND
                    : context.isUserInRole("ISSUER") && !context.isUserInRole("INITIAL_REVIEWER") ? Stage.ISSUE
                    : Stage.INITIAL;
            mayDecide = null;
        }
    }

    public void decide(ApplicationTransition step) {
        if (getSelection().isEmpty()) {
            Texts.error(null, "app.noSelection");
            return;
        }
        int done = 0;
        for (ApplicationRow row : getSelection()) {
            try {
                if (step == ApplicationTransition.ISSUE) {
                    var view = service.issue(row.id(), row.version(), opinion);
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
        Texts.info("app.batchDone", done, getSelection().size());
        setSelection(null);
        opinion = null;
    }

    @Override
    protected ApplicationFilter filter() {
        Set<ApplicationState> states = stage == Stage.DONE || stage == null
                ? EnumSet.of(ApplicationState.ISSUED, ApplicationState.REJECTED, ApplicationState.RETURNED,
                        ApplicationState.WITHDRAWN)
                : EnumSet.of(stage.state);
        ApplicationFilter filter = new ApplicationFilter(states, getFrom(), getTo(), getCommodity(), getSearch(), null);
        return overdue ? service.overdue(filter) : filter;
    }

    public boolean isOverdue() {
        return overdue;
    }

    public void setOverdue(boolean overdue) {
        this.overdue = overdue;
    }

    /** Asked for each row (the selection column): the role check is made once per view and queue. */
    public boolean isMayDecide() {
        if (mayDecide == null) {
            mayDecide = stage != null && stage.role != null
                    && FacesContext.getCurrentInstance().getExternalContext().isUserInRole(stage.role);
        }
        return mayDecide;
    }

    public Stage getStage() {
        return stage;
    }

    public void setStage(Stage stage) {
        this.stage = stage;
        this.mayDecide = null;
    }

    public String getOpinion() {
        return opinion;
    }

    public void setOpinion(String opinion) {
        this.opinion = opinion;
    }
}

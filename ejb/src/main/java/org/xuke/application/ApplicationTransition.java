package org.xuke.application;

import static org.xuke.application.ApplicationState.APPROVED;
import static org.xuke.application.ApplicationState.DRAFT;
import static org.xuke.application.ApplicationState.ISSUED;
import static org.xuke.application.ApplicationState.PENDING_INITIAL_REVIEW;
import static org.xuke.application.ApplicationState.PENDING_SECOND_REVIEW;
import static org.xuke.application.ApplicationState.PENDING_WITHDRAWAL;
import static org.xuke.application.ApplicationState.REJECTED;
import static org.xuke.application.ApplicationState.RETURNED;
import static org.xuke.application.ApplicationState.WITHDRAWN;

import java.util.EnumSet;
import java.util.Set;
import org.xuke.account.Role;

/**
 * The export licence application state machine as data: from which states a step may be taken,
 * where it leads, which role takes it, and whether an opinion (审批意见) is required.
 */
public enum ApplicationTransition {
    /** 上报 (also resubmission after a return or a withdrawal) */
    SUBMIT(EnumSet.of(DRAFT, RETURNED, WITHDRAWN), PENDING_INITIAL_REVIEW, Role.ENTERPRISE_OPERATOR, false),
    /** 撤销申请: only before the initial review has decided; the authority agrees or refuses (seed 003: 撤销状态) */
    WITHDRAW(EnumSet.of(PENDING_INITIAL_REVIEW), PENDING_WITHDRAWAL, Role.ENTERPRISE_OPERATOR, false),
    /** 同意撤销: the application goes back to the enterprise */
    AGREE_WITHDRAWAL(EnumSet.of(PENDING_WITHDRAWAL), WITHDRAWN, Role.INITIAL_REVIEWER, false),
    /** 不同意撤销: the application waits for its initial review again */
    REFUSE_WITHDRAWAL(EnumSet.of(PENDING_WITHDRAWAL), PENDING_INITIAL_REVIEW, Role.INITIAL_REVIEWER, true),
    /** 初审通过 */
    PASS_INITIAL_REVIEW(EnumSet.of(PENDING_INITIAL_REVIEW), PENDING_SECOND_REVIEW, Role.INITIAL_REVIEWER, false),
    /** 初审退回 */
    RETURN(EnumSet.of(PENDING_INITIAL_REVIEW), RETURNED, Role.INITIAL_REVIEWER, true),
    /** 复审通过 */
    PASS_SECOND_REVIEW(EnumSet.of(PENDING_SECOND_REVIEW), APPROVED, Role.SECOND_REVIEWER, false),
    /** 复审不通过 */
    REJECT(EnumSet.of(PENDING_SECOND_REVIEW), REJECTED, Role.SECOND_REVIEWER, true),
    /** 发证 */
    ISSUE(EnumSet.of(APPROVED), ISSUED, Role.ISSUER, false);

    private final Set<ApplicationState> from;
    private final ApplicationState to;
    private final Role role;
    private final boolean opinionRequired;

    ApplicationTransition(Set<ApplicationState> from, ApplicationState to, Role role, boolean opinionRequired) {
        this.from = from;
        this.to = to;
        this.role = role;
        this.opinionRequired = opinionRequired;
    }

    public boolean allowedFrom(ApplicationState state) {
        return from.contains(state);
    }

    public ApplicationState to() {
        return to;
    }

    public Role role() {
        return role;
    }

    public boolean opinionRequired() {
        return opinionRequired;
    }

    /** Review decisions: the same officer may not take both stages of one application. */
    public boolean isReview() {
        return this == PASS_INITIAL_REVIEW || this == RETURN || this == PASS_SECOND_REVIEW || this == REJECT;
    }

    /** An officer's decision on a request of the enterprise's, recorded like a review decision. */
    public boolean isWithdrawalDecision() {
        return this == AGREE_WITHDRAWAL || this == REFUSE_WITHDRAWAL;
    }
}

package org.xuke.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.xuke.account.Role;

/** The export licence state machine table, row by row, and what follows from it. */
class ApplicationTransitionTest {

    private static Set<ApplicationTransition> from(ApplicationState state) {
        return Stream.of(ApplicationTransition.values()).filter(t -> t.allowedFrom(state))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ApplicationTransition.class)));
    }

    @Test
    void eachStateOffersExactlyItsSteps() {
        assertThat(from(ApplicationState.DRAFT)).containsExactly(ApplicationTransition.SUBMIT);
        assertThat(from(ApplicationState.RETURNED)).containsExactly(ApplicationTransition.SUBMIT);
        assertThat(from(ApplicationState.WITHDRAWN)).containsExactly(ApplicationTransition.SUBMIT);
        assertThat(from(ApplicationState.PENDING_INITIAL_REVIEW)).containsExactlyInAnyOrder(
                ApplicationTransition.WITHDRAW, ApplicationTransition.PASS_INITIAL_REVIEW, ApplicationTransition.RETURN);
        assertThat(from(ApplicationState.PENDING_WITHDRAWAL)).as("the authority decides a withdrawal request")
                .containsExactlyInAnyOrder(ApplicationTransition.AGREE_WITHDRAWAL,
                        ApplicationTransition.REFUSE_WITHDRAWAL);
        assertThat(from(ApplicationState.PENDING_SECOND_REVIEW)).containsExactlyInAnyOrder(
                ApplicationTransition.PASS_SECOND_REVIEW, ApplicationTransition.REJECT);
        assertThat(from(ApplicationState.APPROVED)).containsExactly(ApplicationTransition.ISSUE);
        assertThat(from(ApplicationState.REJECTED)).as("final").isEmpty();
        assertThat(from(ApplicationState.ISSUED)).as("a licence is never edited").isEmpty();
    }

    @Test
    void whoTakesWhichStep() {
        assertThat(ApplicationTransition.SUBMIT.role()).isEqualTo(Role.ENTERPRISE_OPERATOR);
        assertThat(ApplicationTransition.WITHDRAW.role()).isEqualTo(Role.ENTERPRISE_OPERATOR);
        assertThat(ApplicationTransition.AGREE_WITHDRAWAL.role()).isEqualTo(Role.INITIAL_REVIEWER);
        assertThat(ApplicationTransition.REFUSE_WITHDRAWAL.role()).isEqualTo(Role.INITIAL_REVIEWER);
        assertThat(ApplicationTransition.PASS_INITIAL_REVIEW.role()).isEqualTo(Role.INITIAL_REVIEWER);
        assertThat(ApplicationTransition.RETURN.role()).isEqualTo(Role.INITIAL_REVIEWER);
        assertThat(ApplicationTransition.PASS_SECOND_REVIEW.role()).isEqualTo(Role.SECOND_REVIEWER);
        assertThat(ApplicationTransition.REJECT.role()).isEqualTo(Role.SECOND_REVIEWER);
        assertThat(ApplicationTransition.ISSUE.role()).isEqualTo(Role.ISSUER);
    }

    @ParameterizedTest
    @EnumSource(ApplicationTransition.class)
    void everyRefusalNeedsAnOpinionAndNothingElseDoes(ApplicationTransition transition) {
        boolean refusal = transition.to() == ApplicationState.RETURNED || transition.to() == ApplicationState.REJECTED
                || transition == ApplicationTransition.REFUSE_WITHDRAWAL;
        assertThat(transition.opinionRequired()).isEqualTo(refusal);
    }

    @Test
    void withdrawalIsARequestTheAuthorityDecides() {
        assertThat(ApplicationTransition.WITHDRAW.to()).isEqualTo(ApplicationState.PENDING_WITHDRAWAL);
        assertThat(ApplicationTransition.AGREE_WITHDRAWAL.to()).isEqualTo(ApplicationState.WITHDRAWN);
        assertThat(ApplicationTransition.REFUSE_WITHDRAWAL.to()).as("back in the initial review queue")
                .isEqualTo(ApplicationState.PENDING_INITIAL_REVIEW);
        assertThat(EnumSet.allOf(ApplicationTransition.class).stream()
                .filter(ApplicationTransition::isWithdrawalDecision))
                .containsExactlyInAnyOrder(ApplicationTransition.AGREE_WITHDRAWAL, ApplicationTransition.REFUSE_WITHDRAWAL)
                .noneMatch(ApplicationTransition::isReview);
        assertThat(ApplicationState.PENDING_WITHDRAWAL.isEditable()).as("not the enterprise's until agreed").isFalse();
        assertThat(ApplicationState.PENDING_WITHDRAWAL.isDeletable()).isFalse();
    }

    @Test
    void onlyWhatTheEnterpriseHoldsIsEditableAndOnlyDraftsAndReturnsDeletable() {
        assertThat(EnumSet.allOf(ApplicationState.class).stream().filter(ApplicationState::isEditable))
                .containsExactlyInAnyOrder(ApplicationState.DRAFT, ApplicationState.RETURNED, ApplicationState.WITHDRAWN);
        assertThat(EnumSet.allOf(ApplicationState.class).stream().filter(ApplicationState::isDeletable))
                .containsExactlyInAnyOrder(ApplicationState.DRAFT, ApplicationState.RETURNED);
        // what can be submitted is exactly what the enterprise may edit
        assertThat(EnumSet.allOf(ApplicationState.class).stream().filter(ApplicationTransition.SUBMIT::allowedFrom))
                .containsExactlyInAnyOrderElementsOf(EnumSet.allOf(ApplicationState.class).stream()
                        .filter(ApplicationState::isEditable).toList());
    }
}

package org.xuke.identity.ekey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.xuke.account.Role;
import org.xuke.platform.DomainRuleException;

class EkeyRequestTest {

    private static final Instant NOW = Instant.parse("2026-11-24T03:00:00Z");
    private static final Set<Role> ENTERPRISE = Set.of(Role.ENTERPRISE_ADMIN);
    private static final Set<Role> AUTHORITY = Set.of(Role.AUTHORITY_ADMIN);
    private static final Set<Role> PROVIDER = Set.of(Role.EKEY_PROVIDER);

    private static EkeyRequest additional() {
        return new EkeyRequest("EK2026000001", EkeyRequestType.ADDITIONAL, 7L, "ZENGBAN", "业务增加", null, "QYADMIN", NOW);
    }

    @Test
    void theHappyPathRecordsEveryStep() {
        EkeyRequest request = additional();
        assertThat(request.getState()).isEqualTo(EkeyRequestState.DRAFT);
        request.apply(EkeyTransition.SUBMIT, "QYADMIN", ENTERPRISE, null, NOW);
        request.apply(EkeyTransition.PASS_PRECHECK, "JGADMIN", AUTHORITY, null, NOW.plusSeconds(60));
        request.apply(EkeyTransition.PASS_PROVIDER_CHECK, "PROVIDER", PROVIDER, "已制作", NOW.plusSeconds(120));
        assertThat(request.getState()).isEqualTo(EkeyRequestState.COMPLETED);
        assertThat(request.getSteps()).extracting(EkeyRequestStep::getActor, EkeyRequestStep::getFrom,
                EkeyRequestStep::getTo).containsExactly(
                org.assertj.core.groups.Tuple.tuple("QYADMIN", EkeyRequestState.DRAFT, EkeyRequestState.SUBMITTED),
                org.assertj.core.groups.Tuple.tuple("JGADMIN", EkeyRequestState.SUBMITTED, EkeyRequestState.PRECHECK_PASSED),
                org.assertj.core.groups.Tuple.tuple("PROVIDER", EkeyRequestState.PRECHECK_PASSED, EkeyRequestState.COMPLETED));
        assertThat(request.createsUser()).isTrue();
    }

    @Test
    void aRefusedRequestGoesBackWithItsOpinionAndCanBeResubmitted() {
        EkeyRequest request = additional();
        request.apply(EkeyTransition.SUBMIT, "QYADMIN", ENTERPRISE, null, NOW);
        request.apply(EkeyTransition.FAIL_PRECHECK, "JGADMIN", AUTHORITY, "营业执照扫描件不清晰", NOW);
        assertThat(request.getState()).isEqualTo(EkeyRequestState.PRECHECK_FAILED);
        assertThat(request.latestOpinion()).isEqualTo("营业执照扫描件不清晰");
        request.apply(EkeyTransition.SUBMIT, "QYADMIN", ENTERPRISE, null, NOW);
        request.apply(EkeyTransition.PASS_PRECHECK, "JGADMIN", AUTHORITY, null, NOW);
        request.apply(EkeyTransition.FAIL_PROVIDER_CHECK, "PROVIDER", PROVIDER, "确认函未盖章", NOW);
        assertThat(request.getState()).isEqualTo(EkeyRequestState.PROVIDER_FAILED);
        assertThat(request.latestOpinion()).isEqualTo("确认函未盖章");
    }

    @Test
    void aRefusalWithoutAnOpinionIsRefused() {
        EkeyRequest request = additional();
        request.apply(EkeyTransition.SUBMIT, "QYADMIN", ENTERPRISE, null, NOW);
        assertThatThrownBy(() -> request.apply(EkeyTransition.FAIL_PRECHECK, "JGADMIN", AUTHORITY, "  ", NOW))
                .isInstanceOf(DomainRuleException.class).extracting("key").isEqualTo("ekey.opinionRequired");
        assertThat(request.getState()).isEqualTo(EkeyRequestState.SUBMITTED);
    }

    @ParameterizedTest
    @EnumSource(EkeyTransition.class)
    void everyStepIsRefusedToTheWrongRole(EkeyTransition transition) {
        EkeyRequest request = additional();
        // Bring the request to a state the step starts from, with the right roles.
        if (!transition.allowedFrom(request.getState())) {
            request.apply(EkeyTransition.SUBMIT, "QYADMIN", ENTERPRISE, null, NOW);
        }
        if (!transition.allowedFrom(request.getState())) {
            request.apply(EkeyTransition.PASS_PRECHECK, "JGADMIN", AUTHORITY, null, NOW);
        }
        EkeyRequestState before = request.getState();
        Set<Role> wrong = EnumSet.complementOf(EnumSet.of(transition.role()));
        assertThatThrownBy(() -> request.apply(transition, "X", wrong, "意见", NOW))
                .isInstanceOf(DomainRuleException.class).extracting("key").isEqualTo("ekey.wrongRole");
        assertThat(request.getState()).isEqualTo(before);
    }

    @Test
    void stepsOutOfOrderAreRefusedAndFinalStatesStayFinal() {
        EkeyRequest request = additional();
        assertThatThrownBy(() -> request.apply(EkeyTransition.PASS_PRECHECK, "JGADMIN", AUTHORITY, null, NOW))
                .extracting("key").isEqualTo("ekey.wrongState");
        request.apply(EkeyTransition.WITHDRAW, "QYADMIN", ENTERPRISE, null, NOW);
        assertThat(request.getState().isFinal()).isTrue();
        for (EkeyTransition transition : EkeyTransition.values()) {
            assertThatThrownBy(() -> request.apply(transition, "X", EnumSet.allOf(Role.class), "意见", NOW))
                    .extracting("key").isEqualTo("ekey.wrongState");
        }
    }

    @Test
    void theTransitionTableIsComplete() {
        for (EkeyRequestState state : EkeyRequestState.values()) {
            boolean anyStep = java.util.Arrays.stream(EkeyTransition.values()).anyMatch(t -> t.allowedFrom(state));
            assertThat(anyStep).as(state + " has a way forward unless final").isEqualTo(!state.isFinal());
        }
        assertThat(EnumSet.allOf(EkeyTransition.class)).filteredOn(EkeyTransition::opinionRequired)
                .containsExactlyInAnyOrder(EkeyTransition.FAIL_PRECHECK, EkeyTransition.FAIL_PROVIDER_CHECK);
    }

    @Test
    void requestsCarryWhatTheirTypeNeeds() {
        assertThatThrownBy(() -> new EkeyRequest("EK2026000002", EkeyRequestType.REISSUE, 7L, "QIYE", " ", null, "A", NOW))
                .extracting("key").isEqualTo("ekey.reasonRequired");
        assertThatThrownBy(() -> new EkeyRequest("EK2026000003", EkeyRequestType.ADDITIONAL, 7L, "zengban", "r", null,
                "A", NOW)).extracting("key").isEqualTo("account.username");
        assertThatThrownBy(() -> new EkeyRequest("EK2026000004", EkeyRequestType.INFORMATION_CHANGE, 7L, "QIYE", null,
                "914403001922038217", "A", NOW)).extracting("key").isEqualTo("uscc.check");
        EkeyRequest change = new EkeyRequest("EK2026000005", EkeyRequestType.INFORMATION_CHANGE, 7L, "QIYE", null,
                "914403001922038216", "A", NOW);
        assertThat(change.getNewUscc()).isEqualTo("914403001922038216");
        assertThat(change.createsUser()).isFalse();
    }

    @Test
    void theAccessCodeOpensOnlyItsRequest() {
        EkeyRequest request = additional().withApplicant("王经办", "024-12345678", "Code4Request9xyz");
        assertThat(request.acceptsAccessCode("Code4Request9xyz")).isTrue();
        assertThat(request.acceptsAccessCode(" Code4Request9xyz ")).isTrue();
        assertThat(request.acceptsAccessCode("Code4Request9xyZ")).isFalse();
        assertThat(request.acceptsAccessCode(null)).isFalse();
        assertThatThrownBy(() -> additional().withApplicant(" ", "024-12345678", "x"))
                .isInstanceOf(DomainRuleException.class).hasMessageContaining("ekey.applicantName");
        assertThatThrownBy(() -> additional().withApplicant("王经办", "call me", "x"))
                .isInstanceOf(DomainRuleException.class).hasMessageContaining("ekey.applicantPhone");
    }

    @Test
    void theNewKeyIsCollectedOnceAndOnlyAfterBothChecks() {
        EkeyRequest request = additional();
        assertThatThrownBy(() -> request.markCollected("ab", NOW)).hasMessageContaining("ekey.notReady");
        request.apply(EkeyTransition.SUBMIT, "QYADMIN", ENTERPRISE, null, NOW);
        assertThat(request.acceptsScans()).isFalse();
        request.apply(EkeyTransition.PASS_PRECHECK, "JGADMIN", AUTHORITY, null, NOW);
        assertThat(request.isCollectable()).isFalse();
        request.apply(EkeyTransition.PASS_PROVIDER_CHECK, "PROVIDER", PROVIDER, null, NOW);
        assertThat(request.isCollectable()).isTrue();
        request.markCollected("ab12", NOW);
        assertThat(request.getCertificateSerial()).isEqualTo("ab12");
        assertThatThrownBy(() -> request.markCollected("cd34", NOW)).hasMessageContaining("ekey.collected");
    }

    @Test
    void unlockAndRevocationMakeNoKeyAndNeedOnlyTheForm() {
        for (EkeyRequestType type : EnumSet.of(EkeyRequestType.UNLOCK, EkeyRequestType.REVOCATION)) {
            assertThat(type.issuesKey()).isFalse();
            assertThat(type.requiredScans()).containsExactly(ScanKind.APPLICATION_FORM);
        }
        assertThat(EkeyRequestType.FIRST_APPLICATION.requiredScans()).hasSize(6)
                .contains(ScanKind.SEAL_CONFIRMATION).doesNotContain(ScanKind.CHANGE_CERTIFICATE);
        assertThat(EkeyRequestType.INFORMATION_CHANGE.requiredScans()).contains(ScanKind.CHANGE_CERTIFICATE);
    }
}

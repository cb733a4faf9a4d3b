package org.xuke.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.xuke.enterprise.EnterpriseCode;
import org.xuke.account.Role;
import org.xuke.platform.DomainRuleException;

class ExportApplicationTest {

    private static final Instant NOW = Instant.parse("2026-11-24T02:00:00Z");
    private static final Set<Role> OPERATOR = Set.of(Role.ENTERPRISE_OPERATOR);
    private static final Set<Role> REVIEWER = Set.of(Role.INITIAL_REVIEWER, Role.SECOND_REVIEWER);

    private static ExportLicenceForm form(String contract) {
        return new ExportLicenceForm(2026, "2903750010", "0100", "2101020000001", "2101020000001", "0110", "116",
                "2", "信用证", LocalDate.of(2026, 12, 31), contract, "502", null,
                List.of(new SpecLine("99%", new BigDecimal("12.50"), new BigDecimal("1000"))), BigDecimal.ONE, null,
                true);
    }

    private static ExportApplication submitted() {
        ExportApplication application = new ExportApplication(7L, "PROV-LIAONING", "QIYE", null, form("HT-1"), NOW);
        application.apply(ApplicationTransition.SUBMIT, "QIYE", OPERATOR, null, NOW);
        return application;
    }

    @Test
    void theSameOfficerMayNotDecideBothStages() {
        ExportApplication application = submitted();
        application.apply(ApplicationTransition.PASS_INITIAL_REVIEW, "CHUSHEN", REVIEWER, null, NOW);
        assertThat(application.initialReviewer()).isEqualTo("CHUSHEN");
        assertThatThrownBy(() -> application.apply(ApplicationTransition.PASS_SECOND_REVIEW, "CHUSHEN", REVIEWER, null,
                NOW)).isInstanceOf(DomainRuleException.class).hasMessageContaining("application.sameReviewer");
        application.apply(ApplicationTransition.PASS_SECOND_REVIEW, "FUSHEN", REVIEWER, null, NOW);
        assertThat(application.getState()).isEqualTo(ApplicationState.APPROVED);
        assertThat(application.getSteps()).extracting(ApplicationStep::getActor)
                .containsExactly("QIYE", "CHUSHEN", "FUSHEN");
    }

    @Test
    void aReturnNeedsAnOpinionAndGivesTheApplicationBackForChange() {
        ExportApplication application = submitted();
        assertThatThrownBy(() -> application.apply(ApplicationTransition.RETURN, "CHUSHEN", REVIEWER, " ", NOW))
                .hasMessageContaining("application.opinionRequired");
        assertThatThrownBy(() -> application.change(form("HT-2"))).hasMessageContaining("application.notEditable");
        application.apply(ApplicationTransition.RETURN, "CHUSHEN", REVIEWER, "合同号有误", NOW);
        application.change(form("HT-2"));
        assertThat(application.form().contractNumber()).isEqualTo("HT-2");
        application.apply(ApplicationTransition.SUBMIT, "QIYE", OPERATOR, null, NOW);
        assertThat(application.initialReviewer()).as("a new round").isNull();
    }

    @Test
    void theNumberIsGivenOnceAndACopyStartsAfresh() {
        ExportApplication application = submitted();
        ApplicationNumber first = ApplicationNumber.of(2026, EnterpriseCode.parse("2101020000001"), 1);
        application.number(first);
        assertThatThrownBy(() -> application.number(ApplicationNumber.of(2026, EnterpriseCode.parse("2101020000001"),
                2))).isInstanceOf(IllegalStateException.class);
        assertThat(application.getApplicationNumber()).isEqualTo(first.value());
        ExportApplication copy = application.copy("QIYE", null, NOW);
        assertThat(copy.getState()).isEqualTo(ApplicationState.DRAFT);
        assertThat(copy.hasNumber()).isFalse();
        assertThat(copy.getSteps()).isEmpty();
        assertThat(copy.form()).isEqualTo(application.form());
    }

    @Test
    void theSealCoversTheContentAndAChangeDropsIt() {
        ExportApplication application = new ExportApplication(7L, "PROV-LIAONING", "QIYE", null, form("HT-1"), NOW);
        byte[] before = application.canonicalContent();
        assertThat(application.canonicalContent()).as("same content, same bytes").isEqualTo(before);
        application.sealed(new byte[] {1, 2, 3}, "QIYE", NOW);
        assertThat(application.isSealed()).isTrue();
        application.number(ApplicationNumber.of(2026, EnterpriseCode.parse("2101020000001"), 1));
        assertThat(application.isSealed()).as("numbering at submission keeps the seal").isTrue();
        assertThat(application.canonicalContent()).as("the number is not sealed content").isEqualTo(before);
        application.change(form("HT-2"));
        assertThat(application.isSealed()).as("a changed application is sealed again").isFalse();
        assertThat(application.canonicalContent()).isNotEqualTo(before);
        assertThat(new String(application.canonicalContent(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"contractNumber\":\"HT-2\"");
    }

    @Test
    void wrongStateAndWrongRoleAreRefused() {
        ExportApplication application = submitted();
        assertThatThrownBy(() -> application.apply(ApplicationTransition.ISSUE, "FAZHENG", Set.of(Role.ISSUER), null,
                NOW)).hasMessageContaining("application.wrongState");
        assertThatThrownBy(() -> application.apply(ApplicationTransition.PASS_INITIAL_REVIEW, "QIYE", OPERATOR, null,
                NOW)).hasMessageContaining("application.wrongRole");
        application.apply(ApplicationTransition.WITHDRAW, "QIYE", OPERATOR, null, NOW);
        assertThat(application.getState()).isEqualTo(ApplicationState.PENDING_WITHDRAWAL);
        assertThat(application.getState().isEditable()).as("until the authority agrees").isFalse();
        assertThatThrownBy(() -> application.apply(ApplicationTransition.PASS_INITIAL_REVIEW, "CHUSHEN",
                Set.of(Role.INITIAL_REVIEWER), null, NOW)).as("no review while the request waits")
                .hasMessageContaining("application.wrongState");
        assertThatThrownBy(() -> application.apply(ApplicationTransition.AGREE_WITHDRAWAL, "QIYE", OPERATOR, null,
                NOW)).as("the enterprise cannot agree to its own request").hasMessageContaining("application.wrongRole");
        assertThatThrownBy(() -> application.apply(ApplicationTransition.REFUSE_WITHDRAWAL, "CHUSHEN",
                Set.of(Role.INITIAL_REVIEWER), " ", NOW)).hasMessageContaining("application.opinionRequired");
        application.apply(ApplicationTransition.REFUSE_WITHDRAWAL, "CHUSHEN", Set.of(Role.INITIAL_REVIEWER),
                "合同已生效，请按期办理", NOW);
        assertThat(application.getState()).isEqualTo(ApplicationState.PENDING_INITIAL_REVIEW);
        application.apply(ApplicationTransition.WITHDRAW, "QIYE", OPERATOR, null, NOW);
        application.apply(ApplicationTransition.AGREE_WITHDRAWAL, "CHUSHEN", Set.of(Role.INITIAL_REVIEWER), null, NOW);
        assertThat(application.getState()).isEqualTo(ApplicationState.WITHDRAWN);
        assertThat(application.getState().isEditable()).isTrue();
        assertThat(application.getSteps()).extracting(ApplicationStep::getTo).endsWith(
                ApplicationState.PENDING_WITHDRAWAL, ApplicationState.PENDING_INITIAL_REVIEW,
                ApplicationState.PENDING_WITHDRAWAL, ApplicationState.WITHDRAWN);
    }
}

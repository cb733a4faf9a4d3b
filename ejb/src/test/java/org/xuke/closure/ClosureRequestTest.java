package org.xuke.closure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xuke.customs.CustomsStatus;
import org.xuke.customs.CustomsUsage.Usage;

/** A deletion or write-off request's states, and what customs' usage says for one. */
class ClosureRequestTest {

    private static final Instant AT = Instant.parse("2026-12-05T02:00:00Z");

    private static ClosureRequest saved() {
        ClosureRequest request = new ClosureRequest(ClosureKind.WRITE_OFF, 7, "QIYE", "外贸部", AT);
        request.fill(11, "26HA000001", "PROV-HENAN", LocalDateTime.of(2026, 12, 1, 8, 0), "已出口完毕",
                Map.of(2, new BigDecimal("1"), 1, new BigDecimal("3")), "QIYE", AT);
        return request;
    }

    @Test
    void theEnterpriseHoldsItUntilSubmittedAndAgainOnceReturned() {
        ClosureRequest request = saved();
        assertThat(request.getState()).isEqualTo(ClosureState.DRAFT);
        assertThat(request.quantities()).containsExactly(Map.entry(1, new BigDecimal("3")),
                Map.entry(2, new BigDecimal("1")));
        request.submit("QIYE", AT);
        assertThat(request.getState()).isEqualTo(ClosureState.PENDING);
        assertThat(request.getSubmittedAtUtc()).isEqualTo(LocalDateTime.of(2026, 12, 5, 2, 0));
        assertThatThrownBy(() -> request.submit("QIYE", AT)).hasMessageContaining("closure.notWithEnterprise");
        assertThatThrownBy(() -> request.fill(11, "26HA000001", "PROV-HENAN", LocalDateTime.now(), "x", Map.of(),
                "QIYE", AT)).as("not changed while the authority has it").hasMessageContaining("closure.notWithEnterprise");
        assertThatThrownBy(() -> request.decide(false, "FAZHENG", "  ", AT)).hasMessageContaining("closure.opinionRequired");
        request.decide(false, "FAZHENG", " 请补充原因 ", AT);
        assertThat(request.getState()).isEqualTo(ClosureState.RETURNED);
        assertThat(request.getOpinion()).isEqualTo("请补充原因");
        assertThatThrownBy(() -> request.decide(true, "FAZHENG", null, AT)).hasMessageContaining("closure.notPending");
        request.submit("QIYE", AT);
        request.decide(true, "FAZHENG", null, AT);
        assertThat(request.getState()).isEqualTo(ClosureState.APPROVED);
        assertThat(request.getSteps()).extracting(ClosureStep::getTo).containsExactly(ClosureState.DRAFT,
                ClosureState.PENDING, ClosureState.RETURNED, ClosureState.PENDING, ClosureState.APPROVED);
        assertThatThrownBy(() -> request.decide(true, "FAZHENG", null, AT)).as("decided once")
                .hasMessageContaining("closure.notPending");
    }

    @Test
    void usageIsClearedOnlyWhenEveryDeclarationIsAndTotalsCustomsCumulativeFigures() {
        Usage none = new Usage(CustomsStatus.STORED, 0, 0, Map.of(), null);
        assertThat(none.used()).isFalse();
        assertThat(none.cleared()).isFalse();
        Usage released = new Usage(CustomsStatus.DECLARED, 2, 1, Map.of(1, new BigDecimal("3"), 2,
                new BigDecimal("0.5")), "461020260000000017");
        assertThat(released.used()).isTrue();
        assertThat(released.cleared()).isFalse();
        assertThat(released.totalUsed()).isEqualByComparingTo("3.5");
        assertThat(released.used(3)).isEqualByComparingTo("0");
        assertThat(new Usage(CustomsStatus.DECLARED, 2, 0, Map.of(1, BigDecimal.ONE), "x").cleared()).isTrue();
    }
}

package org.xuke.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.xuke.platform.DomainRuleException;

/** An allocation's figures: held, drawn, given back; never negative, never over-committed. */
class QuotaAllocationTest {

    private static QuotaAllocation quota(String allocated) {
        return new QuotaAllocation(1, 2026, "EL07", new BigDecimal(allocated), "商配[2026]1号", "ADMIN");
    }

    @Test
    void holdsAndDrawsComeOffWhatIsLeft() {
        QuotaAllocation quota = quota("1000");
        quota.hold(new BigDecimal("300"));
        quota.hold(new BigDecimal("200"));
        assertThat(quota.remaining()).isEqualByComparingTo("500");
        quota.release(new BigDecimal("300"));
        quota.draw(new BigDecimal("300"));
        assertThat(quota.getUsed()).isEqualByComparingTo("300");
        assertThat(quota.getHeld()).isEqualByComparingTo("200");
        assertThat(quota.remaining()).isEqualByComparingTo("500");
        quota.giveBack(new BigDecimal("100"));
        assertThat(quota.getUsed()).isEqualByComparingTo("200");
        assertThat(quota.remaining()).isEqualByComparingTo("600");
    }

    @Test
    void aHoldOrDrawBeyondWhatIsLeftIsRefusedWithAllTheFigures() {
        QuotaAllocation quota = quota("100");
        quota.hold(new BigDecimal("60"));
        assertThatThrownBy(() -> quota.hold(new BigDecimal("41"))).isInstanceOf(DomainRuleException.class)
                .satisfies(e -> assertThat(((DomainRuleException) e).arguments()).containsExactly("EL07", "100", "0",
                        "60", "40", "41"));
        assertThatThrownBy(() -> quota.draw(new BigDecimal("41"))).hasMessageContaining("quota.exceeded");
        assertThatThrownBy(() -> quota.hold(BigDecimal.ZERO)).hasMessageContaining("quota.negative");
        assertThat(quota.getHeld()).isEqualByComparingTo("60");
    }

    @Test
    void nothingGoesNegative() {
        QuotaAllocation quota = quota("100");
        quota.draw(new BigDecimal("10"));
        assertThatThrownBy(() -> quota.giveBack(new BigDecimal("11"))).hasMessageContaining("quota.negative");
        assertThatThrownBy(() -> quota.release(BigDecimal.ONE)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> quota.reallocate(new BigDecimal("-1"), null, "ADMIN"))
                .hasMessageContaining("quota.negative");
    }

    @Test
    void anAllocationCannotFallBelowWhatIsDrawnAndHeld() {
        QuotaAllocation quota = quota("100");
        quota.draw(new BigDecimal("30"));
        quota.hold(new BigDecimal("20"));
        assertThatThrownBy(() -> quota.reallocate(new BigDecimal("49"), null, "ADMIN"))
                .isInstanceOf(DomainRuleException.class).hasMessageContaining("quota.belowUsed");
        quota.reallocate(new BigDecimal("50"), null, "ADMIN");
        assertThat(quota.remaining()).isEqualByComparingTo("0");
    }

    @Test
    void aDrawGivesBackNoMoreThanItStillHolds() {
        QuotaDraw draw = new QuotaDraw("26LN000001", 1, new BigDecimal("50"), "FAZHENG", Instant.EPOCH);
        draw.giveBack(new BigDecimal("20"));
        assertThat(draw.outstanding()).isEqualByComparingTo("30");
        assertThatThrownBy(() -> draw.giveBack(new BigDecimal("31"))).hasMessageContaining("quota.returnTooMuch");
        assertThatThrownBy(() -> draw.giveBack(BigDecimal.ZERO)).hasMessageContaining("quota.negative");
        draw.giveBack(new BigDecimal("30"));
        assertThat(draw.outstanding()).isEqualByComparingTo("0");
    }

    @Test
    void aClaimNeedsACategoryAReferenceAndAPositiveQuantity() {
        assertThatThrownBy(() -> new QuotaClaim(1, 2026, "EL07", BigDecimal.ZERO, "2026..."))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QuotaClaim(1, 2026, " ", BigDecimal.ONE, "2026..."))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QuotaClaim(1, 2026, "EL07", BigDecimal.ONE, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

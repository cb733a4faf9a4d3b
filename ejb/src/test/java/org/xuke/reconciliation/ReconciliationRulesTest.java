package org.xuke.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xuke.reconciliation.ReconciliationRules.DeclaredLine;
import org.xuke.reconciliation.ReconciliationRules.Finding;
import org.xuke.reconciliation.ReconciliationRules.LicenceFacts;
import org.xuke.reconciliation.ReconciliationRules.LineFacts;
import org.xuke.reconciliation.ReconciliationRules.Outcome;

/** Hand-made cases with their expected figures and findings written down beside them. */
class ReconciliationRulesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 4);
    private static final String HOLDER = "91430100MA4L000001";
    private static final String OTHER = "91430100MA4L000002";

    private static LicenceFacts licence(boolean oneBatch, int uses, String tolerance, String cumulative) {
        return new LicenceFacts(1, "26HN000001", "0901", oneBatch, uses, LocalDate.of(2026, 12, 31), null,
                List.of(new LineFacts(1, new BigDecimal("100"), new BigDecimal(tolerance), new BigDecimal(cumulative))),
                HOLDER);
    }

    private static DeclaredLine declared(String number, LocalDate date, String port, String quantity) {
        return new DeclaredLine(number, date, port, 1, new BigDecimal(quantity), null);
    }

    @Test
    void usedIsCustomsCumulativeFigureNeverTheSumOfWhatWasDeclared() {
        // customs reports 70 cumulative; the declarations stored say 30 + 30 (a report lost on the way)
        Outcome outcome = ReconciliationRules.reconcile(licence(false, 12, "0", "70"), List.of(
                declared("000000000000000001", DAY, "0901", "30"), declared("000000000000000002", DAY, "0901", "30")));
        assertThat(outcome.lines().get(0).used()).isEqualByComparingTo("70");
        assertThat(outcome.lines().get(0).remaining()).isEqualByComparingTo("30");
        assertThat(outcome.uses()).isEqualTo(2);
        assertThat(outcome.findings()).isEmpty();
        assertThat(outcome.fullyUsed()).isFalse();
    }

    @Test
    void oneBatchTakesOneDeclarationAtItsPort() {
        Outcome outcome = ReconciliationRules.reconcile(licence(true, 1, "0", "100"), List.of(
                declared("000000000000000001", DAY, "0901", "60"), declared("000000000000000002", DAY, "0102", "40")));
        assertThat(outcome.findings()).extracting(Finding::type, Finding::declarationNumber).containsExactly(
                tuple(AnomalyType.TOO_MANY_USES, "000000000000000002"),
                tuple(AnomalyType.WRONG_PORT, "000000000000000002"));
        assertThat(outcome.fullyUsed()).isTrue();
    }

    @Test
    void theLastDeclarationsToleranceIsOnTheBalanceLeft() {
        // 5 % on 100 would allow 105 in all; the last declaration may take 5 % of the 20 left: 21
        Outcome within = ReconciliationRules.reconcile(licence(false, 12, "5", "101"), List.of(
                declared("000000000000000001", DAY.minusDays(1), "0901", "80"),
                declared("000000000000000002", DAY, "0901", "21")));
        assertThat(within.findings()).isEmpty();
        assertThat(within.lines().get(0).remaining()).isEqualByComparingTo("-1");
        assertThat(within.fullyUsed()).isTrue();
        Outcome above = ReconciliationRules.reconcile(licence(false, 12, "5", "104"), List.of(
                declared("000000000000000001", DAY.minusDays(1), "0901", "80"),
                declared("000000000000000002", DAY, "0901", "24")));
        assertThat(above.findings()).extracting(Finding::type).containsExactly(AnomalyType.ABOVE_TOLERANCE);
        assertThat(above.findings().get(0).evidence()).isEqualTo("declared=24;balance=20;tolerance=5%;allowed=21");
    }

    @Test
    void useAfterExpiryAndAfterTheEndAreFlaggedWithTheirDates() {
        LicenceFacts ended = new LicenceFacts(1, "26HN000001", "0901", false, 12, DAY.minusDays(2), DAY.minusDays(1),
                List.of(new LineFacts(1, new BigDecimal("100"), BigDecimal.ZERO, new BigDecimal("10"))), HOLDER);
        Outcome outcome = ReconciliationRules.reconcile(ended, List.of(declared("000000000000000001", DAY, "0901", "10")));
        assertThat(outcome.findings()).extracting(Finding::type).containsExactly(AnomalyType.AFTER_EXPIRY,
                AnomalyType.AFTER_END);
        assertThat(outcome.findings().get(0).evidence()).isEqualTo("date=2026-12-04;validityEnd=2026-12-02");
    }

    @Test
    void thirteenDeclarationsOnAnExportLicenceBreakTheTwelveUseRuleOnce() {
        List<DeclaredLine> declared = new ArrayList<>();
        for (int i = 1; i <= 13; i++) {
            declared.add(declared(String.format("%018d", i), DAY, "0901", "1"));
        }
        Outcome outcome = ReconciliationRules.reconcile(licence(false, 12, "0", "13"), declared);
        assertThat(outcome.findings()).extracting(Finding::type, Finding::declarationNumber).containsExactly(
                tuple(AnomalyType.TOO_MANY_USES, "000000000000000013"));
        assertThat(outcome.uses()).isEqualTo(13);
    }

    @Test
    void aDeclarationByAnotherEnterpriseThanTheHolderIsFlaggedOnceWithBothCodes() {
        List<DeclaredLine> declared = List.of(
                new DeclaredLine("000000000000000001", DAY, "0901", 1, new BigDecimal("10"), HOLDER),
                new DeclaredLine("000000000000000002", DAY, "0901", 1, new BigDecimal("10"), OTHER),
                new DeclaredLine("000000000000000003", DAY, "0901", 1, new BigDecimal("10"), null));
        Outcome outcome = ReconciliationRules.reconcile(licence(false, 12, "0", "30"), declared);
        assertThat(outcome.findings()).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo(AnomalyType.BY_ANOTHER_HOLDER);
            assertThat(f.declarationNumber()).isEqualTo("000000000000000002");
            assertThat(f.evidence()).isEqualTo("declarant=" + OTHER + ";holder=" + HOLDER);
        });
        assertThat(outcome.uses()).isEqualTo(3);
    }
}

package org.xuke.batch;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.batch.runtime.BatchStatus;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xuke.batch.ReconciliationJobs.Run;

class NightlyPlanTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 4);

    private static Run run(String date, String authority, BatchStatus status) {
        return new Run(1, date, authority, status, null, null, null, 0, 0, 0, "reconciliation", null, null, true);
    }

    @Test
    void aSingleServerStartsOneRunOfEveryAuthorityUnlessOneCompletedOrRuns() {
        assertThat(NightlyPlan.toStart(null, DAY, List.of())).isEqualTo(Arrays.asList((String) null));
        assertThat(NightlyPlan.toStart("", DAY, List.of(run("2026-12-04", null, BatchStatus.FAILED))))
                .isEqualTo(Arrays.asList((String) null));
        assertThat(NightlyPlan.toStart(null, DAY, List.of(run("2026-12-04", null, BatchStatus.COMPLETED)))).isEmpty();
        assertThat(NightlyPlan.toStart(null, DAY, List.of(run("2026-12-04", null, BatchStatus.STARTED)))).isEmpty();
        assertThat(NightlyPlan.toStart(null, DAY, List.of(run("2026-12-03", null, BatchStatus.COMPLETED))))
                .isEqualTo(Arrays.asList((String) null));
        // one authority's run does not cover the others
        assertThat(NightlyPlan.toStart(null, DAY, List.of(run("2026-12-04", "PROV-GANSU", BatchStatus.COMPLETED))))
                .isEqualTo(Arrays.asList((String) null));
    }

    @Test
    void anInstanceOfADeploymentGroupStartsItsOwnAuthoritiesNotThoseDoneElsewhere() {
        assertThat(NightlyPlan.toStart(" PROV-GANSU, PROV-QINGHAI ,PROV-GANSU", DAY, List.of()))
                .containsExactly("PROV-GANSU", "PROV-QINGHAI");
        assertThat(NightlyPlan.toStart("PROV-GANSU,PROV-QINGHAI", DAY,
                List.of(run("2026-12-04", "PROV-GANSU", BatchStatus.COMPLETED)))).containsExactly("PROV-QINGHAI");
        assertThat(NightlyPlan.toStart("PROV-GANSU,PROV-QINGHAI", DAY,
                List.of(run("2026-12-04", null, BatchStatus.COMPLETED)))).isEmpty();
        assertThat(NightlyPlan.toStart("none", DAY, List.of())).isEmpty();
    }
}

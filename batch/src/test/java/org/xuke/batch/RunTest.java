package org.xuke.batch;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.batch.runtime.BatchStatus;
import org.junit.jupiter.api.Test;
import org.xuke.batch.ReconciliationJobs.Run;

class RunTest {

    private static Run run(BatchStatus status, String exit, Long done, Long total, boolean latest) {
        return new Run(6, "2026-11-30", null, status, exit, null, null, 0, 0, 0, "KCXT", done, total, latest);
    }

    @Test
    void theProgressIsShownOnlyWhenTheTotalIsKnown() {
        assertThat(run(BatchStatus.STARTED, null, 40L, 100L, true).percent()).isEqualTo(40);
        assertThat(run(BatchStatus.STARTED, null, 0L, 0L, true).percent()).isEqualTo(100);
        assertThat(run(BatchStatus.STARTED, null, 120L, 100L, true).percent()).isEqualTo(100);
        assertThat(run(BatchStatus.STARTED, null, null, 100L, true).percent()).isNull();
        assertThat(run(BatchStatus.STARTING, null, 0L, null, true).percent()).isNull();
    }

    @Test
    void onlyTheLatestExecutionOfAFailedOrStoppedRunIsRestartedAndAnInterruptedOneSaysSo() {
        assertThat(run(BatchStatus.FAILED, "INTERRUPTED", null, null, true).isRestartable()).isTrue();
        assertThat(run(BatchStatus.FAILED, "INTERRUPTED", null, null, true).isInterrupted()).isTrue();
        assertThat(run(BatchStatus.FAILED, "FAILED", null, null, true).isInterrupted()).isFalse();
        assertThat(run(BatchStatus.STOPPED, null, null, null, true).isRestartable()).isTrue();
        assertThat(run(BatchStatus.FAILED, "INTERRUPTED", null, null, false).isRestartable()).isFalse();
        assertThat(run(BatchStatus.COMPLETED, null, null, null, true).isRestartable()).isFalse();
        assertThat(run(BatchStatus.STARTED, null, null, null, true).isRestartable()).isFalse();
        assertThat(run(BatchStatus.STARTED, null, null, null, true).isRunning()).isTrue();
    }
}

package org.xuke.batch;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.xuke.batch.ReconciliationJobs.Run;

/**
 * Which runs the nightly timer of this server instance starts for a date. A single server runs one
 * run of every authority. In a deployment group each instance is given its authorities
 * ({@code -Dxuke.reconciliation.authorities=PROV-A,PROV-B}) and starts one run per authority, so
 * that the instances share the night's work; {@code -Dxuke.reconciliation.authorities=none} keeps an
 * instance from starting any. A run already completed or running for the date (here or on another
 * instance: the repository is shared) is not started again; a completed run of every authority
 * covers each of them.
 */
final class NightlyPlan {

    static final String AUTHORITIES = "xuke.reconciliation.authorities";

    private NightlyPlan() {
    }

    /** The authorities to start a run for ({@code null} in the list: one run of every authority). */
    static List<String> toStart(String configured, LocalDate date, List<Run> runs) {
        List<String> wanted = configured == null || configured.isBlank() ? java.util.Collections.singletonList(null)
                : "none".equalsIgnoreCase(configured.strip()) ? List.of()
                : Arrays.stream(configured.split(",")).map(String::strip).filter(a -> !a.isEmpty()).distinct().toList();
        List<String> start = new ArrayList<>();
        for (String authority : wanted) {
            boolean covered = runs.stream().anyMatch(r -> date.toString().equals(r.businessDate())
                    && (r.status() == jakarta.batch.runtime.BatchStatus.COMPLETED || r.isRunning())
                    && (r.authority() == null || Objects.equals(r.authority(), authority)));
            if (!covered) {
                start.add(authority);
            }
        }
        return start;
    }
}

package org.xuke.application;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One line of an application list: only the columns a list shows, read as a projection so a
 * page of twenty costs one indexed query whatever the table holds. The working-day clock is
 * filled in for officer queues (receipt = the latest submission, China time).
 */
public record ApplicationRow(Long id, long version, String applicationNumber, ApplicationState state, int year,
        String commodityCode, String enterpriseName, String createdBy, LocalDateTime createdAtUtc,
        LocalDateTime submittedAtUtc, BigDecimal totalQuantity, boolean formPrinted, Integer workingDaysElapsed,
        LocalDate deadline) implements Serializable {

    /** The form JPQL constructs (without the clock). */
    public ApplicationRow(Long id, long version, String applicationNumber, ApplicationState state, int year,
            String commodityCode, String enterpriseName, String createdBy, LocalDateTime createdAtUtc,
            LocalDateTime submittedAtUtc, BigDecimal totalQuantity, boolean formPrinted) {
        this(id, version, applicationNumber, state, year, commodityCode, enterpriseName, createdBy, createdAtUtc,
                submittedAtUtc, totalQuantity, formPrinted, null, null);
    }

    ApplicationRow withClock(int elapsed, LocalDate due) {
        return new ApplicationRow(id, version, applicationNumber, state, year, commodityCode, enterpriseName,
                createdBy, createdAtUtc, submittedAtUtc, totalQuantity, formPrinted, elapsed, due);
    }

    /** Past the statutory limit of {@link ExportApplicationService#TIME_LIMIT_DAYS} working days. */
    public boolean isOverdue() {
        return workingDaysElapsed != null && workingDaysElapsed > ExportApplicationService.TIME_LIMIT_DAYS;
    }

    /** Due today or tomorrow: shown before it becomes overdue. */
    public boolean isDueSoon() {
        return workingDaysElapsed != null && !isOverdue()
                && workingDaysElapsed >= ExportApplicationService.TIME_LIMIT_DAYS - 1;
    }
}

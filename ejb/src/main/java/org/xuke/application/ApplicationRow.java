package org.xuke.application;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One line of an application list: only the columns a list shows (seed 003's 单证查询: state,
 * numbers, licence number, goods, quantity and unit, dollars, dates), read as a projection so a
 * page of twenty costs one indexed query whatever the table holds. The commodity and unit names
 * are the catalogue's for the licence year. The working-day clock is filled in for officer queues
 * (receipt = the latest submission, China time).
 */
public record ApplicationRow(Long id, long version, String applicationNumber, ApplicationState state, int year,
        String commodityCode, String commodityName, String unitName, String enterpriseName, String createdBy,
        LocalDateTime createdAtUtc, LocalDateTime submittedAtUtc, BigDecimal totalQuantity, BigDecimal totalUsd,
        String licenceNumber, boolean formPrinted, Integer workingDaysElapsed, LocalDate deadline)
        implements Serializable {

    /** The form JPQL constructs (without names, licence and clock). */
    public ApplicationRow(Long id, long version, String applicationNumber, ApplicationState state, int year,
            String commodityCode, String enterpriseName, String createdBy, LocalDateTime createdAtUtc,
            LocalDateTime submittedAtUtc, BigDecimal totalQuantity, BigDecimal totalUsd, boolean formPrinted) {
        this(id, version, applicationNumber, state, year, commodityCode, null, null, enterpriseName, createdBy,
                createdAtUtc, submittedAtUtc, totalQuantity, totalUsd, null, formPrinted, null, null);
    }

    ApplicationRow withDetails(String goods, String unit, String licence) {
        return new ApplicationRow(id, version, applicationNumber, state, year, commodityCode, goods, unit,
                enterpriseName, createdBy, createdAtUtc, submittedAtUtc, totalQuantity, totalUsd, licence,
                formPrinted, workingDaysElapsed, deadline);
    }

    ApplicationRow withClock(int elapsed, LocalDate due) {
        return new ApplicationRow(id, version, applicationNumber, state, year, commodityCode, commodityName, unitName,
                enterpriseName, createdBy, createdAtUtc, submittedAtUtc, totalQuantity, totalUsd, licenceNumber,
                formPrinted, elapsed, due);
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

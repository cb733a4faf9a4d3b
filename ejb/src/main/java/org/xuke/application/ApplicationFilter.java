package org.xuke.application;

import java.time.LocalDateTime;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Set;

/**
 * What a list asks for: the states of the list (a tab such as 上报申请 is several states), and the
 * user's filters: application date range (China dates, inclusive), commodity code prefix, number
 * or enterprise text, licence year, part of the licence number. Null means no filter.
 */
public record ApplicationFilter(Set<ApplicationState> states, LocalDate from, LocalDate to, String commodity,
        String search, Boolean formPrinted, Integer year, String licenceNumber, LocalDateTime submittedBeforeUtc)
        implements Serializable {

    public ApplicationFilter(Set<ApplicationState> states, LocalDate from, LocalDate to, String commodity,
            String search, Boolean formPrinted, Integer year, String licenceNumber) {
        this(states, from, to, commodity, search, formPrinted, year, licenceNumber, null);
    }

    public ApplicationFilter(Set<ApplicationState> states, LocalDate from, LocalDate to, String commodity,
            String search, Boolean formPrinted) {
        this(states, from, to, commodity, search, formPrinted, null, null);
    }

    /** 超期: only those submitted before {@code utc}, the boundary's cutoff for past their working-day limit. */
    public ApplicationFilter submittedBefore(LocalDateTime utc) {
        return new ApplicationFilter(states, from, to, commodity, search, formPrinted, year, licenceNumber, utc);
    }

    public static ApplicationFilter of(Set<ApplicationState> states) {
        return new ApplicationFilter(states, null, null, null, null, null);
    }

    /** The licence number is searched: only issued applications, through their licence. */
    public boolean byLicence() {
        return licenceNumber != null && !licenceNumber.isBlank();
    }

    /** No filter but the states: what the database's totals per state answer (an officer's queue). */
    public boolean onlyStates() {
        return from == null && to == null && (commodity == null || commodity.isBlank())
                && (search == null || search.isBlank()) && formPrinted == null && year == null && !byLicence()
                && submittedBeforeUtc == null;
    }
}

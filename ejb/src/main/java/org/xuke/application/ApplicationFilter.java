package org.xuke.application;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Set;

/**
 * What a list asks for: the states of the list (a tab such as 上报申请 is several states), and the
 * user's filters: application date range (China dates, inclusive), commodity code prefix, number
 * or enterprise text. Null means no filter.
 */
public record ApplicationFilter(Set<ApplicationState> states, LocalDate from, LocalDate to, String commodity,
        String search, Boolean formPrinted) implements Serializable {

    public static ApplicationFilter of(Set<ApplicationState> states) {
        return new ApplicationFilter(states, null, null, null, null, null);
    }

    /** No filter but the states: what the database's totals per state answer (an officer's queue). */
    public boolean onlyStates() {
        return from == null && to == null && (commodity == null || commodity.isBlank())
                && (search == null || search.isBlank()) && formPrinted == null;
    }
}

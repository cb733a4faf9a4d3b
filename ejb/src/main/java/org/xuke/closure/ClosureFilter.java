package org.xuke.closure;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Set;

/**
 * The search of the request lists (删除/核销申请表管理 and 查询, the officer's queue): the kind, the
 * states shown (empty: all), part of the licence number, the submit-date and issue-date ranges.
 */
public record ClosureFilter(ClosureKind kind, Set<ClosureState> states, String number, LocalDate submittedFrom,
        LocalDate submittedTo, LocalDate issuedFrom, LocalDate issuedTo) implements Serializable {

    public ClosureFilter {
        states = states == null ? Set.of() : Set.copyOf(states);
    }
}

package org.xuke.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Objects;
import java.util.function.Supplier;
import org.xuke.calendar.WorkingDays;

/**
 * The working-day calendar as last read, with the newest calendar import it was read after. A
 * reader that sees another newest import (committed on any server, or its own import in progress)
 * reads the calendar again; so an import is seen at once and a rolled-back one is not kept.
 */
@ApplicationScoped
public class CalendarCache {

    private record Entry(Long lastImport, WorkingDays days) {
    }

    private volatile Entry entry;

    WorkingDays get(Long lastImport, Supplier<WorkingDays> read) {
        Entry current = entry;
        if (current != null && Objects.equals(current.lastImport(), lastImport)) {
            return current.days();
        }
        WorkingDays days = read.get();
        entry = new Entry(lastImport, days);
        return days;
    }
}

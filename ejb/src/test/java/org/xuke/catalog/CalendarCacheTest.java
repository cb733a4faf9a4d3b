package org.xuke.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.xuke.calendar.WorkingDays;

class CalendarCacheTest {

    @Test
    void readsTheCalendarAgainOnlyWhenAnotherImportIsTheNewest() {
        CalendarCache cache = new CalendarCache();
        AtomicInteger reads = new AtomicInteger();
        Supplier<WorkingDays> read = () -> {
            reads.incrementAndGet();
            return new WorkingDays(Map.of(LocalDate.of(2026, 10, 1), WorkingDays.Kind.HOLIDAY));
        };
        WorkingDays bundled = cache.get(null, read);
        assertSame(bundled, cache.get(null, read), "no import yet: the calendar of the migrations, read once");
        WorkingDays imported = cache.get(50L, read);
        assertSame(imported, cache.get(50L, read));
        assertEquals(2, reads.get());
        cache.get(100L, read);
        cache.get(50L, read); // an import rolled back after its own transaction read it
        assertEquals(4, reads.get());
    }
}

package org.xuke.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.security.cert.X509CRL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.xuke.calendar.WorkingDays;

class StampedCacheTest {

    private static final Duration A_DAY = Duration.ofDays(1);
    private final AtomicInteger made = new AtomicInteger();

    private List<X509CRL> make() {
        made.incrementAndGet();
        return List.of();
    }

    /** Revocation lists are made again when a revocation happened, after a day, and never reused backwards in time. */
    @Test
    void listsAreReusedUntilARevocationOrADayPasses() {
        StampedCache cache = new StampedCache();
        Instant t = Instant.parse("2026-11-29T02:00:00Z");
        cache.get("lists", "0@null", t, A_DAY, this::make);
        cache.get("lists", "0@null", t.plusSeconds(60), A_DAY, this::make);
        assertThat(made).hasValue(1);
        cache.get("lists", "1@2026-11-29T02:05", t.plusSeconds(300), A_DAY, this::make);
        assertThat(made).as("a revocation changes the key").hasValue(2);
        cache.get("lists", "1@2026-11-29T02:05", t.plusSeconds(300).plus(A_DAY), A_DAY, this::make);
        assertThat(made).as("remade a day later").hasValue(3);
        cache.get("lists", "1@2026-11-29T02:05", t, A_DAY, this::make);
        assertThat(made).as("a clock gone back does not reuse lists dated later").hasValue(4);
    }

    @Test
    void readsTheCalendarAgainOnlyWhenAnotherImportIsTheNewest() {
        StampedCache cache = new StampedCache();
        AtomicInteger reads = new AtomicInteger();
        Supplier<WorkingDays> read = () -> {
            reads.incrementAndGet();
            return new WorkingDays(Map.of(LocalDate.of(2026, 10, 1), WorkingDays.Kind.HOLIDAY));
        };
        WorkingDays bundled = cache.get("days", null, read);
        assertSame(bundled, cache.get("days", null, read), "no import yet: the calendar of the migrations, read once");
        WorkingDays imported = cache.get("days", 50L, read);
        assertSame(imported, cache.get("days", 50L, read));
        assertEquals(2, reads.get());
        cache.get("days", 100L, read);
        cache.get("days", 50L, read); // an import rolled back after its own transaction read it
        assertEquals(4, reads.get());
    }
}

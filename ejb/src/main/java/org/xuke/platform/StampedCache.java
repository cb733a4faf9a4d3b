package org.xuke.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Values that are costly to make from the database, kept while a stamp read cheaply on each use
 * (how many rows and the latest change, the newest import) stays the same: a change by any
 * server is seen at once, and a value made inside a transaction that rolled back is replaced as
 * soon as a reader sees the committed stamp. Optionally a value is also made again after a
 * maximum age, and never reused at an earlier time than it was made.
 */
@ApplicationScoped
public class StampedCache {

    private record Entry(Object stamp, Instant made, Object value) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** The value named {@code name} for this stamp, made by {@code make} when the stamp changed. */
    public <T> T get(String name, Object stamp, Supplier<T> make) {
        return get(name, stamp, null, null, make);
    }

    /** As above, and made again once {@code maxAge} has passed since it was made (both may be null). */
    @SuppressWarnings("unchecked")
    public <T> T get(String name, Object stamp, Instant now, Duration maxAge, Supplier<T> make) {
        Entry current = entries.get(name);
        if (current != null && Objects.equals(current.stamp(), stamp) && (maxAge == null
                || (now.isBefore(current.made().plus(maxAge)) && !now.isBefore(current.made())))) {
            return (T) current.value();
        }
        T value = make.get();
        entries.put(name, new Entry(stamp, now, value));
        return value;
    }
}

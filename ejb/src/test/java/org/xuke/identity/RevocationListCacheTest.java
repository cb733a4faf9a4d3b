package org.xuke.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509CRL;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Revocation lists are made again when a revocation happened, after a day, and never reused backwards in time. */
class RevocationListCacheTest {

    private final AtomicInteger made = new AtomicInteger();

    private List<X509CRL> make() {
        made.incrementAndGet();
        return List.of();
    }

    @Test
    void listsAreReusedUntilARevocationOrADayPasses() {
        RevocationListCache cache = new RevocationListCache();
        Instant t = Instant.parse("2026-11-29T02:00:00Z");
        cache.get("0@null", t, this::make);
        cache.get("0@null", t.plusSeconds(60), this::make);
        assertThat(made).hasValue(1);
        cache.get("1@2026-11-29T02:05", t.plusSeconds(300), this::make);
        assertThat(made).as("a revocation changes the key").hasValue(2);
        cache.get("1@2026-11-29T02:05", t.plusSeconds(300).plus(RevocationListCache.REMAKE_AFTER), this::make);
        assertThat(made).as("remade a day later").hasValue(3);
        cache.get("1@2026-11-29T02:05", t, this::make);
        assertThat(made).as("a clock gone back does not reuse lists dated later").hasValue(4);
    }
}

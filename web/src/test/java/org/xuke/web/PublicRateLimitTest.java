package org.xuke.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.xuke.web.PublicRateLimit.Bucket;
import org.xuke.web.PublicRateLimit.Limit;

class PublicRateLimitTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aBurstThenOneRequestPerRefill() {
        Bucket bucket = new Bucket(Limit.VERIFY, 0);
        for (int i = 0; i < 30; i++) {
            assertTrue(bucket.take(0), "request " + (i + 1) + " of the burst");
        }
        assertFalse(bucket.take(0), "the 31st at once is refused");
        assertFalse(bucket.take(SECOND), "half a refill later still");
        assertTrue(bucket.take(2 * SECOND), "one refilled after 2 s");
        assertFalse(bucket.take(2 * SECOND));
        assertTrue(bucket.take(100 * SECOND));
        for (int i = 1; i < 30; i++) {
            assertTrue(bucket.take(100 * SECOND), "refilled to the burst, no further");
        }
        assertFalse(bucket.take(100 * SECOND));
    }

    @Test
    void eachPublicPageHasItsOwnLimit() {
        assertEquals(Limit.VERIFY, Limit.of("/public/verify.xhtml"));
        assertEquals(Limit.EKEY, Limit.of("/public/ekey.xhtml"));
        assertEquals(Limit.SEAL, Limit.of("/public/seal.xhtml"));
        assertFalse(Limit.VERIFY.postsOnly, "a licence check is a GET");
        assertTrue(Limit.EKEY.postsOnly && Limit.SEAL.postsOnly, "reading the form pages is not limited");
    }
}

package org.xuke.identity;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.PrivateKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Stored keys once decrypted (authority signing keys, officers' and enterprises' seal keys):
 * opening a stored key costs a deliberately slow key derivation (some 400 ms of CPU), too much for
 * every licence download, batch page or licence issued (issuing measured 2.6 licences/s before).
 * Kept in memory only, keyed by the stored form so a replaced key is never served stale; the
 * server holds the secret that opens them all anyway. Bounded: past {@link #MAX} keys it starts over.
 */
@ApplicationScoped
public class UnsealedKeys {

    static final int MAX = 10_000;

    private final Map<String, PrivateKey> keys = new ConcurrentHashMap<>();

    PrivateKey get(String sealedForm, Supplier<PrivateKey> unseal) {
        if (keys.size() >= MAX) {
            keys.clear();
        }
        return keys.computeIfAbsent(sealedForm, k -> unseal.get());
    }
}

package org.xuke.identity;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.PrivateKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Authority signing keys once decrypted: opening a stored key costs a deliberately slow key
 * derivation (hundreds of milliseconds), too much for every licence download or batch page.
 * Kept in memory only, keyed by the stored form so a replaced key is never served stale.
 */
@ApplicationScoped
public class UnsealedKeys {

    private final Map<String, PrivateKey> keys = new ConcurrentHashMap<>();

    PrivateKey get(String sealedForm, Supplier<PrivateKey> unseal) {
        return keys.computeIfAbsent(sealedForm, k -> unseal.get());
    }
}

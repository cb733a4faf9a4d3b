package org.xuke.identity;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * The signed revocation lists, kept while nothing was revoked: every seal check (a printed
 * licence, the public verification page, a batch of a thousand) used to sign three fresh lists.
 * The key is the number of revoked certificates and the latest revocation time, read from the
 * database on each use, so a revocation by any server is seen at once; the lists are remade a
 * day after their issue at the latest (they are valid for seven).
 */
@ApplicationScoped
public class RevocationListCache {

    static final Duration REMAKE_AFTER = Duration.ofDays(1);

    private record Entry(String key, Instant made, List<X509CRL> lists) {
    }

    private volatile Entry entry;

    List<X509CRL> get(String key, Instant now, Supplier<List<X509CRL>> make) {
        Entry current = entry;
        if (current != null && current.key.equals(key) && now.isBefore(current.made.plus(REMAKE_AFTER))
                && !now.isBefore(current.made)) {
            return current.lists;
        }
        List<X509CRL> lists = List.copyOf(make.get());
        entry = new Entry(key, now, lists);
        return lists;
    }
}

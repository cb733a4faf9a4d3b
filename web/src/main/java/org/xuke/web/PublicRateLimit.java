package org.xuke.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rate limits of the pages anyone may use without signing in, per client address and page: a
 * bucket of {@code burst} requests refilled by one every {@code refillSeconds}. Behind a reverse
 * proxy the proxy should limit too (OPERATIONS.md), since it hides the address.
 */
@WebFilter({"/public/verify.xhtml", "/public/ekey.xhtml", "/public/seal.xhtml"})
public class PublicRateLimit extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final int MAX_CLIENTS = 100_000;

    /** What each page allows one address. */
    enum Limit {
        /** Licence checks (GET): enough for a customs officer scanning a stack, too few to walk the codes. */
        VERIFY(30, 2, false, "verify.tooMany"),
        /** E-key requests: submissions only (uploads, the access-code check), generous for a person. */
        EKEY(60, 3, true, "public.tooMany"),
        /** Seal checks: submissions only (two uploads each). */
        SEAL(60, 3, true, "public.tooMany");

        final int burst;
        final int refillSeconds;
        final boolean postsOnly;
        final String message;

        Limit(int burst, int refillSeconds, boolean postsOnly, String message) {
            this.burst = burst;
            this.refillSeconds = refillSeconds;
            this.postsOnly = postsOnly;
            this.message = message;
        }

        static Limit of(String path) {
            return path.endsWith("/verify.xhtml") ? VERIFY : path.endsWith("/ekey.xhtml") ? EKEY : SEAL;
        }
    }

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    static final class Bucket {
        private final Limit limit;
        private double tokens;
        private long last;

        Bucket(Limit limit, long now) {
            this.limit = limit;
            this.tokens = limit.burst;
            this.last = now;
        }

        synchronized boolean take(long now) {
            tokens = Math.min(limit.burst, tokens + (now - last) / 1e9 / limit.refillSeconds);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Limit limit = Limit.of(request.getServletPath());
        if (limit.postsOnly && !"POST".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        if (buckets.size() > MAX_CLIENTS) {
            buckets.clear();
        }
        long now = System.nanoTime();
        if (!buckets.computeIfAbsent(limit + " " + request.getRemoteAddr(), k -> new Bucket(limit, now)).take(now)) {
            response.setStatus(429);
            response.setHeader("Retry-After", String.valueOf(limit.refillSeconds));
            response.setContentType("text/plain;charset=UTF-8");
            Locale locale = request.getLocale() != null && "en".equals(request.getLocale().getLanguage())
                    ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
            response.getOutputStream().write(ResourceBundle.getBundle("org.xuke.web.text", locale)
                    .getString(limit.message).getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(request, response);
    }
}

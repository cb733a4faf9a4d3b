package org.xuke.web.licence;

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
 * Rate limit of the public verification page, per client address: a bucket of
 * {@value #BURST} checks refilled by one every {@value #REFILL_SECONDS} seconds. Enough for a
 * customs officer scanning a stack of licences, too little to walk the verification codes.
 * Behind a reverse proxy the proxy should limit too (OPERATIONS.md), since it hides the address.
 */
@WebFilter("/public/verify.xhtml")
public class VerifyRateLimit extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final int BURST = 30;
    static final int REFILL_SECONDS = 2;
    private static final int MAX_CLIENTS = 100_000;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        private double tokens = BURST;
        private long last = System.nanoTime();

        synchronized boolean take() {
            long now = System.nanoTime();
            tokens = Math.min(BURST, tokens + (now - last) / 1e9 / REFILL_SECONDS);
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
        if (buckets.size() > MAX_CLIENTS) {
            buckets.clear();
        }
        if (!buckets.computeIfAbsent(request.getRemoteAddr(), a -> new Bucket()).take()) {
            response.setStatus(429);
            response.setHeader("Retry-After", String.valueOf(REFILL_SECONDS));
            response.setContentType("text/plain;charset=UTF-8");
            Locale locale = request.getLocale() != null && "en".equals(request.getLocale().getLanguage())
                    ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
            response.getOutputStream().write(ResourceBundle.getBundle("org.xuke.web.text", locale)
                    .getString("verify.tooMany").getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(request, response);
    }
}

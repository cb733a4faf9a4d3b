package org.xuke.account;

import java.util.function.Supplier;

/**
 * Demo mode only: lets the demo data act as the demo accounts, so that a fresh demo database holds
 * one licence that went the whole way (applied, sealed, reviewed twice, issued) through the same
 * boundaries a person uses. Refused, and never consulted, unless the server runs in demo mode
 * ({@code -Dxuke.demo.dir}, set by the run command and never in production).
 */
public final class DemoActor {

    private static final ThreadLocal<String> ACTING = new ThreadLocal<>();

    private DemoActor() {
    }

    /** Runs {@code work} on this thread as {@code username}. */
    public static <T> T as(String username, Supplier<T> work) {
        if (!demoMode()) {
            throw new IllegalStateException("acting as an account is for the demo data only");
        }
        String before = ACTING.get();
        ACTING.set(username);
        try {
            return work.get();
        } finally {
            if (before == null) {
                ACTING.remove();
            } else {
                ACTING.set(before);
            }
        }
    }

    /** The demo account this thread acts as, or null (always null outside demo mode). */
    static String current() {
        return demoMode() ? ACTING.get() : null;
    }

    private static boolean demoMode() {
        String dir = System.getProperty("xuke.demo.dir");
        return dir != null && !dir.isBlank();
    }
}

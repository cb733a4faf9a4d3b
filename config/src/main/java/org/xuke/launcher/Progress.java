package org.xuke.launcher;

import java.time.Duration;
import java.time.Instant;

/** Step-by-step progress on the console, so a user always sees what the launcher is waiting for. */
final class Progress {

    private final int total;
    private int step;
    private final Instant started = Instant.now();

    Progress(int total) {
        this.total = total;
    }

    void step(String what) {
        step++;
        System.out.printf("[xuke %3ds] (%d/%d) %s%n", elapsed(), step, total, what);
        System.out.flush();
    }

    static void info(String what) {
        System.out.println("[xuke] " + what);
        System.out.flush();
    }

    long elapsed() {
        return Duration.between(started, Instant.now()).toSeconds();
    }
}

package org.xuke.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DemoActorTest {

    @AfterEach
    void leaveDemoMode() {
        System.clearProperty("xuke.demo.dir");
    }

    @Test
    void outsideDemoModeNobodyCanBeActedFor() {
        assertThrows(IllegalStateException.class, () -> DemoActor.as("FAZHENG", () -> "issued"));
        assertNull(DemoActor.current());
    }

    @Test
    void inDemoModeTheActorHoldsForTheWorkOnlyAndNests() {
        System.setProperty("xuke.demo.dir", "/tmp/xuke-demo");
        String seen = DemoActor.as("QIYE", () -> DemoActor.current() + ","
                + DemoActor.as("FAZHENG", DemoActor::current) + "," + DemoActor.current());
        assertEquals("QIYE,FAZHENG,QIYE", seen);
        assertNull(DemoActor.current(), "nobody once the work is done");
        assertThrows(IllegalArgumentException.class, () -> DemoActor.as("QIYE", () -> {
            throw new IllegalArgumentException("refused");
        }));
        assertNull(DemoActor.current(), "nobody after a failure either");
    }

    @Test
    void aThreadActingLosesItWhenDemoModeEnds() {
        System.setProperty("xuke.demo.dir", "/tmp/xuke-demo");
        DemoActor.as("QIYE", () -> {
            System.clearProperty("xuke.demo.dir");
            assertNull(DemoActor.current(), "never consulted outside demo mode");
            return null;
        });
    }
}

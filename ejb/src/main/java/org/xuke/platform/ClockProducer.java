package org.xuke.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.ZoneId;

/** The one clock of the application: licence dates and deadlines are in China Standard Time. */
@ApplicationScoped
public class ClockProducer {

    public static final ZoneId CHINA = Zones.CHINA;

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.system(CHINA);
    }
}

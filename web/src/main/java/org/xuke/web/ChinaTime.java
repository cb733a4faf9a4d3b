package org.xuke.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.xuke.platform.Zones;

/** Times are stored in UTC; people read them in Beijing time. */
@Named
@ApplicationScoped
public class ChinaTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public String format(LocalDateTime utc) {
        return utc == null ? "" : utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(Zones.CHINA).format(FORMAT);
    }

    /** Today in China (a licence's standing is decided on it). */
    public LocalDate getToday() {
        return LocalDate.now(Zones.CHINA);
    }

    public String formatInstant(Instant instant) {
        return instant == null ? "" : instant.atZone(Zones.CHINA).format(FORMAT);
    }
}

package org.xuke.platform;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Licence dates, deadlines and the times people read are in China Standard Time. */
public final class Zones {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private Zones() {
    }

    /** The first instant of a China calendar day, as the UTC timestamps the tables keep (date-range searches). */
    public static LocalDateTime utcStartOf(LocalDate chinaDate) {
        return LocalDateTime.ofInstant(chinaDate.atStartOfDay(CHINA).toInstant(), ZoneOffset.UTC);
    }
}

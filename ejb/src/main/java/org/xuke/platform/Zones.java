package org.xuke.platform;

import java.time.ZoneId;

/** Licence dates, deadlines and the times people read are in China Standard Time. */
public final class Zones {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private Zones() {
    }
}

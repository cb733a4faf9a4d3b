package org.xuke.web.statistics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.xuke.platform.Zones;

/** How the statistics pages write their figures and which years they offer, in one place. */
final class Figures {

    private Figures() {
    }

    /** US dollars as people write them: 12,345.60. */
    static String amount(BigDecimal usd) {
        return String.format("%,.2f", usd == null ? BigDecimal.ZERO : usd);
    }

    /** This year (China time) and the five before it. */
    static List<Integer> years() {
        int now = LocalDate.now(Zones.CHINA).getYear();
        List<Integer> years = new ArrayList<>();
        for (int y = now; y >= now - 5; y--) {
            years.add(y);
        }
        return years;
    }
}

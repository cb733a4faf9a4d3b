package org.xuke.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xuke.calendar.WorkingDays;
import org.xuke.statistics.FactWriter.Timing;

/** A decision's working days and the 3-working-day limit, over National Day 2026 (1-7 October off, Saturday 10 worked). */
class DecisionTimingTest {

    private static final WorkingDays DAYS = new WorkingDays(Map.of(
            LocalDate.of(2026, 10, 1), WorkingDays.Kind.HOLIDAY, LocalDate.of(2026, 10, 2), WorkingDays.Kind.HOLIDAY,
            LocalDate.of(2026, 10, 5), WorkingDays.Kind.HOLIDAY, LocalDate.of(2026, 10, 6), WorkingDays.Kind.HOLIDAY,
            LocalDate.of(2026, 10, 7), WorkingDays.Kind.HOLIDAY, LocalDate.of(2026, 10, 10),
            WorkingDays.Kind.WORKING_DAY));

    private static Timing timing(String received, String decided) {
        return FactWriter.timing(DAYS, LocalDate.parse(received), LocalDate.parse(decided));
    }

    @Test
    void theDayOfReceiptDoesNotCountAndTheThirdWorkingDayIsInTime() {
        // Monday 23 November: Tuesday, Wednesday, Thursday are the three days
        assertThat(timing("2026-11-23", "2026-11-23")).isEqualTo(new Timing(0, true));
        assertThat(timing("2026-11-23", "2026-11-26")).isEqualTo(new Timing(3, true));
        assertThat(timing("2026-11-23", "2026-11-27")).isEqualTo(new Timing(4, false));
    }

    @Test
    void aWeekendAfterTheLastDayIsLateThoughNoWorkingDayPassed() {
        // received Tuesday 24 November: the limit's last day is Friday 27; decided on Saturday 28
        assertThat(timing("2026-11-24", "2026-11-27")).isEqualTo(new Timing(3, true));
        assertThat(timing("2026-11-24", "2026-11-28")).isEqualTo(new Timing(3, false));
    }

    @Test
    void holidaysDoNotCountAndAWorkedSaturdayDoes() {
        // received Wednesday 30 September: 8, 9 October and Saturday 10 (worked) are the three days
        assertThat(timing("2026-09-30", "2026-10-09")).isEqualTo(new Timing(2, true));
        assertThat(timing("2026-09-30", "2026-10-10")).isEqualTo(new Timing(3, true));
        assertThat(timing("2026-09-30", "2026-10-12")).isEqualTo(new Timing(4, false));
    }
}

package org.xuke.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The 2026 days of the State Council notice (as in shared/reference-data) around National Day. */
class WorkingDaysTest {

    private static final WorkingDays CALENDAR = new WorkingDays(autumn2026());

    private static Map<LocalDate, WorkingDays.Kind> autumn2026() {
        Map<LocalDate, WorkingDays.Kind> days = new HashMap<>();
        days.put(LocalDate.of(2026, 9, 20), WorkingDays.Kind.WORKING_DAY);
        for (int d = 25; d <= 27; d++) {
            days.put(LocalDate.of(2026, 9, d), WorkingDays.Kind.HOLIDAY);
        }
        for (int d = 1; d <= 7; d++) {
            days.put(LocalDate.of(2026, 10, d), WorkingDays.Kind.HOLIDAY);
        }
        days.put(LocalDate.of(2026, 10, 10), WorkingDays.Kind.WORKING_DAY);
        return days;
    }

    @Test
    void holidaysAndAdjustedWeekendsOverrideTheWeek() {
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 10, 5))).as("Monday of National Day").isFalse();
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 10, 10))).as("Saturday worked").isTrue();
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 9, 20))).as("Sunday worked").isTrue();
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 10, 11))).as("ordinary Sunday").isFalse();
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 11, 24))).as("ordinary Tuesday").isTrue();
    }

    @Test
    void threeWorkingDaysOverNationalDay() {
        // received Wednesday 30 September: 8 Oct (Thu), 9 Oct (Fri), 10 Oct (Sat, worked)
        assertThat(CALENDAR.deadline(LocalDate.of(2026, 9, 30), 3)).isEqualTo(LocalDate.of(2026, 10, 10));
        // received Thursday 24 September: 28, 29, 30 September (25-27 are Mid-Autumn)
        assertThat(CALENDAR.deadline(LocalDate.of(2026, 9, 24), 3)).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(CALENDAR.deadline(LocalDate.of(2026, 11, 20), 3)).as("Friday → Wednesday")
                .isEqualTo(LocalDate.of(2026, 11, 25));
        assertThatThrownBy(() -> CALENDAR.deadline(LocalDate.of(2026, 11, 20), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void elapsedWorkingDaysSayWhenAnItemIsOverdue() {
        LocalDate received = LocalDate.of(2026, 9, 30);
        assertThat(CALENDAR.elapsed(received, received)).isZero();
        assertThat(CALENDAR.elapsed(received, LocalDate.of(2026, 10, 7))).as("all holiday").isZero();
        assertThat(CALENDAR.elapsed(received, LocalDate.of(2026, 10, 10))).isEqualTo(3);
        assertThat(CALENDAR.elapsed(received, LocalDate.of(2026, 10, 12))).as("overdue").isEqualTo(4);
        assertThat(CALENDAR.covers(2026)).isTrue();
        assertThat(CALENDAR.covers(2028)).isFalse();
    }

    @Test
    void theFastCountAgreesWithTheDayByDayCountOverTheWholeYear() {
        WorkingDays days = CALENDAR;
        LocalDate start = LocalDate.of(2026, 6, 1);
        for (int r = 0; r < 200; r++) {
            for (int t = r; t < r + 90; t++) {
                LocalDate received = start.plusDays(r);
                LocalDate today = start.plusDays(t);
                assertThat(days.elapsed(received, today)).as(received + " → " + today)
                        .isEqualTo(days.elapsedDayByDay(received, today));
            }
        }
    }
}

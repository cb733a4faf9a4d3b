package org.xuke.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * The official working-day calendar: Monday to Friday, except the State Council's holidays, plus
 * the weekend days it makes working days (调休). Review time limits (export licence: 3 working
 * days) are counted on it. Days are data, one set per year, kept by the authority administrator.
 */
public final class WorkingDays {

    /** What a listed day is instead of its usual self. */
    public enum Kind {
        HOLIDAY, WORKING_DAY
    }

    private final TreeMap<LocalDate, Kind> exceptions;

    public WorkingDays(Map<LocalDate, Kind> exceptions) {
        this.exceptions = new TreeMap<>(exceptions);
    }

    public boolean isWorkingDay(LocalDate day) {
        Kind listed = exceptions.get(day);
        if (listed != null) {
            return listed == Kind.WORKING_DAY;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /**
     * The last day of a limit of {@code days} working days for something received on
     * {@code received}: counting starts the next working day (the day of receipt does not count).
     */
    public LocalDate deadline(LocalDate received, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("A limit is at least one working day: " + days);
        }
        LocalDate day = received;
        int counted = 0;
        while (counted < days) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /**
     * Working days after {@code received} up to and including {@code today} (0 on the day itself).
     * Whole weeks are counted by arithmetic and only the listed days looked at, because an officer
     * queue asks this for every row of every page.
     */
    public int elapsed(LocalDate received, LocalDate today) {
        LocalDate first = received.plusDays(1);
        if (first.isAfter(today)) {
            return 0;
        }
        long days = java.time.temporal.ChronoUnit.DAYS.between(first, today) + 1;
        long weeks = days / 7;
        int count = (int) (weeks * 5);
        for (LocalDate day = first.plusDays(weeks * 7); !day.isAfter(today); day = day.plusDays(1)) {
            if (isWeekday(day)) {
                count++;
            }
        }
        for (Map.Entry<LocalDate, Kind> listed : exceptions.subMap(first, true, today,
                true).entrySet()) {
            boolean weekday = isWeekday(listed.getKey());
            if (listed.getValue() == Kind.HOLIDAY && weekday) {
                count--;
            } else if (listed.getValue() == Kind.WORKING_DAY && !weekday) {
                count++;
            }
        }
        return count;
    }

    /** Day by day, as the rule reads: the reference {@link #elapsed} is tested against. */
    int elapsedDayByDay(LocalDate received, LocalDate today) {
        int count = 0;
        for (LocalDate day = received.plusDays(1); !day.isAfter(today); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    private static boolean isWeekday(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** Whether a year's days are known: without them, the limit would be counted wrongly. */
    public boolean covers(int year) {
        return exceptions.keySet().stream().anyMatch(d -> d.getYear() == year);
    }
}

package io.privacyrules.internal.pack;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * Working days: every day but the weekend, less the declared holidays, plus the declared make-up
 * working days. Holidays are known only for the declared {@code years}; in any other year only
 * the weekend is skipped, so a deadline there may be a few days off either way (holidays would
 * push it later, make-up working days pull it earlier); the engine says so in the decision.
 */
public record WorkingCalendar(String id, Set<DayOfWeek> weekend, Set<Integer> years, Set<LocalDate> holidays,
                              Set<LocalDate> workdays) {

    public boolean isWorkingDay(LocalDate day) {
        if (workdays.contains(day)) {
            return true;
        }
        return !weekend.contains(day.getDayOfWeek()) && !holidays.contains(day);
    }

    /** True when the holidays of {@code day}'s year are declared. */
    public boolean covers(LocalDate day) {
        return years.contains(day.getYear());
    }

    /**
     * The {@code n}th working day after {@code start} (start itself not counted).
     *
     * @param uncovered set to true when a day counted lies in a year the calendar does not cover
     */
    public LocalDate addWorkingDays(LocalDate start, int n, boolean[] uncovered) {
        LocalDate day = start;
        int counted = 0;
        while (counted < n) {
            day = day.plusDays(1);
            if (!covers(day)) {
                uncovered[0] = true;
            }
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /**
     * {@code day} itself when it is a working day, else the first working day after it.
     *
     * @param uncovered set to true when a day looked at lies in a year the calendar does not cover
     */
    public LocalDate onOrAfter(LocalDate day, boolean[] uncovered) {
        LocalDate d = day;
        for (int i = 0; i < 366; i++) {
            if (!covers(d)) {
                uncovered[0] = true;
            }
            if (isWorkingDay(d)) {
                return d;
            }
            d = d.plusDays(1);
        }
        return day; // a calendar without working days: keep the day
    }
}

package io.privacyrules.internal;

import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates of packs, scenario files and requests ({@code YYYY-MM-DD}), and says why a date
 * of that shape does not exist: {@code 2026-02-29 is no such date (2026 is not a leap year)}.
 */
public final class Dates {
    private static final Pattern SHAPE = Pattern.compile("([0-9]{4})-([0-9]{2})-([0-9]{2})");

    private Dates() {
    }

    /** The date, or null when {@code text} is not an existing {@code YYYY-MM-DD} day. */
    public static LocalDate parse(String text) {
        if (text == null || !SHAPE.matcher(text).matches()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * Why {@code text}, which has the shape {@code YYYY-MM-DD}, is no date; null when it is one or
     * when it does not have that shape (the caller then says what shape a date has).
     */
    public static String noSuchDate(String text) {
        Matcher m = text == null ? null : SHAPE.matcher(text);
        if (m == null || !m.matches() || parse(text) != null) {
            return null;
        }
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        int day = Integer.parseInt(m.group(3));
        String why;
        if (month < 1 || month > 12) {
            why = "there is no month " + month;
        } else if (day < 1) {
            why = "there is no day 0";
        } else if (month == 2 && day == 29) {
            why = year + " is not a leap year";
        } else {
            Month mo = Month.of(month);
            int length = mo.length(Year.isLeap(year));
            why = mo.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + (month == 2 ? " " + year : "") + " has " + length + " days";
        }
        return text + " is no such date (" + why + ")";
    }

    /** The hint that goes with {@link #noSuchDate}. */
    public static final String HINT = "check the day and month";
}

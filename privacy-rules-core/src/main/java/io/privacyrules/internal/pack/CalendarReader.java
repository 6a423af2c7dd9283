package io.privacyrules.internal.pack;

import static io.privacyrules.internal.pack.PackLoader.CALENDAR_KEYS;
import static io.privacyrules.internal.pack.PackLoader.HOLIDAY_KEYS;

import io.privacyrules.internal.Dates;
import io.privacyrules.internal.yaml.Fields;
import io.privacyrules.internal.yaml.Location;
import io.privacyrules.internal.yaml.Node;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code calendars}: working-day calendars with their weekend, years, holidays and
 * make-up working days.
 */
final class CalendarReader extends SectionReader {
    CalendarReader(PackLoader loader) {
        super(loader);
    }

    Map<String, WorkingCalendar> readCalendars(Fields top) {
        Map<String, WorkingCalendar> out = new LinkedHashMap<>();
        forEachEntry(top, "calendars", "calendar", CALENDAR_KEYS, false, (key, f) -> {
            f.text("description", true);
            Set<java.time.DayOfWeek> weekend = java.util.EnumSet.noneOf(java.time.DayOfWeek.class);
            for (Node.ScalarNode d : f.texts("weekend", true)) {
                try {
                    weekend.add(java.time.DayOfWeek.valueOf(((String) d.value()).toUpperCase(java.util.Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    problems.add(d.at(), "'" + d.value() + "' is not a day of the week", "for example saturday");
                }
            }
            Set<Integer> years = new LinkedHashSet<>();
            if (f.has("years") && f.list("years", false).isEmpty()) {
                f.problem("years", "'years' lists none", "list the years whose schedule the calendar declares");
            }
            for (Node n : f.list("years", true)) {
                if (n instanceof Node.ScalarNode sn && sn.value() instanceof Long y && y >= 1900 && y <= 2200) {
                    years.add(y.intValue());
                } else {
                    problems.add(n.at(), "a year must be a whole number such as 2026", "");
                }
            }
            Set<LocalDate> holidays = new java.util.HashSet<>();
            for (Node n : f.list("holidays", false)) {
                Fields h = Fields.of(n, problems, "a holiday", HOLIDAY_KEYS);
                LocalDate from = date(h, "from");
                LocalDate to = h.has("to") ? date(h, "to") : from;
                h.text("name", false);
                if (from == null || to == null) {
                    continue;
                }
                if (to.isBefore(from) || from.plusDays(31).isBefore(to)) {
                    h.problem("to", "a holiday runs from 'from' to 'to', at most 31 days", "");
                    continue;
                }
                for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                    checkYear(years, d, n.at());
                    holidays.add(d);
                }
            }
            Set<LocalDate> workdays = new java.util.HashSet<>();
            for (Node n : f.list("workdays", false)) {
                String t = n instanceof Node.ScalarNode sn && sn.value() instanceof String v ? v : null;
                LocalDate d = Dates.parse(t);
                if (d == null && Dates.noSuchDate(t) != null) {
                    problems.add(n.at(), Dates.noSuchDate(t), Dates.HINT);
                } else if (d == null) {
                    problems.add(n.at(), "a make-up working day must be a date YYYY-MM-DD", "");
                } else {
                    checkYear(years, d, n.at());
                    workdays.add(d);
                }
            }
            out.put(key, new WorkingCalendar(key, Set.copyOf(weekend), Set.copyOf(years), Set.copyOf(holidays),
                    Set.copyOf(workdays)));
        });
        return out;
    }

    void checkYear(Set<Integer> years, LocalDate d, Location at) {
        if (!years.contains(d.getYear())) {
            problems.add(at, d + " lies in a year not listed in 'years'",
                    "list the year once its whole schedule is confirmed, or remove the date");
        }
    }
}

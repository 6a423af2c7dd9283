package io.privacyrules.internal.pack;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Assertions;

/** Working-day arithmetic: more holidays never make a deadline earlier. */
class WorkingCalendarProperties {
    private static final LocalDate START = LocalDate.of(2026, 1, 1);

    @Provide
    Arbitrary<Set<LocalDate>> holidays() {
        return Arbitraries.integers().between(0, 364).map(START::plusDays).set().ofMaxSize(40);
    }

    private static WorkingCalendar calendar(Set<LocalDate> holidays) {
        return new WorkingCalendar("test", Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), Set.of(2026), holidays,
                Set.of(LocalDate.of(2026, 2, 14)));
    }

    @Property(tries = 300)
    void addingAHolidayNeverMakesADeadlineEarlier(@ForAll("holidays") Set<LocalDate> holidays,
                                                  @ForAll @IntRange(min = 0, max = 364) int extra,
                                                  @ForAll @IntRange(min = 0, max = 250) int received,
                                                  @ForAll @IntRange(min = 1, max = 30) int days) {
        LocalDate from = START.plusDays(received);
        LocalDate before = calendar(holidays).addWorkingDays(from, days, new boolean[1]);
        Set<LocalDate> more = new HashSet<>(holidays);
        more.add(START.plusDays(extra));
        LocalDate after = calendar(more).addWorkingDays(from, days, new boolean[1]);
        Assertions.assertFalse(after.isBefore(before), () -> "holiday made " + before + " into " + after);
    }

    @Property(tries = 300)
    void theDeadlineIsAWorkingDayAfterReceipt(@ForAll("holidays") Set<LocalDate> holidays,
                                             @ForAll @IntRange(min = 0, max = 250) int received,
                                             @ForAll @IntRange(min = 1, max = 30) int days) {
        WorkingCalendar c = calendar(holidays);
        LocalDate from = START.plusDays(received);
        LocalDate due = c.addWorkingDays(from, days, new boolean[1]);
        Assertions.assertTrue(due.isAfter(from) && c.isWorkingDay(due), () -> from + " -> " + due);
        long working = from.plusDays(1).datesUntil(due.plusDays(1)).filter(c::isWorkingDay).count();
        Assertions.assertEquals(days, working);
    }
}

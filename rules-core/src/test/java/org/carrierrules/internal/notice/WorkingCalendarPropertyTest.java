package org.carrierrules.internal.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import org.carrierrules.internal.policy.BundledPolicyFiles;
import org.carrierrules.notice.CalendarYearMissingException;
import org.carrierrules.notice.NoticePeriod;

/** What must hold of every notice period (四(五): 公示N个工作日) counted on the bundled 2024–2025 calendar. */
class WorkingCalendarPropertyTest {
    private static final long SEED = 20240729L;
    private static final int EXAMPLES = 300;
    private static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(2025, 12, 31);
    /** Late enough to reach every holiday, early enough that 25 working days stay inside 2025. */
    private static final LocalDate LAST_SAFE_START = LocalDate.of(2025, 11, 15);
    private static final int MAX_DAYS = 25;

    private final WorkingCalendar calendar = BundledPolicyFiles.calendar();

    private static Gen<LocalDate> datesBetween(LocalDate first, LocalDate last) {
        return integers().between(0, (int) ChronoUnit.DAYS.between(first, last)).map(first::plusDays);
    }

    private static Gen<Integer> dayCounts() {
        return integers().between(1, MAX_DAYS);
    }

    @Test
    void aPeriodHasExactlyNWorkingDaysAndEndsOnTheLast() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES)
                .forAll(datesBetween(FIRST_DAY, LAST_SAFE_START), dayCounts())
                .checkAssert((start, days) -> {
                    NoticePeriod period = calendar.noticePeriod(start, days);
                    assertEquals(days, period.workingDays().size());
                    assertEquals(period.workingDays().get(days - 1), period.end());
                    assertTrue(calendar.isWorkingDay(period.end()));
                    assertEquals(start, period.start());
                });
    }

    @Test
    void everyListedDayIsAWorkingDayInDateOrderNotBeforeTheStart() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES)
                .forAll(datesBetween(FIRST_DAY, LAST_SAFE_START), dayCounts())
                .checkAssert((start, days) -> {
                    List<LocalDate> workingDays = calendar.noticePeriod(start, days).workingDays();
                    assertFalse(workingDays.get(0).isBefore(start));
                    for (int i = 0; i < workingDays.size(); i++) {
                        assertTrue(calendar.isWorkingDay(workingDays.get(i)), workingDays.get(i)::toString);
                        if (i > 0) {
                            assertTrue(workingDays.get(i).isAfter(workingDays.get(i - 1)));
                        }
                    }
                });
    }

    @Test
    void noWorkingDayBetweenStartAndEndIsLeftOut() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES)
                .forAll(datesBetween(FIRST_DAY, LAST_SAFE_START), dayCounts())
                .checkAssert((start, days) -> {
                    NoticePeriod period = calendar.noticePeriod(start, days);
                    start.datesUntil(period.end().plusDays(1)).forEach(day ->
                            assertEquals(calendar.isWorkingDay(day), period.workingDays().contains(day), day::toString));
                });
    }

    @Test
    void aLongerPeriodExtendsTheShorterOne() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES)
                .forAll(datesBetween(FIRST_DAY, LAST_SAFE_START), dayCounts(), dayCounts())
                .checkAssert((start, a, b) -> {
                    List<LocalDate> shorter = calendar.workingDaysFrom(start, Math.min(a, b));
                    List<LocalDate> longer = calendar.workingDaysFrom(start, Math.max(a, b));
                    assertEquals(shorter, longer.subList(0, shorter.size()));
                });
    }

    @Test
    void aPeriodThatWouldRunPastTheLastYearNamesTheMissingYearInsteadOfGuessing() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES)
                .forAll(datesBetween(LAST_DAY.minusDays(40), LAST_DAY), dayCounts())
                .checkAssert((start, days) -> {
                    long leftInData = start.datesUntil(LAST_DAY.plusDays(1)).filter(calendar::isWorkingDay).count();
                    if (leftInData >= days) {
                        assertFalse(calendar.noticePeriod(start, days).end().isAfter(LAST_DAY));
                    } else {
                        CalendarYearMissingException e = assertThrows(CalendarYearMissingException.class,
                                () -> calendar.noticePeriod(start, days));
                        assertEquals(LAST_DAY.getYear() + 1, e.year());
                    }
                });
    }
}

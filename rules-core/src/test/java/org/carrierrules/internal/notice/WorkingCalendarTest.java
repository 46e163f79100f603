package org.carrierrules.internal.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.carrierrules.internal.policy.BundledPolicyFiles;
import org.carrierrules.notice.CalendarYearMissingException;
import org.carrierrules.notice.NoticePeriod;

/**
 * 公示5个工作日 (四(五)) on the bundled calendar. Every expected date is worked by hand from
 * shared/spec/holidays.md (the State Council's 2024 and 2025 arrangements), not taken from the code.
 */
class WorkingCalendarTest {
    private static final int NOTICE_DAYS = 5;
    private final WorkingCalendar calendar = BundledPolicyFiles.calendar();

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static List<LocalDate> days(String... iso) {
        return Arrays.stream(iso).map(LocalDate::parse).toList();
    }

    @Test
    void workedExampleOfHolidaysMdEndsOnTheEighteenth() {
        // Wed 09-11, Thu 09-12, Fri 09-13, Sat 09-14 (调休上班 for 中秋), 09-15..17 off, Wed 09-18.
        NoticePeriod period = calendar.noticePeriod(d("2024-09-11"), NOTICE_DAYS);
        assertEquals(new NoticePeriod(d("2024-09-11"), d("2024-09-18"),
                days("2024-09-11", "2024-09-12", "2024-09-13", "2024-09-14", "2024-09-18")), period);
    }

    @Test
    void periodCrossingNationalDay2024SkipsTheWeekOffAndCountsTheMakeUpSunday() {
        // Thu 09-26, Fri 09-27, Sat 09-28 (plain weekend), Sun 09-29 (调休上班), Mon 09-30, 10-01..07 off, Tue 10-08.
        NoticePeriod period = calendar.noticePeriod(d("2024-09-26"), NOTICE_DAYS);
        assertEquals(days("2024-09-26", "2024-09-27", "2024-09-29", "2024-09-30", "2024-10-08"), period.workingDays());
        assertEquals(d("2024-10-08"), period.end());
    }

    @Test
    void periodStartingOnAHolidayCountsFromTheNextWorkingDay() {
        // 10-01 is 国庆节; Tue 10-08 .. Fri 10-11, then Sat 10-12 (调休上班).
        NoticePeriod period = calendar.noticePeriod(d("2024-10-01"), NOTICE_DAYS);
        assertEquals(d("2024-10-01"), period.start());
        assertEquals(days("2024-10-08", "2024-10-09", "2024-10-10", "2024-10-11", "2024-10-12"), period.workingDays());
        assertEquals(d("2024-10-12"), period.end());
    }

    @Test
    void periodStartingOnAMakeUpSaturdayCountsThatSaturday() {
        // Sat 10-12 (调休上班), Sun 10-13 plain weekend, Mon 10-14 .. Thu 10-17.
        NoticePeriod period = calendar.noticePeriod(d("2024-10-12"), NOTICE_DAYS);
        assertEquals(days("2024-10-12", "2024-10-14", "2024-10-15", "2024-10-16", "2024-10-17"), period.workingDays());
    }

    @Test
    void periodStartingOnAPlainSaturdayCountsFromMonday() {
        // Sat 11-02 and Sun 11-03 are an ordinary weekend: Mon 11-04 .. Fri 11-08.
        NoticePeriod period = calendar.noticePeriod(d("2024-11-02"), NOTICE_DAYS);
        assertEquals(days("2024-11-04", "2024-11-05", "2024-11-06", "2024-11-07", "2024-11-08"), period.workingDays());
    }

    @Test
    void periodCrossingIntoTheNextYearUsesBothYearsFiles() {
        // Mon 12-30, Tue 12-31, 2025-01-01 元旦, Thu 01-02, Fri 01-03, weekend, Mon 01-06.
        NoticePeriod period = calendar.noticePeriod(d("2024-12-30"), NOTICE_DAYS);
        assertEquals(days("2024-12-30", "2024-12-31", "2025-01-02", "2025-01-03", "2025-01-06"), period.workingDays());
    }

    @Test
    void periodAroundSpringFestival2025() {
        // Fri 01-24, Sat 01-25 weekend, Sun 01-26 (调休上班), Mon 01-27, 01-28..02-04 off, Wed 02-05, Thu 02-06.
        NoticePeriod period = calendar.noticePeriod(d("2025-01-24"), NOTICE_DAYS);
        assertEquals(days("2025-01-24", "2025-01-26", "2025-01-27", "2025-02-05", "2025-02-06"), period.workingDays());
    }

    @Test
    void periodRunningInto2026NamesTheMissingYear() {
        // Mon 2025-12-29, Tue 12-30, Wed 12-31: the fourth day would be in 2026, which has no file.
        CalendarYearMissingException e = assertThrows(CalendarYearMissingException.class,
                () -> calendar.noticePeriod(d("2025-12-29"), NOTICE_DAYS));
        assertEquals(2026, e.year());
        assertEquals("日历缺少2026年的节假日安排数据，请在政策目录 calendar/ 下添加 2026.yaml", e.getMessage());
    }

    @Test
    void aHugeNumberOfDaysRunsOutOfCalendarNotOfMemory() {
        // It once sized its list for every day asked: notice-period --days 999999999 ran out of memory.
        CalendarYearMissingException e = assertThrows(CalendarYearMissingException.class,
                () -> calendar.noticePeriod(d("2024-09-02"), Integer.MAX_VALUE));
        assertEquals(2026, e.year());
    }

    @Test
    void aDateBeforeTheFirstYearIsNotGuessedEither() {
        CalendarYearMissingException e = assertThrows(CalendarYearMissingException.class,
                () -> calendar.isWorkingDay(d("2023-12-29")));
        assertEquals(2023, e.year());
    }

    @Test
    void holidaysJoinedToAWeekendAreDaysOffWithTheWeekend() {
        // 元旦 2024 and 端午 2024: 1月1日 / 6月10日放假，与周末连休.
        assertFalse(calendar.isWorkingDay(d("2024-01-01")));
        assertTrue(calendar.isWorkingDay(d("2024-01-02")));
        assertFalse(calendar.isWorkingDay(d("2024-06-08")));
        assertFalse(calendar.isWorkingDay(d("2024-06-09")));
        assertFalse(calendar.isWorkingDay(d("2024-06-10")));
        assertTrue(calendar.isWorkingDay(d("2024-06-11")));
    }

    @Test
    void nationalDayAndMidAutumn2025RunToTheEighth() {
        assertFalse(calendar.isWorkingDay(d("2025-10-08")));
        assertTrue(calendar.isWorkingDay(d("2025-10-09")));
        assertTrue(calendar.isWorkingDay(d("2025-10-11")));
        assertTrue(calendar.isWorkingDay(d("2025-09-28")));
    }

    /**
     * Every day of 2024 and 2025 against the tables of holidays.md, copied here by hand. The totals are
     * worked out by hand too: 2024 has 262 weekdays, 19 of them off, and 8 make-up days (251); 2025 has
     * 261 weekdays, 18 of them off, and 5 make-up days (248).
     */
    @Test
    void everyDayOf2024And2025AgreesWithTheStateCouncilTables() {
        Set<LocalDate> off = new HashSet<>();
        String[][] holidays = {
            {"2024-01-01", "2024-01-01"}, {"2024-02-10", "2024-02-17"}, {"2024-04-04", "2024-04-06"},
            {"2024-05-01", "2024-05-05"}, {"2024-06-10", "2024-06-10"}, {"2024-09-15", "2024-09-17"},
            {"2024-10-01", "2024-10-07"},
            {"2025-01-01", "2025-01-01"}, {"2025-01-28", "2025-02-04"}, {"2025-04-04", "2025-04-06"},
            {"2025-05-01", "2025-05-05"}, {"2025-05-31", "2025-06-02"}, {"2025-10-01", "2025-10-08"}};
        for (String[] holiday : holidays) {
            d(holiday[0]).datesUntil(d(holiday[1]).plusDays(1)).forEach(off::add);
        }
        Set<LocalDate> makeUp = Set.copyOf(days("2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28", "2024-05-11",
                "2024-09-14", "2024-09-29", "2024-10-12",
                "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"));
        List<LocalDate> disagreements = new ArrayList<>();
        int working2024 = 0;
        int working2025 = 0;
        for (LocalDate day = d("2024-01-01"); day.getYear() < 2026; day = day.plusDays(1)) {
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            boolean expected = makeUp.contains(day) || !weekend && !off.contains(day);
            boolean actual = calendar.isWorkingDay(day);
            if (actual != expected) {
                disagreements.add(day);
            }
            if (actual && day.getYear() == 2024) {
                working2024++;
            } else if (actual) {
                working2025++;
            }
        }
        assertEquals(List.of(), disagreements);
        assertEquals(251, working2024);
        assertEquals(248, working2025);
    }

    @Test
    void aCountBelowOneNamesTheParameter() {
        IllegalArgumentException n = assertThrows(IllegalArgumentException.class,
                () -> calendar.workingDaysFrom(d("2024-09-11"), 0));
        assertTrue(n.getMessage().startsWith("n（"), n.getMessage());
        IllegalArgumentException days = assertThrows(IllegalArgumentException.class,
                () -> calendar.noticePeriod(d("2024-09-11"), -1));
        assertTrue(days.getMessage().startsWith("days（"), days.getMessage());
    }

    @Test
    void workingDaysFromCountsTheStartWhenItIsAWorkingDay() {
        assertEquals(days("2024-09-13"), calendar.workingDaysFrom(d("2024-09-13"), 1));
        assertEquals(days("2024-09-18"), calendar.workingDaysFrom(d("2024-09-15"), 1));
    }
}

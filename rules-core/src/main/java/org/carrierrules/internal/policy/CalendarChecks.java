package org.carrierrules.internal.policy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonPointer;

import org.carrierrules.policy.PolicyProblem;

/**
 * What must hold of a year's holiday file before working days are counted from it (四(五)), once it is read
 * (every key known, every required key there, every date one that exists: {@link YamlData}): named after its
 * year, every date inside that year, every holiday ending no earlier than it starts, every make-up working day
 * on a weekend and not also a day off. Every problem is reported, not just the first, each at its line.
 */
public final class CalendarChecks {
    private static final JsonPointer YEAR = JsonPointer.compile("/year");
    private static final JsonPointer HOLIDAYS = JsonPointer.compile("/holidays");
    private static final JsonPointer MAKE_UP_DAYS = JsonPointer.compile("/makeUpWorkingDays");

    private CalendarChecks() {
    }

    /**
     * The file read and checked, or null, with the problems added, when it is not even well formed: a key
     * unknown, missing or written twice, a value of the wrong type, a date that does not exist. Those are all
     * listed at once; the checks of what the dates mean follow only when there are none, since a misspelled key
     * would otherwise also show as a missing one.
     */
    public static CalendarYearFile read(String path, byte[] bytes, List<PolicyProblem> problems) {
        YamlData.Located<CalendarYearFile> file = YamlData.located(path, bytes, CalendarYearFile.class, problems);
        if (file == null) {
            return null;
        }
        int problemsBefore = problems.size();
        check(path, file.content(), file.problems());
        return problems.size() == problemsBefore ? file.content() : null;
    }

    static void check(String path, CalendarYearFile file, FileProblems p) {
        String fileName = path.substring(path.lastIndexOf('/') + 1);
        CalendarYearFile checked = file;
        if (!fileName.equals(file.year() + ".yaml")) {
            if (datesAllIn(file, yearOf(fileName))) {
                p.add(YEAR, "year（" + file.year() + "）与文件名 " + fileName + " 不一致，而文件中的日期都在" + yearOf(fileName)
                        + "年：请把 year 改为 " + yearOf(fileName));
            } else {
                p.add(YEAR, "文件名 " + fileName + " 与其中的 year（" + file.year() + "）不一致：每个文件只写一年的安排，文件名即该年份，"
                        + "如 year: " + file.year() + " 应写在 calendar/" + file.year() + ".yaml 中");
            }
            // One problem, not one per date: until the year is settled, no date can be said to be outside it.
            checked = new CalendarYearFile(null, file.reference(), file.holidays(), file.makeUpWorkingDays());
        }
        checkHolidays(checked, p);
        checkMakeUpDays(checked, p);
    }

    /** Whether every date the file gives lies in {@code year} (the year its name promises). */
    private static boolean datesAllIn(CalendarYearFile file, String year) {
        List<LocalDate> dates = new ArrayList<>();
        file.holidays().stream().filter(Objects::nonNull).forEach(h -> {
            dates.add(h.from());
            dates.add(h.to());
        });
        dates.addAll(file.makeUpWorkingDays());
        return !dates.isEmpty() && dates.stream().allMatch(d -> d != null && String.valueOf(d.getYear()).equals(year));
    }

    /** The year a file's name promises. */
    private static String yearOf(String fileName) {
        return fileName.endsWith(".yaml") ? fileName.substring(0, fileName.length() - ".yaml".length()) : fileName;
    }

    private static void checkHolidays(CalendarYearFile file, FileProblems p) {
        for (int i = 0; i < file.holidays().size(); i++) {
            CalendarYearFile.Holiday holiday = file.holidays().get(i);
            JsonPointer at = HOLIDAYS.appendIndex(i);
            if (holiday == null) {
                p.add(at, "holidays[" + i + "] 是空的，请写明 name、from 和 to");
                continue;
            }
            String where = "holidays[" + i + "]（" + holiday.name() + "）";
            inYear(holiday.from(), file, where + " 的 from", at.appendProperty("from"), p);
            inYear(holiday.to(), file, where + " 的 to", at.appendProperty("to"), p);
            if (holiday.from().isAfter(holiday.to())) {
                p.add(at, where + " 的开始日期 from（" + holiday.from() + "）晚于结束日期 to（" + holiday.to()
                        + "），请检查两个日期是否写反");
            }
        }
    }

    private static void checkMakeUpDays(CalendarYearFile file, FileProblems p) {
        for (int i = 0; i < file.makeUpWorkingDays().size(); i++) {
            LocalDate day = file.makeUpWorkingDays().get(i);
            String where = "makeUpWorkingDays[" + i + "]";
            JsonPointer at = MAKE_UP_DAYS.appendIndex(i);
            if (day == null) {
                p.add(at, where + " 是空的，请写一个日期（格式如 2024-09-14）");
                continue;
            }
            inYear(day, file, "调休上班日 " + where, at, p);
            DayOfWeek weekday = day.getDayOfWeek();
            if (weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY) {
                p.add(at, "调休上班日 " + day + "（" + where + "）是" + weekday.getDisplayName(TextStyle.FULL, Locale.CHINA)
                        + "，不是周六或周日：调休上班只安排在周末，工作日本来就上班，请核对通知原文");
            }
            CalendarYearFile.Holiday holiday = holidayOn(day, file);
            if (holiday != null) {
                p.add(at, "调休上班日 " + day + "（" + where + "）落在放假日 " + holiday.name() + "（" + holiday.from() + "至"
                        + holiday.to() + "）之内：同一天不能既放假又上班，请核对通知原文");
            }
        }
    }

    private static CalendarYearFile.Holiday holidayOn(LocalDate day, CalendarYearFile file) {
        for (CalendarYearFile.Holiday holiday : file.holidays()) {
            if (holiday != null && !day.isBefore(holiday.from()) && !day.isAfter(holiday.to())) {
                return holiday;
            }
        }
        return null;
    }

    /** A date outside the file's year would make a year look covered that has no file of its own. */
    private static void inYear(LocalDate day, CalendarYearFile file, String where, JsonPointer at, FileProblems p) {
        if (file.year() != null && day.getYear() != file.year()) {
            p.add(at, where + " " + day + " 不在 " + file.year() + " 年内：本文件只能写 " + file.year()
                    + " 年的日期，其他年份的放假或调休请写入该年份的文件");
        }
    }
}

package org.carrierrules.internal.notice;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.carrierrules.internal.policy.CalendarChecks;
import org.carrierrules.internal.policy.CalendarYearFile;
import org.carrierrules.internal.policy.PolicyFiles;
import org.carrierrules.notice.CalendarYearMissingException;
import org.carrierrules.notice.NoticePeriod;
import org.carrierrules.policy.PolicyProblem;

/**
 * Working days as the notice counts them (四(五): 公示5个工作日): Monday to Friday, less the official
 * holidays, plus the weekend days worked instead (调休上班), from the policy's {@code calendar/} files,
 * one a year. A date in a year without a file is an error naming that year, never a guess.
 * Immutable and safe to share between threads.
 */
public final class WorkingCalendar {
    private final Set<Integer> years;
    private final Set<LocalDate> daysOff;
    private final Set<LocalDate> makeUpWorkingDays;

    WorkingCalendar(List<CalendarYearFile> yearFiles) {
        Set<Integer> coveredYears = new HashSet<>();
        Set<LocalDate> off = new HashSet<>();
        Set<LocalDate> makeUp = new HashSet<>();
        for (CalendarYearFile file : yearFiles) {
            coveredYears.add(file.year());
            for (CalendarYearFile.Holiday holiday : file.holidays()) {
                holiday.from().datesUntil(holiday.to().plusDays(1)).forEach(off::add);
            }
            makeUp.addAll(file.makeUpWorkingDays());
        }
        this.years = Set.copyOf(coveredYears);
        this.daysOff = Set.copyOf(off);
        this.makeUpWorkingDays = Set.copyOf(makeUp);
    }

    /**
     * The calendar of a policy directory: every {@code calendar/*.yaml}, read and checked. Returns null,
     * with the problems added, when a file is wrong or there is none.
     */
    public static WorkingCalendar read(PolicyFiles files, List<PolicyProblem> problems) {
        if (files.calendar().isEmpty()) {
            problems.add(new PolicyProblem("calendar/", 0,
                    "缺少节假日安排：公示期按工作日计算（通知 四(五)），请在 calendar/ 下为每个年度添加一个文件，如 2024.yaml"));
            return null;
        }
        int problemsBefore = problems.size();
        List<CalendarYearFile> yearFiles = new ArrayList<>();
        for (String path : files.calendar().keySet()) {
            CalendarYearFile file = CalendarChecks.read(path, files.bytes(path), problems);
            if (file != null) {
                yearFiles.add(file);
            }
        }
        return problems.size() == problemsBefore ? new WorkingCalendar(yearFiles) : null;
    }

    /**
     * Whether {@code date} is a working day.
     *
     * @throws CalendarYearMissingException when the calendar has no data for the date's year
     */
    public boolean isWorkingDay(LocalDate date) {
        Objects.requireNonNull(date, "date");
        if (!years.contains(date.getYear())) {
            throw new CalendarYearMissingException(date.getYear());
        }
        if (daysOff.contains(date)) {
            return false;
        }
        if (makeUpWorkingDays.contains(date)) {
            return true;
        }
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /**
     * The first {@code n} working days from {@code start}: {@code start} is the first when it is a
     * working day, else counting begins with the next working day.
     *
     * @throws IllegalArgumentException     when {@code n} is less than 1
     * @throws CalendarYearMissingException when the count reaches a year without data
     */
    public List<LocalDate> workingDaysFrom(LocalDate start, int n) {
        return count(start, n, "n");
    }

    /**
     * The notice period of {@code days} working days beginning on {@code start} (四(五): 公示5个工作日).
     *
     * @throws IllegalArgumentException     when {@code days} is less than 1
     * @throws CalendarYearMissingException when the period reaches a year without data
     */
    public NoticePeriod noticePeriod(LocalDate start, int days) {
        List<LocalDate> workingDays = count(start, days, "days");
        return new NoticePeriod(start, workingDays.get(workingDays.size() - 1), workingDays);
    }

    private List<LocalDate> count(LocalDate start, int n, String parameter) {
        Objects.requireNonNull(start, "start");
        if (n < 1) {
            throw new IllegalArgumentException(parameter + "（要计算的工作日天数）应至少为1，实为" + n);
        }
        // Grown as days are found, not sized for n up front: a huge n reaches a year without calendar data long
        // before it would fill the memory it asked for.
        List<LocalDate> workingDays = new ArrayList<>(Math.min(n, 32));
        for (LocalDate day = start; workingDays.size() < n; day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                workingDays.add(day);
            }
        }
        return List.copyOf(workingDays);
    }
}

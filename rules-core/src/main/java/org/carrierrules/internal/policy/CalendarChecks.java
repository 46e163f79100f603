package org.carrierrules.internal.policy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;

import org.carrierrules.policy.PolicyProblem;
import org.carrierrules.internal.tree.KeyPath;
import org.carrierrules.internal.tree.Shape;

/**
 * What must hold of a year's holiday file before working days are counted from it (四(五)): every key
 * known, every date one that exists ({@code 2024-02-30} does not), named after its year, every date inside
 * that year, every holiday ending no earlier than it starts, every make-up working day on a weekend and not
 * also a day off. Every problem is reported, not just the first, each at its line where it has one.
 */
public final class CalendarChecks {
    private static final Shape SHAPE = Shape.of(CalendarYearFile.class);
    private static final JsonPointer HOLIDAYS = JsonPointer.compile("/holidays");
    private static final JsonPointer MAKE_UP_DAYS = JsonPointer.compile("/makeUpWorkingDays");

    private CalendarChecks() {
    }

    /**
     * The file read and checked, or null, with the problems added, when it is not even well formed: a key
     * unknown or written twice, a value of the wrong type, a date that does not exist. Those are all listed
     * at once; the checks of what the dates mean follow only when there are none, since a misspelled key
     * would otherwise also show as a missing one.
     */
    public static CalendarYearFile read(String path, byte[] bytes, List<PolicyProblem> problems) {
        List<PolicyProblem> malformed = new ArrayList<>();
        LocatedTree tree = LocatedTree.read(path, bytes, malformed);
        if (tree == null) {
            problems.addAll(malformed);
            return null;
        }
        if (tree.root().isMissingNode() || tree.root().isNull()) {
            problems.add(new PolicyProblem(path, 0, "文件是空的"));
            return null;
        }
        for (Shape.Mismatch m : Shape.check(SHAPE, tree.root(), List.of())) {
            malformed.add(new PolicyProblem(path, m.at().isEmpty() ? 0 : tree.line(KeyPath.pointer(JsonPointer.empty(), m.at())),
                    m.message()));
        }
        if (!malformed.isEmpty()) {
            // In the order of the lines: a key written twice is found before the rest, while reading.
            malformed.sort(Comparator.comparingInt(PolicyProblem::line));
            problems.addAll(malformed);
            return null;
        }
        CalendarYearFile file;
        try {
            file = YamlData.mapper().treeToValue(tree.root(), CalendarYearFile.class);
        } catch (JsonProcessingException e) {
            // The shape above is the record's: were Jackson to refuse the tree all the same, it says why.
            problems.add(new PolicyProblem(path, 0, YamlData.describe(e)));
            return null;
        }
        check(path, file, tree, problems);
        return file;
    }

    static void check(String path, CalendarYearFile file, LocatedTree tree, List<PolicyProblem> problems) {
        FileProblems p = new FileProblems(path, tree, problems);
        String fileName = path.substring(path.lastIndexOf('/') + 1);
        CalendarYearFile checked = file;
        if (file.year() == null) {
            p.add("缺少 year（本文件所属的年份，如 year: " + yearOf(fileName) + "）");
        } else if (!fileName.equals(file.year() + ".yaml")) {
            if (datesAllIn(file, yearOf(fileName))) {
                p.add("year（" + file.year() + "）与文件名 " + fileName + " 不一致，而文件中的日期都在" + yearOf(fileName)
                        + "年：请把 year 改为 " + yearOf(fileName));
            } else {
                p.add("文件名 " + fileName + " 与其中的 year（" + file.year() + "）不一致：每个文件只写一年的安排，文件名即该年份，"
                        + "如 year: " + file.year() + " 应写在 calendar/" + file.year() + ".yaml 中");
            }
            // One problem, not one per date: until the year is settled, no date can be said to be outside it.
            checked = new CalendarYearFile(null, file.reference(), file.holidays(), file.makeUpWorkingDays());
        }
        if (file.reference() == null || file.reference().isBlank()) {
            p.add("缺少 reference（国务院办公厅节假日安排通知的名称、文号和日期）");
        }
        if (checked.holidays() == null) {
            p.add("缺少 holidays（本年度的放假安排）");
        } else {
            checkHolidays(checked, p);
        }
        if (checked.makeUpWorkingDays() == null) {
            p.add("缺少 makeUpWorkingDays（调休上班日；没有调休时写 makeUpWorkingDays: []）");
        } else {
            checkMakeUpDays(checked, p);
        }
    }

    /** Whether every date the file gives lies in {@code year} (the year its name promises). */
    private static boolean datesAllIn(CalendarYearFile file, String year) {
        List<LocalDate> dates = new ArrayList<>();
        if (file.holidays() != null) {
            file.holidays().stream().filter(Objects::nonNull).forEach(h -> {
                dates.add(h.from());
                dates.add(h.to());
            });
        }
        if (file.makeUpWorkingDays() != null) {
            dates.addAll(file.makeUpWorkingDays());
        }
        return !dates.isEmpty() && dates.stream().allMatch(d -> d != null && String.valueOf(d.getYear()).equals(year));
    }

    /** The year a file's name promises, for the hint when the key is missing. */
    private static String yearOf(String fileName) {
        return fileName.endsWith(".yaml") ? fileName.substring(0, fileName.length() - ".yaml".length()) : fileName;
    }

    private static void checkHolidays(CalendarYearFile file, FileProblems p) {
        for (int i = 0; i < file.holidays().size(); i++) {
            CalendarYearFile.Holiday holiday = file.holidays().get(i);
            String key = "holidays[" + i + "]";
            FileProblems at = p.at(HOLIDAYS.appendIndex(i));
            if (holiday == null) {
                at.add(key + " 是空的，请写明 name、from 和 to");
                continue;
            }
            String where = key;
            if (holiday.name() == null || holiday.name().isBlank()) {
                at.add("缺少 " + key + ".name（节日名称，如 国庆节）");
            } else {
                where = key + "（" + holiday.name() + "）";
            }
            boolean from = present(holiday.from(), where + " 缺少 from（放假的第一天）", at);
            boolean to = present(holiday.to(), where + " 缺少 to（放假的最后一天）", at);
            if (from) {
                inYear(holiday.from(), file, where + " 的 from", p.at(HOLIDAYS.appendIndex(i).appendProperty("from")));
            }
            if (to) {
                inYear(holiday.to(), file, where + " 的 to", p.at(HOLIDAYS.appendIndex(i).appendProperty("to")));
            }
            if (from && to && holiday.from().isAfter(holiday.to())) {
                at.add(where + " 的开始日期 from（" + holiday.from() + "）晚于结束日期 to（" + holiday.to()
                        + "），请检查两个日期是否写反");
            }
        }
    }

    private static void checkMakeUpDays(CalendarYearFile file, FileProblems p) {
        for (int i = 0; i < file.makeUpWorkingDays().size(); i++) {
            LocalDate day = file.makeUpWorkingDays().get(i);
            String where = "makeUpWorkingDays[" + i + "]";
            FileProblems at = p.at(MAKE_UP_DAYS.appendIndex(i));
            if (!present(day, where + " 是空的，请写一个日期（格式如 2024-09-14）", at)) {
                continue;
            }
            inYear(day, file, "调休上班日 " + where, at);
            DayOfWeek weekday = day.getDayOfWeek();
            if (weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY) {
                at.add("调休上班日 " + day + "（" + where + "）是" + weekday.getDisplayName(TextStyle.FULL, Locale.CHINA)
                        + "，不是周六或周日：调休上班只安排在周末，工作日本来就上班，请核对通知原文");
            }
            CalendarYearFile.Holiday holiday = holidayOn(day, file);
            if (holiday != null) {
                at.add("调休上班日 " + day + "（" + where + "）落在放假日 " + holiday.name() + "（" + holiday.from() + "至"
                        + holiday.to() + "）之内：同一天不能既放假又上班，请核对通知原文");
            }
        }
    }

    private static CalendarYearFile.Holiday holidayOn(LocalDate day, CalendarYearFile file) {
        if (file.holidays() == null) {
            return null;
        }
        for (CalendarYearFile.Holiday holiday : file.holidays()) {
            if (holiday != null && holiday.from() != null && holiday.to() != null
                    && !day.isBefore(holiday.from()) && !day.isAfter(holiday.to())) {
                return holiday;
            }
        }
        return null;
    }

    /** A date outside the file's year would make a year look covered that has no file of its own. */
    private static void inYear(LocalDate day, CalendarYearFile file, String where, FileProblems p) {
        if (file.year() != null && day.getYear() != file.year()) {
            p.add(where + " " + day + " 不在 " + file.year() + " 年内：本文件只能写 " + file.year()
                    + " 年的日期，其他年份的放假或调休请写入该年份的文件");
        }
    }

    private static boolean present(Object value, String problem, FileProblems p) {
        if (value == null) {
            p.add(problem);
            return false;
        }
        return true;
    }

    /**
     * Adds problems about one file: about the file as a whole (line 0: a key missing, the year against the
     * file's name), or, once {@link #at} a place, at that place's line.
     */
    private record FileProblems(String file, LocatedTree tree, List<PolicyProblem> list, JsonPointer place) {
        FileProblems(String file, LocatedTree tree, List<PolicyProblem> list) {
            this(file, tree, list, null);
        }

        FileProblems at(JsonPointer place) {
            return new FileProblems(file, tree, list, place);
        }

        void add(String message) {
            list.add(new PolicyProblem(file, place == null ? 0 : tree.line(place), message));
        }
    }
}

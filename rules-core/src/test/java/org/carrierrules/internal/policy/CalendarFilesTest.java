package org.carrierrules.internal.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.carrierrules.internal.notice.WorkingCalendar;
import org.carrierrules.policy.PolicyProblem;

/** The holiday files of a policy directory: what is read, and what a policy officer is told when one is wrong. */
class CalendarFilesTest {
    /** Its holiday is on line 4, its make-up working days on line 5. */
    private static final String GOOD_2024 = """
            year: 2024
            reference: 国办发明电〔2023〕7号
            holidays:
              - {name: 国庆节, from: 2024-10-01, to: 2024-10-07}
            makeUpWorkingDays: [2024-09-29, 2024-10-12]
            """;

    @TempDir
    Path directory;

    private void write(String relative, String content) throws IOException {
        Path file = directory.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private List<PolicyProblem> problemsOf(String relative, String content) throws IOException {
        write(relative, content);
        List<PolicyProblem> problems = new ArrayList<>();
        assertNull(WorkingCalendar.read(PolicyFiles.read(directory, "test"), problems));
        return problems;
    }

    private static void assertProblem(List<PolicyProblem> problems, String file, int line, String message) {
        assertTrue(problems.contains(new PolicyProblem(file, line, message)), () -> "expected “" + message + "” among " + problems);
    }

    @Test
    void bundledCalendarFilesAreReadAndFingerprinted() {
        PolicyFiles files = BundledPolicyFiles.read();
        assertEquals(List.of("calendar/2024.yaml", "calendar/2025.yaml"), List.copyOf(files.calendar().keySet()));
        assertTrue(files.contains("calendar/2024.yaml"));
    }

    @Test
    void onlyYamlFilesDirectlyInTheCalendarFolderDecide() throws IOException {
        write("calendar/2024.yaml", GOOD_2024);
        write("calendar/说明.txt", "备注");
        write("calendar/old/2023.yaml", GOOD_2024);
        write("calendar/.2024.yaml.swp", "");
        assertEquals(List.of("calendar/2024.yaml"), List.copyOf(PolicyFiles.read(directory, "test").calendar().keySet()));
    }

    @Test
    void aFileNamedForAnotherYearIsAProblem() throws IOException {
        List<PolicyProblem> problems = problemsOf("calendar/2025.yaml", GOOD_2024);
        assertEquals(List.of(new PolicyProblem("calendar/2025.yaml", 1,
                "文件名 2025.yaml 与其中的 year（2024）不一致：每个文件只写一年的安排，文件名即该年份，"
                        + "如 year: 2024 应写在 calendar/2024.yaml 中")), problems);
    }

    @Test
    void aMakeUpDayOnAWeekdayIsAProblem() throws IOException {
        List<PolicyProblem> problems = problemsOf("calendar/2024.yaml", GOOD_2024.replace("2024-09-29", "2024-09-30"));
        assertEquals(List.of(new PolicyProblem("calendar/2024.yaml", 5,
                "调休上班日 2024-09-30（makeUpWorkingDays[0]）是星期一，不是周六或周日：调休上班只安排在周末，工作日本来就上班，请核对通知原文")),
                problems);
    }

    @Test
    void aMakeUpDayInsideAHolidayIsAProblem() throws IOException {
        // 2024-10-05 is a Saturday inside 国庆节.
        List<PolicyProblem> problems = problemsOf("calendar/2024.yaml", GOOD_2024.replace("2024-10-12", "2024-10-05"));
        assertEquals(List.of(new PolicyProblem("calendar/2024.yaml", 5,
                "调休上班日 2024-10-05（makeUpWorkingDays[1]）落在放假日 国庆节（2024-10-01至2024-10-07）之内：同一天不能既放假又上班，请核对通知原文")),
                problems);
    }

    @Test
    void aHolidayEndingBeforeItStartsIsAProblem() throws IOException {
        List<PolicyProblem> problems = problemsOf("calendar/2024.yaml", """
                year: 2024
                reference: 国办发明电〔2023〕7号
                holidays:
                  - {name: 清明节, from: 2024-04-06, to: 2024-04-04}
                makeUpWorkingDays: []
                """);
        assertEquals(List.of(new PolicyProblem("calendar/2024.yaml", 4,
                "holidays[0]（清明节） 的开始日期 from（2024-04-06）晚于结束日期 to（2024-04-04），请检查两个日期是否写反")), problems);
    }

    @Test
    void aDateOfAnotherYearIsAProblem() throws IOException {
        // Copying last year's file and forgetting one date is the likely slip.
        List<PolicyProblem> problems = problemsOf("calendar/2024.yaml", GOOD_2024.replace("2024-10-12", "2025-10-11"));
        assertProblem(problems, "calendar/2024.yaml", 5,
                "调休上班日 makeUpWorkingDays[1] 2025-10-11 不在 2024 年内：本文件只能写 2024 年的日期，其他年份的放假或调休请写入该年份的文件");
    }

    @Test
    void missingKeysAreEachReported() throws IOException {
        List<PolicyProblem> problems = problemsOf("calendar/2024.yaml", """
                holidays:
                  - {from: 2024-10-01}
                """);
        assertEquals(List.of(
                // The keys missing from the file's top are told at its first line; those of the holiday, at the holiday.
                new PolicyProblem("calendar/2024.yaml", 1, "缺少 year（本文件所属的年份，与文件名相同，如 calendar/2024.yaml 中写 year: 2024）"),
                new PolicyProblem("calendar/2024.yaml", 1, "缺少 reference（国务院办公厅节假日安排通知的名称、文号和日期）"),
                new PolicyProblem("calendar/2024.yaml", 1, "缺少 makeUpWorkingDays（调休上班日；没有调休时写 makeUpWorkingDays: []）"),
                new PolicyProblem("calendar/2024.yaml", 2, "缺少 holidays[0].name（节日名称，如 国庆节）"),
                new PolicyProblem("calendar/2024.yaml", 2, "缺少 holidays[0].to（放假的最后一天）")),
                problems);
    }

    @Test
    void aMisspelledKeyIsReportedNotIgnored() throws IOException {
        List<PolicyProblem> problems = problemsOf("calendar/2024.yaml", GOOD_2024.replace("reference", "refrence"));
        assertEquals(1, problems.size(), problems::toString);
        assertEquals("calendar/2024.yaml", problems.get(0).file());
        assertTrue(problems.get(0).message().startsWith("不认识的键“refrence”"), problems::toString);
    }

    @Test
    void everyDateThatDoesNotExistIsAProblemAtItsLine() throws IOException {
        List<PolicyProblem> problems = problemsOf("calendar/2024.yaml", """
                year: 2024
                reference: 国办发明电〔2023〕7号
                holidays:
                  - {name: 春节, from: 2024-02-10, to: 2024-02-30}
                  - {name: 国庆节, from: 2024-13-01, to: 2024-10-07}
                makeUpWorkingDays:
                  - 2023-02-29
                  - 2024-09-29
                """);
        assertEquals(List.of(
                new PolicyProblem("calendar/2024.yaml", 4, "“holidays[0].to”的值“2024-02-30”不是真实存在的日期：2024年2月只有29天"),
                new PolicyProblem("calendar/2024.yaml", 5, "“holidays[1].from”的值“2024-13-01”不是真实存在的日期：月份应为 01 至 12"),
                new PolicyProblem("calendar/2024.yaml", 7,
                        "“makeUpWorkingDays[0]”的值“2023-02-29”不是真实存在的日期：2023年不是闰年，2月只有28天")), problems);
    }

    @Test
    void everyMisspelledOrRepeatedKeyIsReportedAtItsLine() throws IOException {
        List<PolicyProblem> problems = problemsOf("calendar/2024.yaml", """
                year: 2024
                refrence: 国办发明电〔2023〕7号
                holidays:
                  - {name: 国庆节, form: 2024-10-01, to: 2024-10-07}
                makeUpWorkingDays: [2024-09-29]
                makeUpWorkingDays: [2024-10-12]
                """);
        assertEquals(List.of(
                new PolicyProblem("calendar/2024.yaml", 2,
                        "不认识的键“refrence”，可用的键为：holidays、makeUpWorkingDays、reference、year（是否拼写有误？）"),
                new PolicyProblem("calendar/2024.yaml", 4, "不认识的键“holidays[0].form”，可用的键为：from、name、to（是否拼写有误？）"),
                new PolicyProblem("calendar/2024.yaml", 6, "键“makeUpWorkingDays”重复（第5行已写过同一个键）：后写的值会覆盖先写的，请删去或合并其中一个")),
                problems);
    }

    @Test
    void aFileOfCommentsOnlyIsAProblem() throws IOException {
        assertEquals(List.of(new PolicyProblem("calendar/2024.yaml", 0, "文件是空的")),
                problemsOf("calendar/2024.yaml", "# 2024年节假日安排：待国务院办公厅公布后填写\n"));
    }

    @Test
    void aDirectoryWithoutHolidayFilesIsAProblem() {
        List<PolicyProblem> problems = new ArrayList<>();
        assertNull(WorkingCalendar.read(PolicyFiles.read(directory, "test"), problems));
        assertEquals(List.of(new PolicyProblem("calendar/", 0,
                "缺少节假日安排：公示期按工作日计算（通知 四(五)），请在 calendar/ 下为每个年度添加一个文件，如 2024.yaml")), problems);
    }

    @Test
    void problemsFoundEarlierByTheLoaderDoNotSpoilAGoodCalendar() throws IOException {
        write("calendar/2024.yaml", GOOD_2024);
        List<PolicyProblem> problems = new ArrayList<>(List.of(new PolicyProblem("round.yaml", 0, "其他文件的问题")));
        WorkingCalendar calendar = WorkingCalendar.read(PolicyFiles.read(directory, "test"), problems);
        assertFalse(calendar.isWorkingDay(LocalDate.parse("2024-10-07")));
        assertEquals(1, problems.size());
    }
}

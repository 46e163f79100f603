package org.carrierrules.internal.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.carrierrules.internal.facts.Rubric;
import org.carrierrules.internal.facts.Rubrics;
import org.carrierrules.policy.PolicyProblem;

/** The bundled (illustrative) rubric of 四(四) 评审打分, and what a policy officer is told when a rubric is wrong. */
class RubricTest {
    private static final String FILE = "rubric.yaml";
    private static final String GOOD = """
            status: ILLUSTRATIVE
            reference: 四(四) 评审；附件2（未提供，示例）
            total: 100
            passingScore: 60
            trimAboveExperts: 5
            items:
              - {code: FOUNDATION, name: 基础条件, max: 20}
              - {code: FACULTY, name: 师资力量, max: 20}
              - {code: TRAINING_PERFORMANCE, name: 培训业绩, max: 25}
              - {code: INDUSTRY_FIT, name: 产业契合度, max: 15}
              - {code: MANAGEMENT, name: 管理制度, max: 10}
              - {code: PLAN, name: 建设方案与示范效应, max: 10}
            """;

    @TempDir
    Path directory;

    private List<PolicyProblem> problemsOf(String content) throws IOException {
        Files.writeString(directory.resolve(FILE), content, StandardCharsets.UTF_8);
        List<PolicyProblem> problems = new ArrayList<>();
        assertNull(Rubrics.read(PolicyFiles.read(directory, "test"), null, problems));
        return problems;
    }

    /** A problem at a line of {@link #GOOD}: status on line 1, total on 3, the items from 7. */
    private static PolicyProblem problem(int line, String message) {
        return new PolicyProblem(FILE, line, message);
    }

    @Test
    void bundledRubricIsTheIllustrativeOneOfTheContract() {
        assertTrue(BundledPolicyFiles.rubrics().illustrative());
        Rubric rubric = BundledPolicyFiles.rubric();
        assertEquals(new BigDecimal("100"), rubric.total());
        assertEquals(new BigDecimal("60"), rubric.passingScore());
        assertEquals(5, rubric.minExpertsForTrimming());
        assertEquals(List.of(
                new Rubric.Item("FOUNDATION", "基础条件", new BigDecimal("20")),
                new Rubric.Item("FACULTY", "师资力量", new BigDecimal("20")),
                new Rubric.Item("TRAINING_PERFORMANCE", "培训业绩", new BigDecimal("25")),
                new Rubric.Item("INDUSTRY_FIT", "产业契合度", new BigDecimal("15")),
                new Rubric.Item("MANAGEMENT", "管理制度", new BigDecimal("10")),
                new Rubric.Item("PLAN", "建设方案与示范效应", new BigDecimal("10"))), rubric.items());
    }

    @Test
    void maximumsNotAddingUpToTheTotalAreAProblem() throws IOException {
        assertEquals(List.of(problem(3, "各评分项满分之和（105）不等于满分 total（100），请核对各项分值")),
                problemsOf(GOOD.replace("name: 培训业绩, max: 25", "name: 培训业绩, max: 30")));
    }

    @Test
    void aPassingScoreAboveTheTotalIsAProblem() throws IOException {
        assertEquals(List.of(problem(4, "passingScore（合格分）160 应在0至满分（100）之间")),
                problemsOf(GOOD.replace("passingScore: 60", "passingScore: 160")));
    }

    @Test
    void aNegativePassingScoreIsAProblem() throws IOException {
        assertEquals(List.of(problem(4, "passingScore（合格分）-1 应在0至满分（100）之间")),
                problemsOf(GOOD.replace("passingScore: 60", "passingScore: -1")));
    }

    @Test
    void aRepeatedItemCodeIsAProblem() throws IOException {
        assertEquals(List.of(problem(12, "评分项代码 FACULTY 重复出现（items[5]）：每个评分项只能列一次")),
                problemsOf(GOOD.replace("code: PLAN", "code: FACULTY")));
    }

    @Test
    void trimmingWithTooFewExpertsIsAProblem() throws IOException {
        assertEquals(List.of(problem(5, "trimAboveExperts 应至少为3，实为2：去掉一个最高分和一个最低分后须至少剩下一个分数")),
                problemsOf(GOOD.replace("trimAboveExperts: 5", "trimAboveExperts: 2")));
    }

    @Test
    void anItemWithoutMaximumOrNameIsAProblem() throws IOException {
        assertEquals(List.of(problem(8, "缺少 items[1].name（评分项名称，如 师资力量）"), problem(8, "缺少 items[1].max（该项满分）")),
                problemsOf(GOOD.replace("{code: FACULTY, name: 师资力量, max: 20}", "{code: FACULTY}")));
    }

    @Test
    void aFullWidthColonInsideBracesIsNamedNotTakenForAnotherKey() throws IOException {
        assertEquals(List.of(problem(8, "键“code”后面的冒号是全角“：”，请改为半角“:”（冒号后再空一格）")),
                problemsOf(GOOD.replace("{code: FACULTY,", "{code：FACULTY,")));
    }

    @Test
    void missingKeysAreEachReported() throws IOException {
        assertEquals(List.of(
                problem(1, "缺少 status（OFFICIAL 或 ILLUSTRATIVE）"),
                problem(1, "缺少 reference（评分细则的出处）"),
                problem(1, "缺少 total（满分）"),
                problem(1, "缺少 passingScore（合格分）"),
                problem(1, "缺少 trimAboveExperts（专家人数达到多少时去掉一个最高分和一个最低分）"),
                problem(1, "缺少 items（评分项目）")), problemsOf("items:\n"));
    }

    @Test
    void aRubricWithoutItemsIsAProblem() throws IOException {
        String items = GOOD.substring(GOOD.indexOf("items:"));
        assertEquals(List.of(problem(6, "缺少 items（评分项目）")), problemsOf(GOOD.replace(items, "items: []\n")));
    }

    @Test
    void aMissingRubricFileIsAProblem() {
        List<PolicyProblem> problems = new ArrayList<>();
        assertNull(Rubrics.read(PolicyFiles.read(directory, "test"), null, problems));
        assertEquals(List.of(new PolicyProblem(FILE, 0, "缺少此文件")), problems);
    }
}

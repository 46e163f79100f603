package org.carrierrules.internal.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.carrierrules.CarrierType;
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

    /**
     * Tables of their own for two types, after {@link #GOOD}: byCarrierType on line 13, 高技能人才培训基地 on 14 with
     * only its passing score, 技能大师工作室 on 16 with passing score (17), trimming (18) and items (19, from 20).
     */
    private static final String BY_TYPE = GOOD + """
            byCarrierType:
              HIGH_SKILL_TRAINING_BASE:
                passingScore: 65
              SKILL_MASTER_STUDIO:
                passingScore: 70
                trimAboveExperts: 3
                items:
                  - {code: MASTER_SKILL, name: 大师技艺水平, max: 30}
                  - {code: INHERITANCE, name: 技艺传承与带徒, max: 30}
                  - {code: TECHNICAL_BREAKTHROUGH, name: 技术攻关成果, max: 20}
                  - {code: PLAN, name: 建设方案与示范效应, max: 20}
            """;
    private static final String COMMON_ITEMS = GOOD.substring(GOOD.indexOf("items:"));

    @TempDir
    Path directory;

    private List<PolicyProblem> problemsOf(String content) throws IOException {
        List<PolicyProblem> problems = new ArrayList<>();
        assertNull(read(content, null, problems));
        return problems;
    }

    /** The problems of a rubric checked against the bundled round with {@code from} in its round.yaml replaced by {@code to}. */
    private List<PolicyProblem> problemsWithRound(String content, String from, String to) throws IOException {
        List<PolicyProblem> problems = new ArrayList<>();
        Rubrics rubrics = read(content, round(from, to), problems);
        assertEquals(problems.isEmpty(), rubrics != null, problems::toString);
        return problems;
    }

    private Rubrics read(String content, RoundFile round, List<PolicyProblem> problems) throws IOException {
        Files.writeString(directory.resolve(FILE), content, StandardCharsets.UTF_8);
        return Rubrics.read(PolicyFiles.read(directory, "test"), round, problems);
    }

    private static RoundFile round(String from, String to) {
        String round = new String(BundledPolicyFiles.read().bytes("round.yaml"), StandardCharsets.UTF_8);
        assertTrue(round.contains(from), from);
        List<PolicyProblem> problems = new ArrayList<>();
        RoundFile file = YamlData.located("round.yaml", round.replace(from, to).getBytes(StandardCharsets.UTF_8), RoundFile.class, problems)
                .content();
        assertEquals(List.of(), problems);
        return file;
    }

    private Rubrics loaded(String content) throws IOException {
        List<PolicyProblem> problems = new ArrayList<>();
        Rubrics rubrics = read(content, round("", ""), problems);
        assertEquals(List.of(), problems);
        return rubrics;
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

    // ---------------------------------------------------------------- a table per carrier type (byCarrierType)

    @Test
    void aTypesTableIsItsOwnKeysOverTheCommonOnes() throws IOException {
        Rubrics rubrics = loaded(BY_TYPE);
        Rubric base = rubrics.of(CarrierType.HIGH_SKILL_TRAINING_BASE);
        Rubric studio = rubrics.of(CarrierType.SKILL_MASTER_STUDIO);
        Rubric station = rubrics.of(CarrierType.RURAL_REVITALIZATION_STATION);
        assertEquals(new BigDecimal("65"), base.passingScore());
        assertEquals(5, base.minExpertsForTrimming());
        assertEquals(station.items(), base.items());
        assertEquals(new BigDecimal("70"), studio.passingScore());
        assertEquals(3, studio.minExpertsForTrimming());
        assertEquals(new BigDecimal("100"), studio.total());
        assertEquals(List.of("MASTER_SKILL", "INHERITANCE", "TECHNICAL_BREAKTHROUGH", "PLAN"), studio.items().stream().map(Rubric.Item::code).toList());
        assertEquals(new BigDecimal("60"), station.passingScore());
        assertNotSame(base, station);
    }

    @Test
    void typesWhoseTablesComeOutTheSameShareOne() throws IOException {
        Rubrics rubrics = loaded(BY_TYPE.replace("passingScore: 65", "passingScore: 60"));
        assertSame(rubrics.of(CarrierType.RURAL_REVITALIZATION_STATION), rubrics.of(CarrierType.HIGH_SKILL_TRAINING_BASE));
        assertNotSame(rubrics.of(CarrierType.RURAL_REVITALIZATION_STATION), rubrics.of(CarrierType.SKILL_MASTER_STUDIO));
    }

    @Test
    void aTypesItemsNotAddingUpAreToldAtItsItems() throws IOException {
        assertEquals(List.of(problem(19, "byCarrierType.SKILL_MASTER_STUDIO（技能大师工作室）：各评分项满分之和（105）不等于满分 total（100），请核对各项分值")),
                problemsOf(BY_TYPE.replace("name: 大师技艺水平, max: 30", "name: 大师技艺水平, max: 35")));
    }

    @Test
    void aTypesOwnTotalAgainstTheCommonItemsIsToldAtItsTotal() throws IOException {
        assertEquals(List.of(problem(16, "byCarrierType.HIGH_SKILL_TRAINING_BASE（高技能人才培训基地）：各评分项满分之和（100）不等于满分 total（120），请核对各项分值")),
                problemsOf(BY_TYPE.replace("    passingScore: 65\n", "    passingScore: 65\n    total: 120\n")));
    }

    @Test
    void aProblemOfTheCommonTableIsToldOnceAtTheTop() throws IOException {
        // 乡村振兴技能工作站 is scored on the common table, 技能大师工作室 only on its own items: the common items are
        // wrong once, at the top, not again for each type that takes them.
        assertEquals(List.of(problem(3, "各评分项满分之和（105）不等于满分 total（100），请核对各项分值")),
                problemsOf(BY_TYPE.replace("name: 培训业绩, max: 25", "name: 培训业绩, max: 30")));
        assertEquals(List.of(problem(5, "trimAboveExperts 应至少为3，实为2：去掉一个最高分和一个最低分后须至少剩下一个分数")),
                problemsOf(BY_TYPE.replace("trimAboveExperts: 5", "trimAboveExperts: 2")));
    }

    @Test
    void aTypesPassingScoreAndTrimmingAreCheckedAtTheirLines() throws IOException {
        assertEquals(List.of(
                problem(17, "byCarrierType.SKILL_MASTER_STUDIO（技能大师工作室）：passingScore（合格分）170 应在0至满分（100）之间"),
                problem(18, "byCarrierType.SKILL_MASTER_STUDIO（技能大师工作室）：trimAboveExperts 应至少为3，实为2：去掉一个最高分和一个最低分后须至少剩下一个分数")),
                problemsOf(BY_TYPE.replace("passingScore: 70", "passingScore: 170").replace("trimAboveExperts: 3", "trimAboveExperts: 2")));
    }

    @Test
    void aRepeatedCodeInATypesItemsIsAProblem() throws IOException {
        assertEquals(List.of(problem(23, "byCarrierType.SKILL_MASTER_STUDIO（技能大师工作室）：评分项代码 INHERITANCE 重复出现（items[3]）：每个评分项只能列一次")),
                problemsOf(BY_TYPE.replace("{code: PLAN, name: 建设方案与示范效应, max: 20}", "{code: INHERITANCE, name: 建设方案与示范效应, max: 20}")));
    }

    @Test
    void aTypeWrittenTwiceIsAProblem() throws IOException {
        assertEquals(List.of(problem(24, "键“HIGH_SKILL_TRAINING_BASE”重复（第14行已写过同一个键）：后写的值会覆盖先写的，请删去或合并其中一个")),
                problemsOf(BY_TYPE + "  HIGH_SKILL_TRAINING_BASE:\n    passingScore: 70\n"));
    }

    @Test
    void aTypeThatIsNoCarrierTypeIsAProblem() throws IOException {
        assertEquals(List.of(problem(16, "“byCarrierType”中的键“SKILL_MASTER”不是有效的取值（可选：HIGH_SKILL_TRAINING_BASE、SKILL_MASTER_STUDIO、"
                        + "RURAL_REVITALIZATION_STATION）")),
                problemsOf(BY_TYPE.replace("SKILL_MASTER_STUDIO:", "SKILL_MASTER:")));
    }

    @Test
    void aTypeWithNothingUnderItIsAProblem() throws IOException {
        assertEquals(List.of(problem(14, "byCarrierType.HIGH_SKILL_TRAINING_BASE（高技能人才培训基地）下什么也没有写：请写明该类评分表中与顶层不同的各项"
                        + "（total、passingScore、trimAboveExperts、items），或删去这一行")),
                problemsOf(BY_TYPE.replace("    passingScore: 65\n", "")));
    }

    @Test
    void aMisspelledKeyOfATypeIsNamedWithTheKeysThereAre() throws IOException {
        assertEquals(List.of(problem(17, "不认识的键“byCarrierType.SKILL_MASTER_STUDIO.passingScor”，可用的键为：items、passingScore、total、"
                        + "trimAboveExperts（是否拼写有误？）")),
                problemsOf(BY_TYPE.replace("passingScore: 70", "passingScor: 70")));
    }

    @Test
    void withoutCommonItemsEveryTypeWithATableNeedsItsOwn() throws IOException {
        // The common table has no items: 技能大师工作室 has its own, 高技能人才培训基地 (line 7, once the items are gone) none.
        assertEquals(List.of(problem(7, "byCarrierType.HIGH_SKILL_TRAINING_BASE 缺少 items（评分项目），顶层也没有通用的 items："
                        + "请在 byCarrierType.HIGH_SKILL_TRAINING_BASE 下写明，或在顶层写通用的 items")),
                problemsOf(BY_TYPE.replace(COMMON_ITEMS, "")));
    }

    @Test
    void aCommonTableWithoutTotalServesTypesThatGiveTheirOwn() throws IOException {
        String perType = "byCarrierType:\n" + Arrays.stream(CarrierType.values())
                .map(type -> "  " + type + ": {total: " + (type == CarrierType.SKILL_MASTER_STUDIO ? 90 : 100) + "}\n").reduce("", String::concat);
        String withoutTotal = GOOD.replace("total: 100\n", "");
        assertEquals(new BigDecimal("100"), loaded(withoutTotal + perType.replace("total: 90", "total: 100"))
                .of(CarrierType.SKILL_MASTER_STUDIO).total());
        // The studio's 90 against the common items' 100: told at the studio's total, line 14 (byCarrierType on 12).
        assertEquals(List.of(problem(14, "byCarrierType.SKILL_MASTER_STUDIO（技能大师工作室）：各评分项满分之和（100）不等于满分 total（90），请核对各项分值")),
                problemsOf(withoutTotal + perType));
    }

    @Test
    void aTypeTheRoundOpensNeedsATable() throws IOException {
        // Without common items, 乡村振兴技能工作站 (1 place) has no table: told at byCarrierType, line 6.
        String withoutCommonItems = BY_TYPE.replace(COMMON_ITEMS, "").replace("    passingScore: 65\n", "    passingScore: 65\n" + indented(COMMON_ITEMS));
        assertEquals(List.of(problem(6, "round.yaml 本轮开放乡村振兴技能工作站（carrierTypes.quotas.RURAL_REVITALIZATION_STATION: 1），但评审细则中没有该类的"
                        + "评分表：byCarrierType 中没有 RURAL_REVITALIZATION_STATION，顶层的通用评分表也不完整（缺少 items）；请在 byCarrierType 下为 "
                        + "RURAL_REVITALIZATION_STATION 写评分表，或在顶层补全通用评分表")),
                problemsWithRound(withoutCommonItems, "", ""));
        // Not opened (quota 0), it needs none.
        assertEquals(List.of(), problemsWithRound(withoutCommonItems, "RURAL_REVITALIZATION_STATION: 1\n", "RURAL_REVITALIZATION_STATION: 0\n"));
    }

    /** The common items written under a type: two spaces more. */
    private static String indented(String items) {
        return items.lines().map(line -> "    " + line + "\n").reduce("", String::concat);
    }
}

package org.carrierrules.internal.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import org.carrierrules.InvalidInputException;
import org.carrierrules.internal.PolicyLoader;
import org.carrierrules.internal.policy.BundledPolicyFiles;
import org.carrierrules.internal.policy.PolicyFiles;
import org.carrierrules.internal.policy.YamlData;
import org.carrierrules.internal.tree.DateTexts;
import org.carrierrules.internal.tree.KeyPath;
import org.carrierrules.internal.tree.KeyPath.Step;
import org.carrierrules.internal.tree.Shape;
import org.carrierrules.json.ApplicationJson;
import org.carrierrules.json.CarrierJson;
import org.carrierrules.policy.PolicyProblem;
import org.carrierrules.policy.ScenarioReport;
import org.carrierrules.policy.ScenarioResult;

/**
 * The scenario files of a policy directory read as untrusted input: every way a change path, a value, a
 * date or a name can be wrong is a problem at its line, never an exception, and every problem of a file
 * is reported while the other files are still read.
 */
class ScenarioFilesTest {
    private static final long SEED = 20240729L;
    private static final String FILE = "scenarios/new.yaml";
    private static final PolicyFiles BUNDLED = BundledPolicyFiles.read();
    private static final JsonNode BASES = readTree(BUNDLED.scenarios().get(BasesFile.PATH));
    private static final JsonNode STUDIO = BASES.path("applications").path("合格的技能大师工作室申报");
    private static final JsonNode CARRIER = BASES.path("carriers").path("2020年认定的技能大师工作室");

    private static JsonNode readTree(byte[] bytes) {
        try {
            return YamlData.mapper().readTree(bytes);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The problems of scenario files laid beside the bundled bases.yaml (path → text). */
    private static List<PolicyProblem> problemsOf(Map<String, String> texts) {
        List<PolicyProblem> problems = new ArrayList<>();
        ScenarioSuite.read(files(texts), problems);
        return problems;
    }

    private static Map<String, byte[]> files(Map<String, String> texts) {
        Map<String, byte[]> files = new TreeMap<>();
        files.put(BasesFile.PATH, BUNDLED.scenarios().get(BasesFile.PATH));
        texts.forEach((path, text) -> files.put(path, text.getBytes(StandardCharsets.UTF_8)));
        return files;
    }

    private static List<PolicyProblem> problemsOf(String text) {
        return problemsOf(Map.of(FILE, text));
    }

    /** The expected problems of {@link #FILE}, about the scenario named {@code scenario}: line and message after the name. */
    private static List<PolicyProblem> about(String scenario, Object... linesAndMessages) {
        List<PolicyProblem> expected = new ArrayList<>();
        for (int i = 0; i < linesAndMessages.length; i += 2) {
            expected.add(new PolicyProblem(FILE, (Integer) linesAndMessages[i], "场景“" + scenario + "”：" + linesAndMessages[i + 1]));
        }
        return expected;
    }

    // ---------------------------------------------------------------- change paths that are malformed

    @Test
    void everyMalformedChangePathIsAProblemAtItsLine() {
        List<PolicyProblem> problems = problemsOf("""
                scenarios:
                  - name: 路径写法有误
                    application: 合格的技能大师工作室申报
                    change:
                      materials[-1]: ~
                      .: x
                      materials[999]: ~
                      applicant..name: x
                      materials[0: ~
                      "[0]": ~
                      materials[0]x: ~
                      materials[99999999999]: ~
                      materials[0]]: ~
                      "": x
                    expect: {acceptance: ACCEPTED}
                """);
        assertEquals(about("路径写法有误",
                5, "change 中的“materials[-1]”：方括号中应为从0数起的序号（0、1、2……），实为“-1”",
                6, "change 中的“.”：路径中有空的一段（两个“.”相连，或以“.”开头、结尾）：各级字段名之间只写一个“.”，如 applicant.type",
                7, "change 中的“materials[999]”：序号 999 超出范围：“materials”共 6 项，序号为 0 至 5",
                8, "change 中的“applicant..name”：路径中有空的一段（两个“.”相连，或以“.”开头、结尾）：各级字段名之间只写一个“.”，如 applicant.type",
                9, "change 中的“materials[0”：“[”没有与之配对的“]”：列表中的一项写成 materials[0]",
                10, "change 中的“[0]”：“[”前缺少字段名：列表中的一项写成 materials[0]（字段名后接方括号）",
                11, "change 中的“materials[0]x”：“]”之后应为“.”或“[”，实为“x”",
                12, "change 中的“materials[99999999999]”：序号“99999999999”太大，超出任何列表的长度",
                13, "change 中的“materials[0]]”：“]”前没有与之配对的“[”",
                14, "change 中的“”：路径是空的：请写出要改的项，如 applicant.type"), problems);
    }

    @Test
    void aVeryLongPathIsRefusedWithoutBeingEchoedWhole() {
        // YAML itself takes keys of up to 1024 characters.
        String path = "applicant." + "名".repeat(1000);
        List<PolicyProblem> problems = problemsOf("""
                scenarios:
                  - name: 很长的路径
                    application: 合格的技能大师工作室申报
                    change:
                      %s: x
                    expect: {acceptance: ACCEPTED}
                """.formatted(path));
        assertEquals(1, problems.size(), problems::toString);
        assertEquals(5, problems.get(0).line());
        assertTrue(problems.get(0).message().contains("路径太长（1010 个字符，最多 500 个）"), problems::toString);
        assertTrue(problems.get(0).message().length() < 200, problems::toString);
    }

    // ---------------------------------------------------------------- changes against the input's shape

    @Test
    void aChangeToAFieldTheApplicationDoesNotHaveOrOfTheWrongTypeIsAProblemAtItsLine() {
        List<PolicyProblem> problems = problemsOf("""
                scenarios:
                  - name: 字段不存在或类型不对
                    application: 合格的技能大师工作室申报
                    change:
                      applicant.nmae: 某单位
                      materials.0.sealed: false
                      applicant[0]: x
                      applicant.name.first: x
                      paperCopy.copies: 两份
                      applicant.hasTrainingFunction: 是
                      materials[0].format: JPG
                      submittedAt: 2024-02-30T10:00:00+08:00
                      applicant.name: ~
                      materials[6]: {code: AWARD_CERTIFICATES, fileName: 获奖证书.pdf, format: PDF,
                                     sealed: true, legibel: true}
                    expect: {acceptance: ACCEPTED}
                """);
        assertEquals(about("字段不存在或类型不对",
                5, "change 中不认识的键“applicant.nmae”，可用的键为：creditCode、hasTrainingFunction、legallyEstablished、name、"
                        + "registeredDistrict、type（是否拼写有误？）",
                6, "change 中“materials”是列表，其中的一项写成 materials[0]（从0数起），不能写“.0”",
                7, "change 中“applicant”不是列表，不能写 [0]",
                8, "change 中“applicant.name”是一个值（文字），其下没有“first”",
                9, "change 中“paperCopy.copies”的值应为整数，实为文字“两份”",
                10, "change 中“applicant.hasTrainingFunction”的值应为true 或 false，实为文字“是”",
                11, "change 中“materials[0].format”的值“JPG”不是可用的取值；可用取值为：PDF、WORD、IMAGE、OTHER",
                12, "change 中“submittedAt”的值“2024-02-30”不是真实存在的日期：2024年2月只有29天",
                13, "change 中“applicant.name”是必填项，不能删除；要检验缺少此项的输入被拒绝，请在 expect 中写 error: applicant.name",
                // What is missing is said at the object; the misspelled key is on the object's second line.
                14, "change 中缺少“materials[6].legible”（必填）",
                14, "change 中缺少“materials[6].pagesComplete”（必填）",
                14, "change 中缺少“materials[6].skewed”（必填）",
                15, "change 中不认识的键“materials[6].legibel”，可用的键为：code、fileName、format、legible、pagesComplete、"
                        + "sealed、skewed（是否拼写有误？）"), problems);
    }

    @Test
    void aCarrierScenarioAndARoundChangeAreCheckedAgainstTheirShapes() {
        List<PolicyProblem> problems = problemsOf("""
                scenarios:
                  - name: 载体与本轮参数的改动有误
                    carrier: 2020年认定的技能大师工作室
                    asOf: 2024-01-01
                    round:
                      carrierTypes.quotas.UNKNOWN_TYPE: 1
                      window.open: 2024-08-12T00:00:00
                      window.closes: 2024-08-32T18:00:00
                      carrierTypes.totalQuota: 六
                    change:
                      trainingActivity.二〇二一: 0
                      events: [{type: LOST_CONTACT, date: 2023-02-29}]
                      recognizedOn: 2020-13-01
                    expect: {outcome: KEEP}
                """);
        assertEquals(about("载体与本轮参数的改动有误",
                6, "round 中“carrierTypes.quotas”中的键“UNKNOWN_TYPE”不是可用的取值；可用取值为：HIGH_SKILL_TRAINING_BASE、"
                        + "SKILL_MASTER_STUDIO、RURAL_REVITALIZATION_STATION",
                7, "round 中不认识的键“window.open”，可用的键为：closes、opens、reference（是否拼写有误？）",
                8, "round 中“window.closes”的值“2024-08-32”不是真实存在的日期：2024年8月只有31天",
                9, "round 中“carrierTypes.totalQuota”的值应为整数，实为文字“六”",
                11, "change 中“trainingActivity”中的键“二〇二一”不是年份：键应为四位数字的年份，如 2023",
                12, "change 中“events[0].date”的值“2023-02-29”不是真实存在的日期：2023年不是闰年，2月只有28天",
                13, "change 中“recognizedOn”的值“2020-13-01”不是真实存在的日期：月份应为 01 至 12"), problems);
    }

    @Test
    void aChangeTheScenarioExpectsToBeRefusedMayBreakTheShapeAndRunsAsATest() {
        Map<String, String> file = Map.of(FILE, """
                scenarios:
                  - name: 份数写成文字的申报作为输入错误拒绝
                    application: 合格的技能大师工作室申报
                    change:
                      paperCopy.copies: 两份
                    expect: {error: paperCopy.copies}
                  - name: 缺少单位名称的申报作为输入错误拒绝
                    application: 合格的技能大师工作室申报
                    change:
                      applicant.name: ~
                    expect: {error: applicant.name}
                  - name: 多写了字段的申报作为输入错误拒绝
                    application: 合格的技能大师工作室申报
                    change:
                      applicant.nickname: 示例
                    expect: {error: applicant.nickname}
                  - name: 评估日写错的载体作为输入错误拒绝
                    carrier: 2020年认定的技能大师工作室
                    asOf: 2024-01-01
                    change:
                      events: [{type: LOST_CONTACT, date: 2024-02-30}]
                    expect:
                      error: events[0].date
                """);
        List<PolicyProblem> problems = new ArrayList<>();
        ScenarioSuite suite = ScenarioSuite.read(files(file), problems);
        assertEquals(List.of(), problems);

        ScenarioReport report = suite.run(PolicyLoader.bundled("luohu-2024"), List.of());
        assertEquals(4, report.results().size());
        for (ScenarioResult result : report.results()) {
            assertEquals(List.of(), result.failures(), result.name());
        }
    }

    @Test
    void onlyTheChangeTheScenarioExpectsToBeRefusedMayBreakTheShape() {
        List<PolicyProblem> problems = problemsOf("""
                scenarios:
                  - name: 信用代码有误，另有一处写错
                    application: 合格的技能大师工作室申报
                    change:
                      applicant.creditCode: 52440303MJL177700A
                      paperCopy.copies: 两份
                    expect: {error: applicant.creditCode}
                """);
        assertEquals(about("信用代码有误，另有一处写错", 6, "change 中“paperCopy.copies”的值应为整数，实为文字“两份”"), problems);
    }

    // ---------------------------------------------------------------- dates

    @Test
    void anAsOfDateThatDoesNotExistIsAProblemSayingWhy() {
        List<PolicyProblem> problems = problemsOf("""
                scenarios:
                  - name: 评估日为2月30日
                    carrier: 2020年认定的技能大师工作室
                    asOf: 2024-02-30
                    expect: {outcome: KEEP}
                  - name: 评估日为13月
                    carrier: 2020年认定的技能大师工作室
                    asOf: 2024-13-01
                    expect: {outcome: KEEP}
                  - name: 评估日为平年2月29日
                    carrier: 2020年认定的技能大师工作室
                    asOf: 2023-02-29
                    expect: {outcome: KEEP}
                  - name: 评估日写成中文
                    carrier: 2020年认定的技能大师工作室
                    asOf: 2024年1月1日
                    expect: {outcome: KEEP}
                  - name: 申报场景写了评估日
                    application: 合格的技能大师工作室申报
                    asOf: 2024-01-01
                    expect: {acceptance: ACCEPTED}
                """);
        List<PolicyProblem> expected = new ArrayList<>();
        expected.addAll(about("评估日为2月30日", 4, "asOf（评估日）“2024-02-30”不是真实存在的日期：2024年2月只有29天"));
        expected.addAll(about("评估日为13月", 8, "asOf（评估日）“2024-13-01”不是真实存在的日期：月份应为 01 至 12"));
        expected.addAll(about("评估日为平年2月29日", 12, "asOf（评估日）“2023-02-29”不是真实存在的日期：2023年不是闰年，2月只有28天"));
        expected.addAll(about("评估日写成中文", 16, "asOf（评估日）“2024年1月1日”不是有效的日期，应写作 2024-03-01（年-月-日，月和日各写两位）"));
        expected.addAll(about("申报场景写了评估日", 20, "asOf（评估日）只用于关于已认定载体（carrier）的场景"));
        assertEquals(expected, problems);
    }

    @Test
    void datesAreRealDatesOrSayWhyNot() {
        assertNull(DateTexts.dateProblem("2024-02-29"));
        assertNull(DateTexts.dateProblem("2000-02-29"));
        assertEquals("“1900-02-29”不是真实存在的日期：1900年不是闰年，2月只有28天", DateTexts.dateProblem("1900-02-29"));
        assertEquals("“2024-04-31”不是真实存在的日期：2024年4月只有30天", DateTexts.dateProblem("2024-04-31"));
        assertEquals("“2024-01-00”不是真实存在的日期：日应从 01 起", DateTexts.dateProblem("2024-01-00"));
        assertEquals("“2024-00-10”不是真实存在的日期：月份应为 01 至 12", DateTexts.dateProblem("2024-00-10"));
        assertEquals("“2024-1-5”不是有效的日期，应写作 2024-03-01（年-月-日，月和日各写两位）", DateTexts.dateProblem("2024-1-5"));
        assertNull(DateTexts.dateTimeProblem("2024-08-25T18:00:00"));
        assertNull(DateTexts.dateTimeProblem("2024-08-25T10:30:00Z"));
        assertEquals("“2024-08-25T25:00:00+08:00”不是有效的日期时间，应写作 2024-08-20T10:15:00+08:00，或不带时区的 "
                + "2024-08-20T10:15:00（按北京时间）", DateTexts.dateTimeProblem("2024-08-25T25:00:00+08:00"));
    }

    // ---------------------------------------------------------------- names, keys and lines

    @Test
    void aScenarioNameUsedTwiceIsAProblemWithinAFileAndAcrossFiles() {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("scenarios/a.yaml", """
                scenarios:
                  - name: 甲
                    application: 合格的技能大师工作室申报
                    expect: {acceptance: ACCEPTED}
                  - name: 乙
                    application: 合格的技能大师工作室申报
                    expect: {acceptance: ACCEPTED}
                  - name: 甲
                    application: 合格的技能大师工作室申报
                    expect: {acceptance: ACCEPTED}
                """);
        texts.put("scenarios/b.yaml", """
                scenarios:
                  - name: 乙
                    application: 合格的技能大师工作室申报
                    expect: {acceptance: ACCEPTED}
                """);
        assertEquals(List.of(
                new PolicyProblem("scenarios/a.yaml", 8, "场景“甲”：名称与本文件第2行的场景重复：每个场景须有自己的名称，测试结果按名称报告"),
                new PolicyProblem("scenarios/b.yaml", 2, "场景“乙”：名称与 scenarios/a.yaml 第5行的场景重复：每个场景须有自己的名称，测试结果按名称报告")),
                problemsOf(texts));
    }

    @Test
    void aKeyWrittenTwiceIsAProblemAtTheSecond() {
        List<PolicyProblem> problems = problemsOf("""
                scenarios:
                  - name: 同一项改了两次
                    application: 合格的技能大师工作室申报
                    change:
                      applicant.type: ENTERPRISE
                      applicant.type: OTHER
                    expect: {acceptance: ACCEPTED}
                """);
        assertEquals(List.of(new PolicyProblem(FILE, 6,
                "键“applicant.type”重复（第5行已写过同一个键）：后写的值会覆盖先写的，请删去或合并其中一个")), problems);
    }

    @Test
    void aScenarioIsFoundAtItsOwnLineNotWhereItsNameFirstAppearsInTheText() {
        // Searching the text for “name:” and the name would stop at line 4, whose name contains this one.
        List<PolicyProblem> problems = problemsOf("""
                # 外区单位不予受理：本文件的第一个场景
                # name: 外区单位不予受理 写在注释里也不算
                scenarios:
                  - name: 外区单位不予受理（福田区）
                    application: 合格的技能大师工作室申报
                    change: {applicant.registeredDistrict: 福田区}
                    expect: {acceptance: NOT_ACCEPTED}
                  - name: 外区单位不予受理
                    application: 不存在的样例
                    expect: {acceptance: NOT_ACCEPTED}
                """);
        assertEquals(1, problems.size(), problems::toString);
        assertEquals(8, problems.get(0).line());
        assertTrue(problems.get(0).message().startsWith("场景“外区单位不予受理”：application 应为"), problems::toString);
    }

    @Test
    void theScenarioResultsCarryTheLineOfEachScenario() {
        Map<String, String> file = Map.of(FILE, """
                scenarios:
                  # 外区单位不予受理
                  - name: 外区单位不予受理（福田区）
                    application: 合格的高技能人才培训基地申报
                    change: {applicant.registeredDistrict: 福田区}
                    expect: {acceptance: NOT_ACCEPTED, codes: [NOT_REGISTERED_IN_DISTRICT]}

                  - clause: 二
                    name: 外区单位不予受理
                    application: 合格的高技能人才培训基地申报
                    change: {applicant.registeredDistrict: 南山区}
                    expect: {acceptance: NOT_ACCEPTED, codes: [NOT_REGISTERED_IN_DISTRICT]}
                """);
        List<PolicyProblem> problems = new ArrayList<>();
        ScenarioReport report = ScenarioSuite.read(files(file), problems).run(PolicyLoader.bundled("luohu-2024"), List.of());
        assertEquals(List.of(), problems);
        // A scenario starts where its item starts, whichever key comes first.
        assertEquals(List.of(3, 8), report.results().stream().map(ScenarioResult::line).toList());
        assertTrue(report.passed(), report::toString);
    }

    // ---------------------------------------------------------------- the structure of the files

    @Test
    void keysOfTheWrongKindAreProblemsNotIgnored() {
        List<PolicyProblem> problems = problemsOf("""
                scenarios:
                  - name: 改动写成了列表
                    application: 合格的技能大师工作室申报
                    change: [applicant.type: ENTERPRISE]
                    expect: {acceptance: ACCEPTED}
                  - name: 代码没有写方括号
                    application: 合格的技能大师工作室申报
                    change: {applicant.type: INDIVIDUAL_BUSINESS}
                    expect: {acceptance: NOT_ACCEPTED, codes: APPLICANT_TYPE_NOT_ELIGIBLE}
                  - name: 同时写了申报样例和载体样例
                    application: 合格的技能大师工作室申报
                    carrier: 2020年认定的技能大师工作室
                    asOf: 2024-01-01
                    expect: {outcome: KEEP}
                  - 只写了一句话
                  - name: 结论写错
                    application: 合格的技能大师工作室申报
                    expect: {acceptance: PASSED}
                """);
        List<PolicyProblem> expected = new ArrayList<>();
        expected.addAll(about("改动写成了列表", 4, "change 应为若干“改动路径: 新值”（如 applicant.type: ENTERPRISE），实为列表"));
        expected.addAll(about("代码没有写方括号", 9,
                "expect.codes 应为列表，如 [MATERIAL_MISSING]；一项也没有时写 []，实为文字“APPLICANT_TYPE_NOT_ELIGIBLE”"));
        expected.addAll(about("同时写了申报样例和载体样例", 12,
                "application、carrier、submission 只能写其中一个（以哪份样例为基础），本场景写了 application、carrier"));
        expected.add(new PolicyProblem(FILE, 15, "第4个场景应为若干“键: 值”，以“- name: 场景名称”开始，实为文字“只写了一句话”"));
        expected.addAll(about("结论写错", 18, "expect.acceptance 的值应为 ACCEPTED、SUPPLEMENT_REQUIRED、NOT_ACCEPTED 之一，实为“PASSED”"));
        assertEquals(expected, problems);
    }

    @Test
    void everyMalformedPartOfAScenarioIsAProblemAtItsLine() {
        List<PolicyProblem> problems = problemsOf("""
                scenarios:
                  - name: 缺少预期
                    application: 合格的技能大师工作室申报
                  - name: 预期不是对象
                    application: 合格的技能大师工作室申报
                    expect: [acceptance]
                  - name: error 不是文字
                    application: 合格的技能大师工作室申报
                    expect: {error: [a]}
                  - name: 没写结论
                    application: 合格的技能大师工作室申报
                    expect: {codes: []}
                  - name: 名单写法不对
                    submission: 技能大师工作室七家申报
                    expect: {statuses: [a], reasons: {场景-甲: x}}
                  - name: 名单状态不对
                    submission: 技能大师工作室七家申报
                    expect:
                      statuses: {场景-甲: PASSED, 场景-乙: [x]}
                      reasons: {场景-甲: [{a: 1}, WITHIN_QUOTA]}
                  - name: 缺少基础
                    expect: {acceptance: ACCEPTED}
                  - name: 基础写成列表
                    carrier: [x]
                    asOf: 2024-01-01
                    expect: {outcome: KEEP}
                  - name: 载体缺少评估日
                    carrier: 2020年认定的技能大师工作室
                    expect: {outcome: KEEP}
                  - application: 合格的技能大师工作室申报
                    expect: {acceptance: ACCEPTED}
                  - name: 未知键
                    application: 合格的技能大师工作室申报
                    chnage: {}
                    expect: {acceptance: ACCEPTED, outcome: KEEP}
                  - name: 改动无处可改
                    application: 合格的技能大师工作室申报
                    change:
                      paperCopy: ~
                      paperCopy.copies: 3
                      electronicCopy.files[9]: ~
                    expect: {acceptance: ACCEPTED}
                """);
        String statuses = "CANDIDATE、NOT_SELECTED、NOT_RANKED、REMOVED_BY_OBJECTION";
        List<PolicyProblem> expected = new ArrayList<>();
        expected.addAll(about("缺少预期", 2, "缺少 expect（预期结果）"));
        expected.addAll(about("预期不是对象", 6, "expect（预期结果）应为若干“键: 值”，如 expect: {acceptance: …}，实为列表"));
        expected.addAll(about("error 不是文字", 9, "expect.error 应为应被拒绝的输入字段，如 applicant.creditCode，实为列表"));
        expected.addAll(about("没写结论", 10, "expect 须写明 acceptance（受理结论）或 error（应被拒绝的输入字段）"));
        expected.addAll(about("名单写法不对",
                15, "expect.statuses 应为若干“申报编号: 预期”，如 {场景-甲: …}，实为列表",
                15, "expect.reasons.场景-甲 应为列表，如 [MATERIAL_MISSING]；一项也没有时写 []，实为文字“x”"));
        expected.addAll(about("名单状态不对",
                19, "expect.statuses.场景-甲 的值应为 " + statuses + " 之一，实为“PASSED”",
                19, "expect.statuses.场景-乙 的值应为 " + statuses + " 之一，实为列表",
                20, "expect.reasons.场景-甲 的第1项应为一个代码或一句说明，实为若干“键: 值”"));
        expected.addAll(about("缺少基础", 21, "缺少 application（以 scenarios/bases.yaml 中哪份申报样例为基础）；"
                + "关于已认定载体的场景写 carrier，关于一轮名单的写 submission"));
        expected.addAll(about("基础写成列表", 24, "carrier 应为 scenarios/bases.yaml 中 carriers 下的样例名称，实为列表"));
        expected.addAll(about("载体缺少评估日", 27, "关于已认定载体的场景须写 asOf（评估日，如 2024-12-31），实为“”"));
        expected.add(new PolicyProblem(FILE, 30, "场景“”：场景缺少 name（场景名称）"));
        expected.addAll(about("未知键",
                32, "不认识的键“chnage”，可用的键为：application、asOf、carrier、change、clause、expect、name、round、submission",
                32, "不认识的键“expect.outcome”，可用的键为：acceptance、codes、error、messages"));
        // paperCopy may be removed; nothing is left under it to change.
        expected.addAll(about("改动无处可改",
                40, "change 中的“paperCopy.copies”：没有“paperCopy”这一项，无法改动其下的内容",
                41, "change 中的“electronicCopy.files[9]”：序号 9 超出范围：“electronicCopy.files”共 2 项，序号为 0 至 1"));
        assertEquals(expected, problems);
    }

    @Test
    void everyFileIsReadWhenOneIsNotYaml() {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("scenarios/a.yaml", "scenarios:\n  - name: [未闭合\n");
        texts.put("scenarios/b.yaml", """
                scenarios:
                  - name: 序号超出范围
                    application: 合格的技能大师工作室申报
                    change:
                      materials[7].sealed: false
                    expect: {acceptance: ACCEPTED}
                """);
        List<PolicyProblem> problems = problemsOf(texts);
        assertEquals(2, problems.size(), problems::toString);
        assertEquals(new PolicyProblem("scenarios/a.yaml", 2, "这里的“[”没有配对的“]”，或其中各项之间少了逗号：列表写成 [甲, 乙]"), problems.get(0));
        assertEquals(new PolicyProblem("scenarios/b.yaml", 5, "场景“序号超出范围”：change 中的“materials[7].sealed”：序号 7 超出范围："
                + "“materials”共 6 项，序号为 0 至 5"), problems.get(1));
    }

    @Test
    void aSecondDocumentInAFileIsAProblemNotSilentlyDropped() {
        List<PolicyProblem> problems = problemsOf("""
                scenarios:
                  - name: 第一份
                    application: 合格的技能大师工作室申报
                    expect: {acceptance: ACCEPTED}
                ---
                scenarios:
                  - name: 第二份
                    application: 合格的技能大师工作室申报
                    expect: {acceptance: ACCEPTED}
                """);
        assertEquals(List.of(new PolicyProblem(FILE, 6,
                "第一份内容之后还有内容（如又一个以“---”开始的文档）：每个文件只写一份内容")), problems);
    }

    @Test
    void aFileWithoutScenariosIsAProblem() {
        String expected = "场景文件应以 scenarios: 开头，下列若干场景（每个以“- name:”开始）";
        assertEquals(List.of(new PolicyProblem(FILE, 0, expected)), problemsOf("# 以后再写\n"));
        assertEquals(List.of(new PolicyProblem(FILE, 1, expected)), problemsOf("scenarios: 个体工商户不在申报对象之内\n"));
    }

    @Test
    void aBrokenBasesFileIsReportedAtItsLines() {
        String bases = new String(BUNDLED.scenarios().get(BasesFile.PATH), StandardCharsets.UTF_8)
                .replace("{from: 合格的技能大师工作室申报, set: {id: 场景-乙,", "{from: 合格的技能大师工作室申请, set: {id: 场景-乙,")
                .replace("{from: 合格的技能大师工作室申报, set: {id: 场景-丙,", "{from: 合格的技能大师工作室申报, set: {编号: 场景-丙,")
                .replace("    recognizedOn: 2020-06-01\n", "    recognizedOn: 2020-06-31\n")
                .replace("submissions:\n", "submission:\n");
        Map<String, byte[]> files = new TreeMap<>(Map.of(BasesFile.PATH, bases.getBytes(StandardCharsets.UTF_8)));
        List<PolicyProblem> problems = new ArrayList<>();
        ScenarioSuite.read(files, problems);
        List<String> lines = bases.lines().toList();
        int carrier = lines.indexOf("    recognizedOn: 2020-06-31") + 1;
        int submissions = lines.indexOf("submission:") + 1;
        int second = submissions + 5;
        assertTrue(carrier < submissions);
        assertEquals(List.of(
                new PolicyProblem(BasesFile.PATH, carrier,
                        "carriers 下的样例“2020年认定的技能大师工作室”：“recognizedOn”的值“2020-06-31”不是真实存在的日期：2020年6月只有30天"),
                new PolicyProblem(BasesFile.PATH, submissions,
                        "不认识的键“submission”，可用的键为：applications、carriers、submissions（是否拼写有误？）")),
                problems);
        // The submissions section, misspelled, is not read at all: spelled right, its two slips are found.
        problems.clear();
        ScenarioSuite.read(new TreeMap<>(Map.of(BasesFile.PATH,
                bases.replace("submission:\n", "submissions:\n").getBytes(StandardCharsets.UTF_8))), problems);
        assertEquals(List.of(
                new PolicyProblem(BasesFile.PATH, carrier,
                        "carriers 下的样例“2020年认定的技能大师工作室”：“recognizedOn”的值“2020-06-31”不是真实存在的日期：2020年6月只有30天"),
                new PolicyProblem(BasesFile.PATH, second,
                        "申报批次“技能大师工作室七家申报”第2份申报的 from“合格的技能大师工作室申请”不是 applications 中的样例名称；"
                                + "可用的有：合格的乡村振兴技能工作站申报、合格的技能大师工作室申报、合格的高技能人才培训基地申报"),
                new PolicyProblem(BasesFile.PATH, second + 1,
                        "申报批次“技能大师工作室七家申报”第3份申报：set 中不认识的键“编号”，可用的键为：applicant、carrierType、"
                                + "electronicCopy、facts、id、materials、paperCopy、submittedAt（是否拼写有误？）")),
                problems);
    }

    // ---------------------------------------------------------------- the shapes agree with the readers

    /** Every place in a tree that holds a value, a list or an object, as steps from the top. */
    private static List<List<Step>> places(JsonNode node, List<Step> at, List<List<Step>> out) {
        if (!at.isEmpty()) {
            out.add(List.copyOf(at));
        }
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> {
                List<Step> below = new ArrayList<>(at);
                below.add(Step.field(name));
                places(node.get(name), below, out);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                List<Step> below = new ArrayList<>(at);
                below.add(Step.at(i));
                places(node.get(i), below, out);
            }
        }
        return out;
    }

    /** A value of the wrong type for a value of this shape, that the reader must refuse too. */
    private static JsonNode wrongFor(Shape.Value shape) {
        return switch (shape.kind()) {
            case TEXT, NUMBER -> JsonNodeFactory.instance.booleanNode(true);
            case BOOLEAN, INTEGER -> TextNode.valueOf("两");
            case CHOICE -> TextNode.valueOf("NO_SUCH_VALUE");
            case DATE -> TextNode.valueOf("2023-02-29");
            case DATE_TIME, LOCAL_DATE_TIME -> TextNode.valueOf("2024-02-30T10:00:00+08:00");
            case FACT -> JsonNodeFactory.instance.arrayNode();
        };
    }

    private static String refusedField(Shape shape, JsonNode input) {
        try {
            if (shape == InputShapes.APPLICATION) {
                ApplicationJson.read(input);
            } else {
                CarrierJson.read(input);
            }
            return null;
        } catch (InvalidInputException e) {
            return e.field();
        }
    }

    private static void assertShapeAgreesWithReader(Shape shape, JsonNode base) {
        assertEquals(List.of(), Shape.check(shape, base, List.of()));
        assertNull(refusedField(shape, base));
        for (List<Step> place : places(base, new ArrayList<>(), new ArrayList<>())) {
            String field = KeyPath.display(place);
            Shape.Place where = Shape.resolve(shape, place);
            assertNull(where.problem(), field);
            if (where.shape() instanceof Shape.Value value) {
                JsonNode changed = base.deepCopy();
                assertNull(KeyPath.apply(changed, place, wrongFor(value)));
                List<Shape.Mismatch> mismatches = Shape.check(shape, changed, List.of());
                assertEquals(List.of(place), mismatches.stream().map(Shape.Mismatch::at).toList(), field);
                assertEquals(field, refusedField(shape, changed), field);
            }
            JsonNode removed = base.deepCopy();
            assertNull(KeyPath.apply(removed, place, null));
            if (!place.get(place.size() - 1).isIndex()) {
                // A required field is missed by both; an optional one, or an entry of a map, by neither.
                assertEquals(!where.removable(), !Shape.check(shape, removed, List.of()).isEmpty(), field);
                assertEquals(where.removable() ? null : field, refusedField(shape, removed), field);
            }
            if (base.at(KeyPath.pointer(JsonPointer.empty(), place)).isObject()) {
                List<Step> unknown = new ArrayList<>(place);
                unknown.add(Step.field("extra"));
                JsonNode extra = base.deepCopy();
                assertNull(KeyPath.apply(extra, unknown, TextNode.valueOf("x")));
                assertFalse(Shape.check(shape, extra, List.of()).isEmpty(), KeyPath.display(unknown));
                assertEquals(KeyPath.display(unknown), refusedField(shape, extra));
            }
        }
    }

    @Test
    void theApplicationShapeRefusesWhatTheApplicationReaderRefuses() {
        assertShapeAgreesWithReader(InputShapes.APPLICATION, STUDIO);
    }

    @Test
    void theCarrierShapeRefusesWhatTheCarrierReaderRefuses() {
        ObjectNode carrier = CARRIER.deepCopy();
        ((ArrayNode) carrier.withArray("events")).addObject().put("type", "LOST_CONTACT").put("date", "2024-03-01");
        assertShapeAgreesWithReader(InputShapes.CARRIER, carrier);
    }

    // ---------------------------------------------------------------- properties of change paths

    private static final List<String> PIECES = List.of("[", "]", "-1", "99999999999", "2147483648", "0", "5", "6", "7",
            ".", "", "applicant", "materials", "paperCopy", "name", "copies", "électronique", "名称", "😀", "\"", "'", "~",
            "/", "\\", " ", "a".repeat(600), "[0]", "[-1]", "[999]", "[5]", "[6]", "\u0000", "\uD800", "{", ":", "#");

    private static final List<JsonNode> VALUES = new ArrayList<>(java.util.Arrays.asList(null,
            JsonNodeFactory.instance.nullNode(), TextNode.valueOf("x"), IntNode.valueOf(1),
            JsonNodeFactory.instance.objectNode(), JsonNodeFactory.instance.arrayNode()));

    private static Gen<String> hostilePaths() {
        return lists().of(arbitrary().pick(PIECES)).ofSizeBetween(1, 12).map(pieces -> String.join("", pieces));
    }

    private static Gen<JsonNode> values() {
        return integers().between(0, VALUES.size() - 1).map(VALUES::get);
    }

    @Test
    void aHostilePathGivesAProblemOrAChangedTreeNeverAnException() {
        qt().withFixedSeed(SEED).withExamples(200).forAll(hostilePaths(), values()).checkAssert((path, value) -> {
            JsonNode tree = STUDIO.deepCopy();
            String problem = KeyPath.apply(tree, path, value);
            if (problem != null) {
                assertFalse(problem.isBlank());
                assertEquals(STUDIO, tree, "a path with a problem changes nothing");
                assertTrue(problem.length() < 300, problem);
                return;
            }
            List<Step> steps = KeyPath.parse(path).steps();
            // Messages name the place as display() writes it: written back, it is the same place.
            assertEquals(steps, KeyPath.parse(KeyPath.display(steps)).steps(), path);
            JsonNode there = tree.at(KeyPath.pointer(JsonPointer.empty(), steps));
            if (value == null || value.isNull()) {
                assertTrue(!tree.equals(STUDIO), "a removal removes something: " + path);
            } else {
                assertEquals(value, there, path);
            }
        });
    }

    @Test
    void aHostilePathInAScenarioFileIsAProblemNeverAnException() {
        List<String> yamlSafe = PIECES.stream().filter(p -> !p.equals("\uD800")).toList();
        Gen<String> paths = lists().of(arbitrary().pick(yamlSafe)).ofSizeBetween(1, 12).map(pieces -> String.join("", pieces));
        qt().withFixedSeed(SEED).withExamples(200).forAll(paths, values()).checkAssert((path, value) -> {
            ObjectNode scenario = JsonNodeFactory.instance.objectNode().put("name", "任意改动").put("application", "合格的技能大师工作室申报");
            scenario.putObject("change").set(path, value == null ? JsonNodeFactory.instance.nullNode() : value);
            scenario.putObject("expect").put("acceptance", "ACCEPTED");
            ObjectNode file = JsonNodeFactory.instance.objectNode();
            file.putArray("scenarios").add(scenario);
            Map<String, byte[]> files = files(Map.of());
            files.put(FILE, YamlData.write(file));
            List<PolicyProblem> problems = new ArrayList<>();
            ScenarioSuite.read(files, problems);
            problems.forEach(p -> {
                assertEquals(FILE, p.file());
                assertTrue(p.line() > 0, p::toString);
            });
        });
    }

    @Test
    void aValidPathToAnExistingFieldAlwaysApplies() {
        List<List<Step>> places = places(STUDIO, new ArrayList<>(), new ArrayList<>());
        Gen<JsonNode> setValues = values().map(v -> v == null || v.isNull() ? TextNode.valueOf("新值") : v);
        qt().withFixedSeed(SEED).withExamples(200).forAll(integers().between(0, places.size() - 1), setValues)
                .checkAssert((i, value) -> {
                    List<Step> place = places.get(i);
                    String path = KeyPath.display(place);
                    assertNull(Shape.resolve(InputShapes.APPLICATION, place).problem(), path);
                    JsonNode tree = STUDIO.deepCopy();
                    assertNull(KeyPath.apply(tree, path, value), path);
                    assertEquals(value, tree.at(KeyPath.pointer(JsonPointer.empty(), place)), path);
                });
    }

    @Test
    void aPathOneStepPastTheEndOfAListAddsAnItem() {
        JsonNode tree = STUDIO.deepCopy();
        JsonNode award = STUDIO.path("materials").get(0).deepCopy();
        assertNull(KeyPath.apply(tree, "materials[6]", award));
        assertEquals(7, tree.path("materials").size());
        assertEquals("序号 8 超出范围：“materials”共 7 项，序号为 0 至 6；在末尾添加一项请写 materials[7]",
                KeyPath.apply(tree, "materials[8]", award));
    }
}

package org.carrierrules.internal.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import org.carrierrules.internal.LoadedPolicy;
import org.carrierrules.internal.PolicyLoader;
import org.carrierrules.internal.policy.BundledPolicyFiles;
import org.carrierrules.policy.PolicyProblem;
import org.carrierrules.policy.ScenarioReport;
import org.carrierrules.policy.ScenarioResult;

/**
 * Running scenarios: every way a scenario of each kind fails is said in plain words, naming what was expected
 * and what came out; and every rule is counted once for each scenario it fired in.
 */
class ScenarioSuiteTest {
    private static final LoadedPolicy POLICY = PolicyLoader.bundled("luohu-2024");
    private static final String CREDIT_CODE_REFUSED =
            "applicant.creditCode：统一社会信用代码校验位错误：第18位应为“D”，实为“A”，请核对代码是否抄错：52440303MJL177700A";

    /** The scenarios of {@code text} laid beside the bundled bases.yaml, read without a problem and run. */
    private static ScenarioReport run(String text, List<String> rules) {
        Map<String, byte[]> files = new TreeMap<>();
        files.put(BasesFile.PATH, BundledPolicyFiles.read().scenarios().get(BasesFile.PATH));
        files.put("scenarios/failing.yaml", text.getBytes(StandardCharsets.UTF_8));
        List<PolicyProblem> problems = new ArrayList<>();
        ScenarioSuite suite = ScenarioSuite.read(files, problems);
        assertEquals(List.of(), problems);
        return suite.run(POLICY, rules);
    }

    private static Map<String, List<String>> failures(ScenarioReport report) {
        Map<String, List<String>> failures = new LinkedHashMap<>();
        report.results().forEach(r -> failures.put(r.name(), r.failures()));
        return failures;
    }

    @Test
    void anApplicationScenarioSaysWhichConclusionCodeMessageOrRefusalDiffers() {
        ScenarioReport report = run("""
                scenarios:
                  - name: 结论、代码与说明都不对
                    application: 合格的高技能人才培训基地申报
                    change: {applicant.registeredDistrict: 福田区}
                    expect: {acceptance: ACCEPTED, codes: [MATERIAL_MISSING, NOT_REGISTERED_IN_DISTRICT], messages: [没有这句话]}
                  - name: 预期拒绝却作出了结论
                    application: 合格的高技能人才培训基地申报
                    change: {applicant.registeredDistrict: 南山区}
                    expect: {error: applicant.creditCode, acceptance: NOT_ACCEPTED}
                  - name: 输入被拒绝，预期应作出结论
                    application: 合格的高技能人才培训基地申报
                    change: {applicant.creditCode: 52440303MJL177700A}
                    expect: {acceptance: ACCEPTED}
                  - name: 输入因另一字段被拒绝
                    application: 合格的高技能人才培训基地申报
                    change: {applicant.creditCode: 52440303MJL177700A}
                    expect: {error: applicant.name}
                  - name: 输入如预期被拒绝
                    application: 合格的高技能人才培训基地申报
                    change: {applicant.creditCode: 52440303MJL177700A}
                    expect: {error: applicant.creditCode}
                """, List.of());
        Map<String, List<String>> expected = new LinkedHashMap<>();
        // A code expected and not found is named with the field the contract's code is about; the messages given, with theirs.
        expected.put("结论、代码与说明都不对", List.of(
                "结论预期为 ACCEPTED，实为 NOT_ACCEPTED",
                "少了 MATERIAL_MISSING（字段 materials）",
                "没有出现预期的说明“没有这句话”；实际说明为：NOT_REGISTERED_IN_DISTRICT（字段 applicant.registeredDistrict）："
                        + "申请单位登记在“福田区”，不是罗湖区的单位"));
        // The conclusion came out as expected: only the missing refusal is said.
        expected.put("预期拒绝却作出了结论", List.of("预期字段 applicant.creditCode 的输入应被拒绝，实际作出了结论"));
        expected.put("输入被拒绝，预期应作出结论", List.of("输入被拒绝（字段 " + CREDIT_CODE_REFUSED + "），预期应作出结论"));
        expected.put("输入因另一字段被拒绝", List.of("预期字段 applicant.name 有误，实为字段 " + CREDIT_CODE_REFUSED));
        expected.put("输入如预期被拒绝", List.of());
        assertEquals(expected, failures(report));
        assertEquals(List.of(List.of("申请单位不在本区登记"), List.of("申请单位不在本区登记"), List.of(), List.of(), List.of()),
                report.results().stream().map(ScenarioResult::firedRules).toList());
    }

    @Test
    void aCarrierScenarioSaysWhichOutcomeGroundOrMessageDiffers() {
        ScenarioReport report = run("""
                scenarios:
                  - name: 载体结论与依据都不对
                    carrier: 2020年认定的技能大师工作室
                    asOf: 2024-12-31
                    change: {events: [{type: LOST_CONTACT, date: 2024-03-01}]}
                    expect: {outcome: KEEP, codes: [], messages: [载体已失联]}
                  - name: 载体如预期报请取消认定
                    carrier: 2020年认定的技能大师工作室
                    asOf: 2024-12-31
                    change: {events: [{type: LOST_CONTACT, date: 2024-03-01}]}
                    expect: {outcome: REVOKE, codes: [LOST_CONTACT], messages: [2024年3月1日发现载体失联]}
                """, List.of());
        assertEquals(Map.of(
                "载体结论与依据都不对", List.of("结论预期为 KEEP，实为 REVOKE", "多出 LOST_CONTACT（字段 events）：2024年3月1日发现载体失联",
                        "没有出现预期的说明“载体已失联”；实际说明为：LOST_CONTACT（字段 events）：2024年3月1日发现载体失联"),
                "载体如预期报请取消认定", List.of()), failures(report));
    }

    @Test
    void aSubmissionScenarioSaysWhichStatusReasonRoundOrRefusalDiffers() {
        ScenarioReport report = run("""
                scenarios:
                  - name: 名单状态与理由都不对
                    submission: 技能大师工作室七家申报
                    expect:
                      statuses: {场景-甲: NOT_SELECTED, 场景-乙: CANDIDATE, 场景-辛: CANDIDATE}
                      reasons: {场景-甲: [QUOTA_FILLED], 场景-乙: [WITHIN_QUOTA], 场景-辛: [WITHIN_QUOTA]}
                  - name: 本轮参数改得无效
                    submission: 技能大师工作室七家申报
                    round: {carrierTypes.totalQuota: 1}
                    expect:
                      statuses: {场景-甲: CANDIDATE}
                  - name: 名单输入被拒绝
                    submission: 技能大师工作室七家申报
                    change: {round: luohu-2025}
                    expect:
                      statuses: {场景-甲: CANDIDATE}
                  - name: 名单输入因另一字段被拒绝
                    submission: 技能大师工作室七家申报
                    change: {"reviews[0].applicationId": 场景-无}
                    expect: {error: "reviews[1].applicationId"}
                """, List.of());
        Map<String, List<String>> expected = new LinkedHashMap<>();
        // Application by application: 场景-乙 came out as expected, and is not mentioned; an id not in the round has no
        // status and no reasons; an accepted application's assessment is not said.
        expected.put("名单状态与理由都不对", List.of(
                "场景-甲 的名单状态预期为 NOT_SELECTED，实为 CANDIDATE",
                "场景-甲 多出 WITHIN_QUOTA：在技能大师工作室中排名第1，在本类名额2家之内，列入候选名单",
                "场景-甲 少了 QUOTA_FILLED",
                "场景-辛 的名单状态预期为 CANDIDATE，实为 null",
                "场景-辛 少了 WITHIN_QUOTA"));
        expected.put("本轮参数改得无效", List.of("round 中的改动使本轮参数无效：[round.yaml：各类载体名额之和（6）超过总名额 carrierTypes.totalQuota（1）]"));
        expected.put("名单输入被拒绝", List.of("输入被拒绝（字段 round：输入属于轮次“luohu-2025”，而加载的政策是“luohu-2024”："
                + "请使用该轮次的政策目录，或核对 round 的值），预期应作出结论"));
        expected.put("名单输入因另一字段被拒绝", List.of("预期字段 reviews[1].applicationId 有误，实为字段 reviews[场景-无]："
                + "评审结果所属的申报 场景-无 不在本轮的申报之中，请核对申报编号"));
        assertEquals(expected, failures(report));
    }

    @Test
    void eachRuleIsCountedOnceForEveryScenarioItFiredInAndEveryRuleOfThePolicyIsListed() {
        ScenarioReport report = run("""
                scenarios:
                  - name: 外区
                    application: 合格的高技能人才培训基地申报
                    change: {applicant.registeredDistrict: 福田区}
                    expect: {acceptance: NOT_ACCEPTED}
                  - name: 又一个外区
                    application: 合格的技能大师工作室申报
                    change: {applicant.registeredDistrict: 南山区}
                    expect: {acceptance: NOT_ACCEPTED}
                  - name: 七家申报
                    submission: 技能大师工作室七家申报
                    expect:
                      statuses: {场景-甲: CANDIDATE}
                """, List.of("申请单位不在本区登记", "载体失联", "已受理、有评审结果且未被排除的申报参加排名"));
        // Three applications of the submission are ranked: the rule fired three times, in one scenario.
        assertEquals(List.of(3L), report.results().subList(2, 3).stream()
                .map(r -> r.firedRules().stream().filter("已受理、有评审结果且未被排除的申报参加排名"::equals).count()).toList());
        assertEquals(2, report.ruleFirings().get("申请单位不在本区登记"));
        assertEquals(1, report.ruleFirings().get("已受理、有评审结果且未被排除的申报参加排名"));
        assertEquals(0, report.ruleFirings().get("载体失联"));
        assertEquals(List.of("载体失联"), report.unreachedRules());
        assertEquals(POLICY.ref(), report.policy());
    }
}

package org.carrierrules.internal.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import org.carrierrules.internal.LoadedPolicy;
import org.carrierrules.internal.PolicyLoader;
import org.carrierrules.internal.policy.BundledPolicyFiles;
import org.carrierrules.policy.MisfitBase;
import org.carrierrules.policy.PolicyProblem;
import org.carrierrules.policy.ScenarioReport;
import org.carrierrules.policy.ScenarioResult;

/**
 * A base that no longer fits the policy: what it gives by itself is said to come from it, in each scenario built on
 * it; scenarios that fail for that alone are reported once under the base, at its line of bases.yaml, when there
 * are at least two; a scenario that also fails for its own reason is shown as it is, with the note.
 */
class MisfitBasesTest {
    private static final LoadedPolicy BUNDLED = PolicyLoader.bundled("luohu-2024");
    /** The bundled policy in a round that asks for three paper copies: every application base hands in two. */
    private static final LoadedPolicy THREE_COPIES = BUNDLED.withRoundChanges(change("paperCopy.copies", 3));
    private static final String BASES = new String(BundledPolicyFiles.read().scenarios().get(BasesFile.PATH), StandardCharsets.UTF_8);
    private static final String TWO_COPIES_TOO_FEW = "多出 PAPER_COPIES_INSUFFICIENT（字段 paperCopy.copies）：纸质材料应一式3份，实交2份";

    private static ObjectNode change(String path, int value) {
        ObjectNode changes = JsonNodeFactory.instance.objectNode();
        changes.put(path, value);
        return changes;
    }

    private static ScenarioReport run(String bases, String scenarios, LoadedPolicy policy) {
        Map<String, byte[]> files = new TreeMap<>();
        files.put(BasesFile.PATH, bases.getBytes(StandardCharsets.UTF_8));
        files.put("scenarios/s.yaml", scenarios.getBytes(StandardCharsets.UTF_8));
        List<PolicyProblem> problems = new ArrayList<>();
        ScenarioSuite suite = ScenarioSuite.read(files, problems);
        assertEquals(List.of(), problems);
        return suite.run(policy, List.of());
    }

    private static List<String> failuresOf(ScenarioReport report, String name) {
        return report.results().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow().failures();
    }

    private static List<String> names(List<ScenarioResult> results) {
        return results.stream().map(ScenarioResult::name).toList();
    }

    @Test
    void aScenarioFailingOnlyBecauseOfItsBaseSaysSoAndIsShownOnItsOwnWhenItIsTheOnlyOne() {
        ScenarioReport report = run(BASES, """
                scenarios:
                  - name: 合格的申报予以受理
                    application: 合格的高技能人才培训基地申报
                    expect: {acceptance: ACCEPTED, codes: []}
                """, THREE_COPIES);
        assertEquals(List.of("结论预期为 ACCEPTED，实为 SUPPLEMENT_REQUIRED", TWO_COPIES_TOO_FEW,
                "其中 PAPER_COPIES_INSUFFICIENT 是样例“合格的高技能人才培训基地申报”本身就得出的（scenarios/bases.yaml 第4行）："
                        + "样例多半已不符合本政策，应修改样例而不是场景"), failuresOf(report, "合格的申报予以受理"));
        assertEquals(List.of(), report.misfitBases());
        assertEquals(List.of("合格的申报予以受理"), names(report.failedOnTheirOwn()));
    }

    @Test
    void scenariosFailingOnlyBecauseOfOneBaseAreReportedOnceUnderItAndTheOthersOnTheirOwn() {
        ScenarioReport report = run(BASES, """
                scenarios:
                  - name: 合格
                    application: 合格的高技能人才培训基地申报
                    expect: {acceptance: ACCEPTED, codes: []}
                  - name: 外区
                    application: 合格的高技能人才培训基地申报
                    change: {applicant.registeredDistrict: 福田区}
                    expect: {acceptance: NOT_ACCEPTED, codes: [NOT_REGISTERED_IN_DISTRICT]}
                  - name: 只写结论
                    application: 合格的高技能人才培训基地申报
                    expect: {acceptance: ACCEPTED}
                  - name: 外区，说明也写错了
                    application: 合格的高技能人才培训基地申报
                    change: {applicant.registeredDistrict: 福田区}
                    expect: {acceptance: NOT_ACCEPTED, codes: [NOT_REGISTERED_IN_DISTRICT], messages: [没有这句话]}
                  - name: 另一份样例
                    application: 合格的技能大师工作室申报
                    expect: {acceptance: ACCEPTED, codes: []}
                  - name: 只交一份
                    application: 合格的技能大师工作室申报
                    change: {paperCopy.copies: 1}
                    expect: {acceptance: SUPPLEMENT_REQUIRED, codes: [PAPER_COPIES_INSUFFICIENT]}
                """, THREE_COPIES);
        // Without codes written, the base's own finding is still what turns the conclusion.
        assertEquals(List.of("结论预期为 ACCEPTED，实为 SUPPLEMENT_REQUIRED", TWO_COPIES_TOO_FEW,
                "其中 PAPER_COPIES_INSUFFICIENT 是样例“合格的高技能人才培训基地申报”本身就得出的（scenarios/bases.yaml 第4行）："
                        + "样例多半已不符合本政策，应修改样例而不是场景"), failuresOf(report, "只写结论"));
        assertEquals(List.of(new MisfitBase("scenarios/bases.yaml", 4, "合格的高技能人才培训基地申报", List.of(TWO_COPIES_TOO_FEW),
                report.results().subList(0, 3))), report.misfitBases());
        // 外区，说明也写错了 fails for its own reason too; 另一份样例 is the only one of its base; 只交一份 passes.
        assertEquals(List.of("外区，说明也写错了", "另一份样例"), names(report.failedOnTheirOwn()));
        assertEquals(List.of(TWO_COPIES_TOO_FEW,
                "没有出现预期的说明“没有这句话”；实际说明为：NOT_REGISTERED_IN_DISTRICT（字段 applicant.registeredDistrict）："
                        + "申请单位登记在“福田区”，不是罗湖区的单位；PAPER_COPIES_INSUFFICIENT（字段 paperCopy.copies）：纸质材料应一式3份，实交2份",
                "其中 PAPER_COPIES_INSUFFICIENT 是样例“合格的高技能人才培训基地申报”本身就得出的（scenarios/bases.yaml 第4行）："
                        + "样例多半已不符合本政策，应修改样例而不是场景"), failuresOf(report, "外区，说明也写错了"));
        MisfitBase base = report.misfitBases().get(0);
        assertEquals("样例“合格的高技能人才培训基地申报”已不符合本政策，以它为基础的 3 个场景只因此未通过", base.headline());
        assertEquals(List.of("scenarios/s.yaml 第2、5、9行"), base.scenarioLines());
    }

    @Test
    void ofSeveralFindingsOfOneCodeTheOneTheBaseGivesByItselfIsTheExtraOne() {
        // A base without its 师资队伍情况; the scenario takes away 场地设施设备情况 and expects one MATERIAL_MISSING.
        String bases = BASES.replaceFirst(" {6}- \\{code: FACULTY, [^\n]*\n", "");
        ScenarioReport report = run(bases, """
                scenarios:
                  - name: 缺少场地设施设备情况
                    application: 合格的高技能人才培训基地申报
                    change:
                      materials[4]: ~
                    expect: {acceptance: SUPPLEMENT_REQUIRED, codes: [MATERIAL_MISSING]}
                """, BUNDLED);
        assertEquals(List.of("多出 MATERIAL_MISSING（材料 FACULTY 师资队伍情况）：缺少师资队伍情况",
                "其中 MATERIAL_MISSING 是样例“合格的高技能人才培训基地申报”本身就得出的（scenarios/bases.yaml 第4行）："
                        + "样例多半已不符合本政策，应修改样例而不是场景"), failuresOf(report, "缺少场地设施设备情况"));
    }

    @Test
    void aCarrierBaseThatNoLongerFitsGroupsItsScenarios() {
        String bases = BASES.replaceFirst("events: \\[\\]", "events: [{type: LOST_CONTACT, date: 2023-01-01}]");
        ScenarioReport report = run(bases, """
                scenarios:
                  - name: 保持认定
                    carrier: 2020年认定的技能大师工作室
                    asOf: 2024-12-31
                    expect: {outcome: KEEP, codes: []}
                  - name: 不能履行职责
                    carrier: 2020年认定的技能大师工作室
                    asOf: 2024-12-31
                    change: {events: [{type: LOST_CONTACT, date: 2023-01-01}, {type: DUTIES_NOT_FULFILLED, date: 2024-05-01}]}
                    expect: {outcome: RECTIFY, codes: [DUTIES_NOT_FULFILLED]}
                """, BUNDLED);
        assertEquals(List.of(new MisfitBase("scenarios/bases.yaml", 80, "2020年认定的技能大师工作室",
                List.of("多出 LOST_CONTACT（字段 events）：2023年1月1日发现载体失联"), report.results())), report.misfitBases());
        assertEquals(List.of(), report.failedOnTheirOwn());
    }

    @Test
    void aSubmissionFailsBecauseOfTheApplicationBaseItsApplicationsAreFrom() {
        ScenarioReport report = run(BASES, """
                scenarios:
                  - name: 名额2家
                    submission: 技能大师工作室七家申报
                    expect:
                      statuses: {场景-甲: CANDIDATE, 场景-庚: NOT_RANKED}
                      reasons: {场景-甲: [WITHIN_QUOTA]}
                  - name: 合格
                    application: 合格的技能大师工作室申报
                    expect: {acceptance: ACCEPTED, codes: []}
                """, THREE_COPIES);
        String paper = "PAPER_COPIES_INSUFFICIENT（字段 paperCopy.copies）：纸质材料应一式3份，实交2份";
        // 场景-庚 hands in no paper copy: not accepted, as expected, and not mentioned.
        assertEquals(List.of("场景-甲 的名单状态预期为 CANDIDATE，实为 NOT_RANKED",
                "场景-甲 多出 NOT_ACCEPTED：受理审查结论为“需补正”，未予受理的申报不参加评审排名",
                "场景-甲 少了 WITHIN_QUOTA",
                "场景-甲 的受理审查结论为 SUPPLEMENT_REQUIRED：" + paper,
                "其中 PAPER_COPIES_INSUFFICIENT 是样例“合格的技能大师工作室申报”本身就得出的（scenarios/bases.yaml 第29行）："
                        + "样例多半已不符合本政策，应修改样例而不是场景"), failuresOf(report, "名额2家"));
        assertEquals(List.of(new MisfitBase("scenarios/bases.yaml", 29, "合格的技能大师工作室申报", List.of("多出 " + paper),
                report.results())), report.misfitBases());
    }

    @Test
    void aScenarioExpectingARefusalIsNeverPutDownToItsBase() {
        ScenarioReport report = run(BASES, """
                scenarios:
                  - name: 预期拒绝甲
                    application: 合格的高技能人才培训基地申报
                    expect: {error: applicant.creditCode, acceptance: ACCEPTED}
                  - name: 预期拒绝乙
                    application: 合格的高技能人才培训基地申报
                    expect: {error: applicant.creditCode, acceptance: ACCEPTED}
                """, THREE_COPIES);
        assertEquals(List.of(), report.misfitBases());
        assertEquals(2, report.failedOnTheirOwn().size());
    }
}

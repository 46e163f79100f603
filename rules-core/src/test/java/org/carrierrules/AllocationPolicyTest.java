package org.carrierrules;

import static org.carrierrules.CarrierType.HIGH_SKILL_TRAINING_BASE;
import static org.carrierrules.CarrierType.RURAL_REVITALIZATION_STATION;
import static org.carrierrules.Rounds.accepted;
import static org.carrierrules.Rounds.round;
import static org.carrierrules.Rounds.scored;
import static org.carrierrules.Rounds.toSupplement;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.carrierrules.allocation.Allocation;
import org.carrierrules.allocation.AllocationReason;
import org.carrierrules.allocation.AllocationStatus;
import org.carrierrules.allocation.RoundSubmission;
import org.carrierrules.application.Application;
import org.carrierrules.application.FactValues;
import org.carrierrules.json.DecisionRecords;
import org.carrierrules.policy.PolicyException;
import org.carrierrules.policy.PolicyProblem;
import org.carrierrules.policy.RuleInfo;

/**
 * The allocation stage's policy data, round.yaml's {@code allocation} section: the clause every reason cites and
 * the order tied applications come in are the district's, not the library's. A district whose notice numbers its
 * clauses otherwise sees its own numbers in every reason and in {@code rules()}; a changed order changes who of two
 * tied applications gets the place; and a clause left out, or a code or key the library does not know, is a
 * {@code check} problem at its line. The allocation rules are the library's own: the copy of them older policies
 * hold is refused with where its citations went.
 */
class AllocationPolicyTest {
    private static final String ROUND = "round.yaml";
    private static final String RANKING = "rules/allocation/ranking.dslr";
    private static final String FORMER_RULES = "rules/allocation/allocation.drl";

    @TempDir
    Path temp;

    /** The line of the first line of the policy's round.yaml that starts with {@code start}, leading spaces included. */
    private static int line(Path policy, String start) {
        return line(policy, ROUND, start);
    }

    /** The first line of a policy file that starts with {@code start} (or, for a rule file, holds it). */
    private static int line(Path policy, String file, String start) {
        try {
            List<String> lines = Files.readAllLines(policy.resolve(file), StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith(start) || file.endsWith(".dslr") && lines.get(i).contains(start)) {
                    return i + 1;
                }
            }
            throw new AssertionError("no line starts with " + start);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> problems(Path policy) {
        return assertThrows(PolicyException.class, () -> CarrierRules.fromDirectoryUntested(policy)).problems().stream()
                .map(PolicyProblem::toString).toList();
    }

    private static AllocationReason reason(Allocation allocation, String id, String code) {
        List<AllocationReason> reasons = allocation.entry(id).orElseThrow().reasons(code);
        assertEquals(1, reasons.size(), id + " " + code);
        return reasons.get(0);
    }

    private static RuleInfo rule(CarrierRules rules, String name) {
        return rules.rules().stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("rules() has no " + name));
    }

    /**
     * 乡村振兴技能工作站 (1 place): R1 and R2 both 80, R1 submitted an hour earlier, so R1 takes the place on submission
     * time; 高技能人才培训基地: H1 scored 50, below the passing score of 60, and H2 is to be supplemented, so not accepted.
     */
    private static RoundSubmission tieAndTwoNotRanked() {
        return round(List.of(accepted("R1", RURAL_REVITALIZATION_STATION, "2024-08-20T09:00"),
                        accepted("R2", RURAL_REVITALIZATION_STATION, "2024-08-20T10:00"),
                        accepted("H1", HIGH_SKILL_TRAINING_BASE, "2024-08-20T11:00"),
                        toSupplement(accepted("H2", HIGH_SKILL_TRAINING_BASE, "2024-08-20T12:00"))),
                List.of(scored("R1", "80"), scored("R2", "80"), scored("H1", "50")), List.of());
    }

    @Test
    void aDistrictNumberingItsClausesOtherwiseSeesItsOwnInTheReasonsAndInRules() {
        Path policy = PolicyCopies.copy(temp);
        PolicyCopies.edit(policy, ROUND, "    NOT_ACCEPTED: 四(三) ", "    NOT_ACCEPTED: 第四条 ");
        PolicyCopies.edit(policy, RANKING, "rule \"评审得分未达到合格分\"\n    @clause(\"四(四)\")",
                "rule \"评审得分未达到合格分\"\n    @clause(\"第五条\")");
        PolicyCopies.edit(policy, ROUND, "    WITHIN_QUOTA: 三 ", "    WITHIN_QUOTA: 第三条 ");
        PolicyCopies.edit(policy, ROUND, "    QUOTA_FILLED: 三 ", "    QUOTA_FILLED: 第三条第二款 ");
        PolicyCopies.edit(policy, ROUND, "    - key: 评审得分\n      clause: 四(四)\n", "    - key: 评审得分\n      clause: 第五条\n");
        PolicyCopies.edit(policy, ROUND, "    - key: 提交时间\n      clause: 四(四)\n", "    - key: 提交时间\n      clause: 第六条\n");
        CarrierRules rules = CarrierRules.fromDirectory(policy);

        Allocation allocation = rules.allocate(tieAndTwoNotRanked());

        assertEquals("第三条", reason(allocation, "R1", "WITHIN_QUOTA").clause());
        assertEquals("第六条", reason(allocation, "R1", "TIE_BROKEN_BY_SUBMISSION_TIME").clause());
        assertEquals("第三条第二款", reason(allocation, "R2", "QUOTA_FILLED").clause());
        assertEquals("第六条", reason(allocation, "R2", "TIE_BROKEN_BY_SUBMISSION_TIME").clause());
        assertEquals("第五条", reason(allocation, "H1", "BELOW_PASSING_SCORE").clause());
        assertEquals("第四条", reason(allocation, "H2", "NOT_ACCEPTED").clause());

        assertEquals(new RuleInfo("评审得分未达到合格分", "第五条", RANKING, line(policy, RANKING, "rule \"评审得分未达到合格分\"")),
                rule(rules, "评审得分未达到合格分"));
        assertEquals(new RuleInfo("同类载体按评审得分排名", "第五条", ROUND, line(policy, "      clause: 第五条")),
                rule(rules, "同类载体按评审得分排名"));
        assertEquals(new RuleInfo("同分时按提交时间先后决定名额", "第六条", ROUND, line(policy, "      clause: 第六条")),
                rule(rules, "同分时按提交时间先后决定名额"));
        assertEquals(new RuleInfo("递补后本类名额仍已满，未入选", "第三条第二款", ROUND, line(policy, "    QUOTA_FILLED:")),
                rule(rules, "递补后本类名额仍已满，未入选"));

        // The decision record's trace of the rules that decided cites them so too.
        JsonNode trace = DecisionRecords.of(JsonNodeFactory.instance.objectNode(), allocation, rules.rules()).get("trace");
        JsonNode below = StreamSupport.stream(trace.spliterator(), false)
                .filter(step -> step.get("rule").asText().equals("评审得分未达到合格分")).findFirst().orElseThrow();
        assertEquals("第五条", below.get("clause").asText());
        assertEquals(RANKING, below.get("file").asText());
    }

    /** Every allocation rule of the bundled policy is listed, citing the clause round.yaml gives at the line it gives it. */
    @Test
    void theBundledRulesCiteTheirClausesFromRoundYaml() {
        Path policy = PolicyCopies.copy(temp);
        List<RuleInfo> allocation = CarrierRules.bundled().rules().stream().filter(r -> r.file().equals(ROUND)).toList();
        assertEquals(15, allocation.size(), allocation::toString);
        assertEquals(new RuleInfo("未受理的申报不参加排名", "四(三)", ROUND, line(policy, "    NOT_ACCEPTED:")),
                allocation.stream().filter(r -> r.name().equals("未受理的申报不参加排名")).findFirst().orElseThrow());
        assertEquals(Set.of("三", "四(三)", "四(四)", "四(五)"), allocation.stream().map(RuleInfo::clause).collect(Collectors.toSet()));
    }

    /** Submission time left out: of two applications with the same score, the one with the earlier id gets the place. */
    @Test
    void theOrderOfTiedApplicationsIsThePolicys() {
        RoundSubmission tie = round(List.of(accepted("LH-B", RURAL_REVITALIZATION_STATION, "2024-08-20T09:00"),
                        accepted("LH-A", RURAL_REVITALIZATION_STATION, "2024-08-20T10:00")),
                List.of(scored("LH-B", "77"), scored("LH-A", "77")), List.of());
        Allocation bundled = CarrierRules.bundled().allocate(tie);
        assertEquals(AllocationStatus.CANDIDATE, bundled.entry("LH-B").orElseThrow().status());

        Path policy = PolicyCopies.copy(temp);
        PolicyCopies.edit(policy, ROUND, "    - key: 提交时间\n      clause: 四(四)\n", "");
        CarrierRules rules = CarrierRules.fromDirectoryUntested(policy);
        Allocation allocation = rules.allocate(tie);

        assertEquals(AllocationStatus.CANDIDATE, allocation.entry("LH-A").orElseThrow().status());
        assertEquals(1, allocation.entry("LH-A").orElseThrow().rank());
        assertEquals(AllocationStatus.NOT_SELECTED, allocation.entry("LH-B").orElseThrow().status());
        assertEquals("与LH-B评审得分相同（77.00分），因申报编号在前排在其前，列入候选名单",
                reason(allocation, "LH-A", "TIE_BROKEN_BY_ID").message());
        assertEquals("与LH-A评审得分相同（77.00分），因申报编号在后排在其后，未能列入候选名单",
                reason(allocation, "LH-B", "TIE_BROKEN_BY_ID").message());
        // The rule about submission time can no longer fire, so it is not listed; the policy's own scenario about it fails.
        assertFalse(rules.rules().stream().anyMatch(r -> r.name().equals("同分时按提交时间先后决定名额")));
        assertTrue(rules.runScenarios().results().stream().anyMatch(r -> !r.passed() && r.name().equals("同分时提交时间较早的列入候选名单")));
    }

    @Test
    void aReasonClauseLeftOutOrEmptyIsNamedAtItsLine() {
        Path policy = PolicyCopies.copy(temp);
        PolicyCopies.edit(policy, ROUND, "    OBJECTION_NOT_UPHELD: 四(五)        # 公示期间异议不成立\n", "");
        PolicyCopies.edit(policy, ROUND, "    NOT_REVIEWED: 四(四) ", "    NOT_REVIEWED: ");
        assertEquals(List.of(
                "round.yaml 第" + line(policy, "    NOT_REVIEWED:") + "行：缺少 allocation.reasonClauses.NOT_REVIEWED 的条款"
                        + "（规则“已受理但没有评审结果”给出此理由时所引用的条款）",
                "round.yaml 第" + line(policy, "  reasonClauses:") + "行：缺少 allocation.reasonClauses.OBJECTION_NOT_UPHELD"
                        + "（规则“公示期间异议不成立”给出此理由时所引用的条款）"), problems(policy));
    }

    @Test
    void anUnknownReasonCodeIsNamedWithTheCodeMeant() {
        Path policy = PolicyCopies.copy(temp);
        PolicyCopies.edit(policy, ROUND, "    NOT_ACCEPTED: ", "    NOT_ACCEPTD: ");
        List<String> problems = problems(policy);
        assertEquals(2, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith("round.yaml 第" + line(policy, "    NOT_ACCEPTD:")
                + "行：allocation.reasonClauses 中的“NOT_ACCEPTD”不是本库评审与名额分配规则给出的理由代码；是否想写：“NOT_ACCEPTED”？；理由代码为："),
                problems.get(0));
        assertEquals("round.yaml 第" + line(policy, "  reasonClauses:") + "行：缺少 allocation.reasonClauses.NOT_ACCEPTED"
                + "（规则“未受理的申报不参加排名”给出此理由时所引用的条款）", problems.get(1));
    }

    @Test
    void aTieCodeAmongTheReasonsIsToldWhereItsClauseGoes() {
        Path policy = PolicyCopies.copy(temp);
        PolicyCopies.edit(policy, ROUND, "  reasonClauses:\n", "  reasonClauses:\n    TIE_BROKEN_BY_ID: 四(四)\n");
        assertEquals(List.of("round.yaml 第" + line(policy, "    TIE_BROKEN_BY_ID:") + "行：allocation.reasonClauses 中不写 TIE_BROKEN_BY_ID："
                + "同分由“申报编号”分出先后时所引用的条款，写在 allocation.rankingOrder 中“申报编号”一项的 clause；请删去这一行"), problems(policy));
    }

    @Test
    void anUnknownRankingKeyIsNamedWithTheKeyMeant() {
        Path policy = PolicyCopies.copy(temp);
        PolicyCopies.edit(policy, ROUND, "    - key: 提交时间\n", "    - key: 递交时间\n");
        assertEquals(List.of("round.yaml 第" + line(policy, "    - key: 递交时间") + "行：allocation.rankingOrder[1].key 的值“递交时间”"
                + "不是本库认识的排名依据；是否想写：“提交时间”？；可选的项：评审得分（高者在前）、提交时间（早者在前）、申报编号（按编号顺序）"),
                problems(policy));
    }

    @Test
    void aRankingKeyListedTwiceIsNamedAtItsSecondLine() {
        Path policy = PolicyCopies.copy(temp);
        PolicyCopies.edit(policy, ROUND, "    - key: 申报编号\n", "    - key: 提交时间\n      clause: 四(四)\n    - key: 申报编号\n");
        int second = line(policy, "    - key: 申报编号") - 2;
        assertEquals(List.of("round.yaml 第" + second + "行：排名依据“提交时间”重复出现（allocation.rankingOrder[2]）：每一项只能列一次"),
                problems(policy));
    }

    @Test
    void theScoreComesFirstAndTheIdLast() {
        Path policy = PolicyCopies.copy(temp);
        PolicyCopies.edit(policy, ROUND, "    - key: 评审得分\n      clause: 四(四)\n    - key: 提交时间\n",
                "    - key: 提交时间\n      clause: 四(四)\n    - key: 评审得分\n");
        PolicyCopies.edit(policy, ROUND, "    - key: 申报编号\n      clause: 四(四)\n", "");
        int list = line(policy, "  rankingOrder:");
        assertEquals(List.of(
                "round.yaml 第" + (list + 1) + "行：排名依据的第一项须为“评审得分”（实为“提交时间”）：候选名单依据专家评审打分确定，得分相同时才比较其后各项",
                "round.yaml 第" + list + "行：allocation.rankingOrder 中缺少“申报编号”：申报编号各不相同，列在最后，排名才总能分出先后"
                        + "（否则其他各项都相同的申报无从排定）"), problems(policy));

        Path afterId = PolicyCopies.copy(temp.resolve("after-id"));
        PolicyCopies.edit(afterId, ROUND, "    - key: 提交时间\n      clause: 四(四)\n", "");
        PolicyCopies.edit(afterId, ROUND, "    - key: 申报编号\n      clause: 四(四)\n",
                "    - key: 申报编号\n      clause: 四(四)\n    - key: 提交时间\n      clause: 四(四)\n");
        assertEquals(List.of("round.yaml 第" + line(afterId, "    - key: 提交时间") + "行：allocation.rankingOrder[2] 排在“申报编号”之后，"
                + "永远不会起作用（申报编号各不相同）：请把“申报编号”列在最后"), problems(afterId));
    }

    @Test
    void aRoundWithoutTheAllocationDataOfThisVersionIsToldWhatIsMissing() {
        Path policy = PolicyCopies.copy(temp);
        String text = readString(policy.resolve(ROUND));
        int from = text.indexOf("  rankingOrder:\n");
        int to = text.indexOf("  # 候选单位在公示期间异议成立被取消后");
        writeString(policy.resolve(ROUND), text.substring(0, from) + text.substring(to));
        int allocation = line(policy, "allocation:");
        assertEquals(List.of("round.yaml 第" + allocation + "行：缺少 allocation.rankingOrder（排名依据，依次比较：评审得分、提交时间、申报编号）",
                "round.yaml 第" + allocation + "行：缺少 allocation.reasonClauses（每个理由代码所依据的条款）"), problems(policy));
    }

    /**
     * The copy of the allocation rules that older policies hold, edited as a district did to cite its own clause: refused
     * at its first citation, with where the citations now live, not kept unread. (broken-policies/allocation-drl-left-behind
     * has the copy as the library shipped it.)
     */
    @Test
    void theFormerAllocationRulesLeftInThePolicyAreRefusedWithWhereTheirCitationsWent() {
        Path policy = PolicyCopies.copy(temp);
        String former = formerRules().replaceFirst("@clause\\(\"四\\(四\\)\"\\)", "@clause(\"第五条\")");
        writeString(policy.resolve(FORMER_RULES), former);
        List<String> problems = problems(policy);
        int firstClause = former.substring(0, former.indexOf("@clause(")).split("\n", -1).length;
        assertEquals(List.of(FORMER_RULES + " 第" + firstClause + "行：评审与名额分配的规则已由本库自带，不再从政策目录读取此文件，"
                + "改动它也不会起作用：请删除此文件。各项结果引用的条款现在写在 round.yaml 的 allocation.reasonClauses，"
                + "同分时的先后次序及其条款写在 allocation.rankingOrder，合格分仍在 rubric.yaml 的 passingScore；哪些申报不参加排名"
                + "（实地考察未通过、未达合格分）写成 rules/allocation/ 下的中文规则文件（见内置政策的 rules/allocation/ranking.dslr）"), problems);
    }

    /** A sentence of 受理审查 in the allocation folder is refused as in any stage: only 排名资格 is the policy's there. */
    @Test
    void aRuleOfAnotherStageInTheAllocationFolderIsRefusedAtItsLine() {
        Path policy = PolicyCopies.copy(temp);
        writeString(policy.resolve("rules/allocation/more.dslr"), """
                rule "登记地不在本区的不排名"
                    @clause("二")
                when
                    申请单位不在本区登记
                then
                    不参加排名，代码 SITE_VISIT_FAILED：不是本区单位
                end
                """);
        assertEquals(List.of("rules/allocation/more.dslr 第4行：这句话属于另一环节，不能用在评审与名额分配（rules/allocation/）的规则中："
                + "“申请单位不在本区登记”"), problems(policy));
    }

    /** The library's reasons (名额, 异议, 同分) are not a policy rule's to give: its rules may only keep an application out. */
    @Test
    void aPolicyRuleGivingALibraryReasonIsRefusedWithTheCodesItMayGive() {
        Path policy = PolicyCopies.copy(temp);
        PolicyCopies.edit(policy, RANKING, "不参加排名，代码 SITE_VISIT_FAILED：", "不参加排名，代码 QUOTA_FILLED：");
        assertEquals(List.of(RANKING + " 第" + line(policy, RANKING, "代码 QUOTA_FILLED") + "行：代码 QUOTA_FILLED 是本库评审与名额分配"
                + "规则给出的理由，政策的规则不能给出；不参加排名的理由可用 SITE_VISIT_FAILED、BELOW_PASSING_SCORE，或在 codes.yaml 中"
                + "声明新的代码（stage: ALLOCATION，severity: NOT_RANKED）"), problems(policy));
    }

    /** A round.yaml of before keeps the clauses of the reasons its rules now give: told where they went, at their lines. */
    @Test
    void aReasonClauseOfARuleThePolicyNowWritesIsToldWhereItGoes() {
        Path policy = PolicyCopies.copy(temp);
        PolicyCopies.edit(policy, ROUND, "  reasonClauses:\n", "  reasonClauses:\n    SITE_VISIT_FAILED: 四(四)\n");
        assertEquals(List.of("round.yaml 第" + line(policy, "    SITE_VISIT_FAILED:") + "行：allocation.reasonClauses 中不写 "
                + "SITE_VISIT_FAILED：不参加排名的理由由政策目录 rules/allocation/ 下的规则给出，所引用的条款写在该规则的 @clause"
                + "（见内置政策的 rules/allocation/ranking.dslr）；请删去这一行"), problems(policy));
    }

    /**
     * A criterion of the district's own at 排名资格, in the rule language: a declared fact (失信), its own code, a message
     * with the application's score. The application it names is not ranked, and the one behind it takes its place.
     */
    @Test
    void aDistrictKeepsApplicationsOnAListOutOfTheRankingWithARuleOfItsOwn() {
        Path policy = PolicyCopies.copy(temp);
        writeString(policy.resolve("facts.yaml"), """
                reference: 示例
                facts:
                  - key: onDishonestyList
                    label: 列入失信惩戒名单
                    type: 是否
                    clause: 示例
                """);
        writeString(policy.resolve("codes.yaml"), """
                codes:
                  - code: ON_DISHONESTY_LIST
                    stage: ALLOCATION
                    severity: NOT_RANKED
                    clause: 示例
                    label: 列入失信惩戒名单
                """);
        writeString(policy.resolve("rules/allocation/dishonesty.dslr"), """
                rule "列入失信惩戒名单的不参加排名"
                    @clause("示例")
                when
                    申请单位的列入失信惩戒名单为是
                then
                    不参加排名，代码 ON_DISHONESTY_LIST：评审得分{评审得分}分，但申请单位列入失信惩戒名单（{列入失信惩戒名单}），不参加排名
                end
                """);
        CarrierRules rules = CarrierRules.fromDirectory(policy);
        RoundSubmission round = tieAndTwoNotRanked();
        List<Application> applications = round.applications().stream()
                .map(a -> a.withFacts(FactValues.builder().yesNo("onDishonestyList", a.id().equals("R1")).build())).toList();

        Allocation allocation = rules.allocate(new RoundSubmission(round.round(), applications, round.reviews(), round.objections()));

        AllocationReason reason = reason(allocation, "R1", "ON_DISHONESTY_LIST");
        assertEquals(new AllocationReason("ON_DISHONESTY_LIST", "示例", "列入失信惩戒名单的不参加排名",
                "评审得分80.00分，但申请单位列入失信惩戒名单（是），不参加排名"), reason);
        assertEquals(AllocationStatus.NOT_RANKED, allocation.entry("R1").orElseThrow().status());
        assertEquals(AllocationStatus.CANDIDATE, allocation.entry("R2").orElseThrow().status());
        assertEquals(1, allocation.entry("R2").orElseThrow().rank());
        assertTrue(allocation.firedRules().contains("列入失信惩戒名单的不参加排名"), allocation.firedRules()::toString);
        assertEquals(new RuleInfo("列入失信惩戒名单的不参加排名", "示例", "rules/allocation/dishonesty.dslr", 1),
                rule(rules, "列入失信惩戒名单的不参加排名"));
    }

    private static String formerRules() {
        try (InputStream in = AllocationPolicyTest.class.getResourceAsStream(
                "/broken-policies/allocation-drl-left-behind/" + FORMER_RULES)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeString(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.carrierrules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.carrierrules.policy.PolicyException;
import org.carrierrules.policy.PolicyProblem;
import org.carrierrules.policy.ScenarioResult;

/** A broken policy directory is refused with every problem listed, in Chinese, with file and line. */
class PolicyLoadingTest {
    @TempDir
    Path temp;

    private List<PolicyProblem> problemsAfter(String file, String from, String to) {
        Path policy = PolicyCopies.copy(temp);
        PolicyCopies.edit(policy, file, from, to);
        return assertThrows(PolicyException.class, () -> CarrierRules.fromDirectory(policy)).problems();
    }

    @Test
    void aCopyOfTheBundledPolicyLoadsWithTheSameFingerprint() {
        CarrierRules copy = CarrierRules.fromDirectory(PolicyCopies.copy(temp));
        assertEquals(CarrierRules.bundled().policy(), copy.policy());
        assertTrue(copy.policy().fingerprint().matches("sha256:[0-9a-f]{64}"));
    }

    @Test
    void anyEditChangesTheFingerprint() {
        Path policy = PolicyCopies.copy(temp);
        PolicyCopies.edit(policy, "rules/materials/paper-copy.dslr", "：未提交纸质材料\n", "：未提交纸质材料。\n");
        assertNotEquals(CarrierRules.bundled().policy().fingerprint(), CarrierRules.fromDirectory(policy).policy().fingerprint());
    }

    @Test
    void aWindowThatClosesBeforeItOpens() {
        List<PolicyProblem> problems = problemsAfter("round.yaml", "closes: 2024-08-25T18:00:00", "closes: 2024-08-02T18:00:00");
        assertEquals(1, problems.size());
        assertEquals("round.yaml", problems.get(0).file());
        assertTrue(problems.get(0).message().contains("截止时间"), problems.get(0)::message);
    }

    @Test
    void aQuotaThatIsNotANumber() {
        List<PolicyProblem> problems = problemsAfter("round.yaml", "SKILL_MASTER_STUDIO: 2", "SKILL_MASTER_STUDIO: 两家");
        assertEquals("round.yaml", problems.get(0).file());
        assertTrue(problems.get(0).line() > 0);
        assertTrue(problems.get(0).message().contains("两家") && problems.get(0).message().contains("整数"),
                problems.get(0)::message);
    }

    @Test
    void aMisspelledKeyIsNamedWithTheKeysThatExist() {
        List<PolicyProblem> problems = problemsAfter("round.yaml", "  copies: 2", "  copys: 2");
        assertTrue(problems.get(0).message().contains("copys") && problems.get(0).message().contains("copies"),
                problems.get(0)::message);
    }

    @Test
    void quotasAboveTheTotal() {
        List<PolicyProblem> problems = problemsAfter("round.yaml", "HIGH_SKILL_TRAINING_BASE: 3", "HIGH_SKILL_TRAINING_BASE: 4");
        assertTrue(problems.get(0).message().contains("超过总名额"), problems.get(0)::message);
    }

    @Test
    void aRequiredMaterialMissingFromTheCatalogue() {
        List<PolicyProblem> problems = problemsAfter("materials.yaml", "[FACILITIES, FACULTY]", "[FACILITIES, FACULTY, SAFETY_PLAN]");
        assertEquals("materials.yaml", problems.get(0).file());
        assertTrue(problems.get(0).message().contains("SAFETY_PLAN"), problems.get(0)::message);
    }

    /** Each scan carries the one requirement of its code, so a code listed twice in one list is refused at its place. */
    @Test
    void aRequiredMaterialListedTwiceInOneList() {
        List<PolicyProblem> problems = problemsAfter("materials.yaml", "[FACILITIES, FACULTY]", "[FACILITIES, FACULTY, FACILITIES]");
        assertEquals(1, problems.size(), problems::toString);
        assertEquals("materials.yaml", problems.get(0).file());
        assertTrue(problems.get(0).message().contains("FACILITIES 重复列出"), problems.get(0)::message);
    }

    @Test
    void aSentenceOutsideTheVocabularyNamesFileLineAndTheSentenceMeant() throws Exception {
        Path policy = PolicyCopies.copy(temp);
        List<String> lines = Files.readAllLines(policy.resolve("rules/eligibility/eligibility.dslr"));
        int line = lines.indexOf("    申请单位未依法设立") + 1;
        PolicyCopies.edit(policy, "rules/eligibility/eligibility.dslr", "    申请单位未依法设立\n", "    申请单位未依法成立\n");

        List<PolicyProblem> problems = assertThrows(PolicyException.class, () -> CarrierRules.fromDirectory(policy)).problems();

        assertEquals(List.of(new PolicyProblem("rules/eligibility/eligibility.dslr", line,
                "这句话不在规则词汇表中：“申请单位未依法成立”；是否想写：“申请单位未依法设立”？")), problems);
    }

    @Test
    void aDuplicateRuleNameIsTranslated() {
        List<PolicyProblem> problems = problemsAfter("rules/materials/paper-copy.dslr",
                "rule \"纸质材料未编制页码\"", "rule \"纸质材料未编制目录\"");
        assertEquals("rules/materials/paper-copy.dslr", problems.get(0).file());
        assertTrue(problems.get(0).message().startsWith("规则名称重复：“纸质材料未编制目录”"), problems.get(0)::message);
    }

    @Test
    void aRuleWithoutClauseIsRefused() throws Exception {
        Path policy = PolicyCopies.copy(temp);
        List<String> lines = Files.readAllLines(policy.resolve("rules/materials/paper-copy.dslr"));
        int line = lines.indexOf("rule \"纸质材料未装订成册\"") + 1;
        PolicyCopies.edit(policy, "rules/materials/paper-copy.dslr",
                "rule \"纸质材料未装订成册\"\n    @clause(\"四(二)\")\n", "rule \"纸质材料未装订成册\"\n");

        List<PolicyProblem> problems = assertThrows(PolicyException.class, () -> CarrierRules.fromDirectory(policy)).problems();

        assertEquals(List.of(new PolicyProblem("rules/materials/paper-copy.dslr", line,
                "规则“纸质材料未装订成册”须在规则名下一行注明且只注明一个依据条款，如 @clause(\"四(二)\")")), problems);
    }

    @Test
    void aStaffDirectoryMayNotBringItsOwnDrl() throws Exception {
        Path policy = PolicyCopies.copy(temp);
        Files.writeString(policy.resolve("rules/materials/extra.drl"), "package rules.materials;\n");

        List<PolicyProblem> problems = assertThrows(PolicyException.class, () -> CarrierRules.fromDirectory(policy)).problems();

        assertEquals("rules/materials/extra.drl", problems.get(0).file());
        assertTrue(problems.get(0).message().startsWith("政策目录中不能有 DRL 文件"), problems.get(0)::message);
    }

    @Test
    void everyProblemIsReportedNotJustTheFirst() {
        Path policy = PolicyCopies.copy(temp);
        PolicyCopies.edit(policy, "round.yaml", "  copies: 2", "  copies: 0");
        PolicyCopies.edit(policy, "round.yaml", "totalQuota: 6", "totalQuota: 5");
        PolicyCopies.edit(policy, "materials.yaml", "  FACULTY: 师资队伍情况", "  FACULTY: \"\"");

        List<PolicyProblem> problems = assertThrows(PolicyException.class, () -> CarrierRules.fromDirectory(policy)).problems();

        assertEquals(3, problems.size(), problems::toString);
    }

    /** The round a scenario changes is a copy written by the library: its lines are no one's, the scenario's line is given. */
    @Test
    void aScenarioWhoseRoundChangeBreaksTheRoundIsToldWithoutTheLinesOfTheCopy() throws Exception {
        Path policy = PolicyCopies.copy(temp);
        Files.writeString(policy.resolve("scenarios/round-change.yaml"), """
                scenarios:
                  - name: 纸质材料一份也不要
                    application: 合格的技能大师工作室申报
                    round:
                      paperCopy.copies: 0
                    expect: {acceptance: ACCEPTED}
                """);

        ScenarioResult result = CarrierRules.fromDirectoryUntested(policy).runScenarios().results().stream()
                .filter(r -> r.name().equals("纸质材料一份也不要")).findFirst().orElseThrow();

        assertEquals(List.of("round 中的改动使本轮参数无效：[round.yaml：paperCopy.copies 应至少为1，实为0]"), result.failures());
        assertEquals(2, result.line());
    }

    @Test
    void aDirectoryThatIsNotThere() {
        PolicyException e = assertThrows(PolicyException.class, () -> CarrierRules.fromDirectory(temp.resolve("nowhere")));
        assertTrue(e.getMessage().contains("不是一个目录"), e::getMessage);
    }
}

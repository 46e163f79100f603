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
        PolicyCopies.edit(policy, "rules/materials/paper-copy.drl", "未提交纸质材料\");", "未提交纸质材料。\");");
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

    @Test
    void aRuleSyntaxErrorNamesFileAndLine() throws Exception {
        Path policy = PolicyCopies.copy(temp);
        Path file = policy.resolve("rules/materials/paper-copy.drl");
        List<String> lines = Files.readAllLines(file);
        int line = lines.indexOf("    PaperCopy( !bound )") + 1;
        PolicyCopies.edit(policy, "rules/materials/paper-copy.drl", "    PaperCopy( !bound )", "    PaperCopy( !bound ");

        List<PolicyProblem> problems = assertThrows(PolicyException.class, () -> CarrierRules.fromDirectory(policy)).problems();

        PolicyProblem first = problems.get(0);
        assertEquals("rules/materials/paper-copy.drl", first.file());
        assertTrue(Math.abs(first.line() - line) <= 1, () -> "line " + first.line() + " vs " + line);
    }

    @Test
    void aRuleWithoutClauseIsRefused() {
        List<PolicyProblem> problems = problemsAfter("rules/materials/paper-copy.drl",
                "rule \"纸质材料未装订成册\"\n    @clause(\"四(二)\")\n", "rule \"纸质材料未装订成册\"\n");
        assertEquals(1, problems.size());
        assertEquals("rules/materials/paper-copy.drl", problems.get(0).file());
        assertTrue(problems.get(0).message().contains("纸质材料未装订成册") && problems.get(0).message().contains("@clause"),
                problems.get(0)::message);
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

    @Test
    void aDirectoryThatIsNotThere() {
        PolicyException e = assertThrows(PolicyException.class, () -> CarrierRules.fromDirectory(temp.resolve("nowhere")));
        assertTrue(e.getMessage().contains("不是一个目录"), e::getMessage);
    }
}

package org.carrierrules.internal.language;

import static org.carrierrules.internal.language.FactRules.holds;
import static org.carrierrules.internal.language.FactRules.sound;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.carrierrules.application.FactValues;
import org.carrierrules.internal.policy.BundledPolicyFiles;
import org.carrierrules.internal.policy.PolicyFiles;
import org.carrierrules.policy.PolicyProblem;

/** 或者 and 并非 over generated yes/no facts (QuickTheories): the sentences are Boolean algebra, a fact left out being no. */
class FactAlgebraPropertiesTest {
    private static final long SEED = 20240812L;
    private static final String A = "申请单位的以线上平台开展培训为是";
    private static final String B = "申请单位的列入失信惩戒名单为是";

    /** 0: left out, 1: false, 2: true. */
    private static FactValues facts(int a, int b) {
        FactValues.Builder facts = FactValues.builder();
        if (a > 0) {
            facts.yesNo("onlinePlatform", a == 2);
        }
        if (b > 0) {
            facts.yesNo("onCreditBlacklist", b == 2);
        }
        return facts.build();
    }

    @Test
    void orIsEitherNotIsNeitherAndOrIsTheUnionOfTwoRules() {
        CheckedRule either = sound(A + "\n或者 " + B);
        CheckedRule notA = sound("并非" + A);
        CheckedRule onlyA = sound(A);
        CheckedRule onlyB = sound(B);
        CheckedRule neither = sound("并非" + A + "\n并非" + B);
        CheckedRule notBoth = sound("并非" + A + "\n或者 并非" + B);
        qt().withFixedSeed(SEED).withExamples(100).forAll(integers().between(0, 2), integers().between(0, 2)).checkAssert((a, b) -> {
            FactValues facts = facts(a, b);
            boolean isA = a == 2;
            boolean isB = b == 2;
            String what = a + "," + b;
            assertEquals(isA || isB, holds(either, facts), what);
            assertEquals(!isA, holds(notA, facts), what);
            assertEquals(holds(onlyA, facts) || holds(onlyB, facts), holds(either, facts), what);
            assertEquals(!(isA || isB), holds(neither, facts), what + ": de Morgan");
            assertEquals(!(isA && isB), holds(notBoth, facts), what + ": de Morgan");
        });
    }

    /** A policy that declares nothing generates what it did before facts existed: no global for fact sentences. */
    @Test
    void theBundledPolicysGeneratedRulesHaveNoConditionsGlobal() {
        PolicyFiles files = BundledPolicyFiles.read();
        RuleChecker checker = new RuleChecker(Vocabulary.bundled(), CodeCatalogue.library());
        List<PolicyProblem> problems = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, byte[]> file : files.rules().entrySet()) {
            Stage stage = file.getKey().startsWith("rules/supervision/") ? Stage.SUPERVISION
                    : file.getKey().startsWith("rules/allocation/") ? null : Stage.ASSESSMENT;
            if (stage == null) {
                continue;
            }
            checked++;
            List<CheckedRule> rules = checker.check(RuleFileParser.parse(file.getKey(), file.getValue(), problems), stage, problems);
            assertFalse(DrlGenerator.generate(stage, rules).contains(DrlGenerator.CONDITIONS), file::getKey);
        }
        assertEquals(List.of(), problems);
        assertTrue(checked >= 4, "the bundled rule files were found");
    }
}

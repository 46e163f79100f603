package org.carrierrules.internal.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import org.carrierrules.PolicyRef;
import org.carrierrules.policy.MisfitBase;
import org.carrierrules.policy.PolicyException;
import org.carrierrules.policy.ScenarioReport;
import org.carrierrules.policy.ScenarioResult;

/**
 * For any set of scenario results, some failing because of one of a few bases alone: every failed scenario is in the
 * report exactly once, under a base or on its own, and no passed one is; a base lists its scenarios when there are
 * at least {@link ScenarioSuite#GROUPED_FROM} of them and only then; and the refusal of the policy has one problem
 * for each base and each scenario on its own.
 */
class MisfitBasesPropertiesTest {
    private static final long SEED = 20241012L;
    private static final List<FromBase> BASES = List.of(
            fromBase("合格的高技能人才培训基地申报", 4, new Item("MATERIAL_MISSING", "材料 SAFETY_CERT 安全生产证明材料", "缺少安全生产证明材料")),
            fromBase("合格的技能大师工作室申报", 29, new Item("PAPER_COPIES_INSUFFICIENT", "字段 paperCopy.copies", "纸质材料应一式3份，实交2份")),
            // The same base coming to another finding by itself: another misfit, reported apart.
            fromBase("合格的技能大师工作室申报", 29, new Item("PAPER_NOT_A4", "字段 paperCopy.paperSize", "纸质材料应使用A4纸，实为B5")),
            fromBase("2020年认定的技能大师工作室", 80, new Item("LOST_CONTACT", "字段 events", "2023年1月1日发现载体失联")));

    private static FromBase fromBase(String name, int line, Item item) {
        return new FromBase(new Base(name, line, null, Map.of()), List.of(item));
    }

    /** One scenario: 0 passed, 1 failed for its own reason, 2.. failed because of the base at that place less 2 alone. */
    private static Gen<List<Integer>> scenarios() {
        return lists().of(integers().between(0, BASES.size() + 1)).ofSizeBetween(0, 40);
    }

    private static List<ScenarioSuite.Ran> ran(List<Integer> kinds) {
        List<ScenarioSuite.Ran> ran = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            int kind = kinds.get(i);
            ScenarioResult result = new ScenarioResult("scenarios/s" + (i % 3) + ".yaml", i + 1, "场景" + i,
                    kind == 0 ? List.of() : List.of("失败"), List.of());
            ran.add(new ScenarioSuite.Ran(result, kind < 2 ? null : BASES.get(kind - 2)));
        }
        return ran;
    }

    @Test
    void everyFailedScenarioIsReportedOnceUnderABaseOrOnItsOwn() {
        qt().withFixedSeed(SEED).withExamples(300).forAll(scenarios()).checkAssert(kinds -> {
            List<ScenarioSuite.Ran> ran = ran(kinds);
            List<ScenarioResult> results = ran.stream().map(ScenarioSuite.Ran::result).toList();
            ScenarioReport report = new ScenarioReport(new PolicyRef("luohu-2024", "sha256:0"), results, Map.of(),
                    ScenarioSuite.misfitBases(ran));

            Map<ScenarioResult, Integer> times = new HashMap<>();
            report.failedOnTheirOwn().forEach(r -> times.merge(r, 1, Integer::sum));
            report.misfitBases().forEach(base -> base.scenarios().forEach(r -> times.merge(r, 1, Integer::sum)));
            for (ScenarioResult result : results) {
                assertEquals(result.passed() ? 0 : 1, times.getOrDefault(result, 0), result.name());
            }

            Map<FromBase, Integer> failedByBase = new HashMap<>();
            ran.stream().filter(r -> r.fromBase() != null).forEach(r -> failedByBase.merge(r.fromBase(), 1, Integer::sum));
            long grouped = failedByBase.values().stream().filter(n -> n >= ScenarioSuite.GROUPED_FROM).count();
            assertEquals(grouped, report.misfitBases().size());
            for (MisfitBase base : report.misfitBases()) {
                assertTrue(base.scenarios().size() >= ScenarioSuite.GROUPED_FROM, base.toString());
                assertEquals("scenarios/bases.yaml", base.file());
                // Its scenarios in the report's order, and each file's lines once in the compact list.
                assertEquals(results.stream().filter(base.scenarios()::contains).toList(), base.scenarios());
                assertEquals(base.scenarios().stream().map(ScenarioResult::file).distinct().count(), base.scenarioLines().size());
            }
            for (int i = 1; i < report.misfitBases().size(); i++) {
                assertTrue(report.misfitBases().get(i - 1).line() <= report.misfitBases().get(i).line());
            }

            if (!report.passed()) {
                PolicyException refused = PolicyException.scenariosFailed("test", report);
                assertEquals(report.failedOnTheirOwn().size() + report.misfitBases().size(), refused.problems().size());
            }
        });
    }
}

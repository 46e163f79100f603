package org.carrierrules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import org.carrierrules.policy.ScenarioReport;

/** The scenario tests policy staff keep in the bundled policy's scenarios/ folder, run in the build. */
class BundledScenariosTest {
    private static final ScenarioReport REPORT = CarrierRules.bundled().runScenarios();

    @TestFactory
    Stream<DynamicTest> everyScenarioPasses() {
        return REPORT.results().stream().map(result -> DynamicTest.dynamicTest(result.file() + ": " + result.name(),
                () -> assertEquals(List.of(), result.failures())));
    }

    @Test
    void everyRuleIsReachedBySomeScenario() {
        assertTrue(REPORT.results().size() >= 40, "the bundled suite has a scenario per rule and its boundaries");
        assertEquals(List.of(), REPORT.unreachedRules());
        assertEquals(CarrierRules.bundled().rules().size(), REPORT.ruleFirings().size());
    }
}

package org.carrierrules.internal.scenario;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** One scenario's input decided against a policy and compared with what the scenario expects of it. */
@FunctionalInterface
interface Check {
    /**
     * Decides {@code input} as a host's call would, and compares.
     *
     * @throws org.carrierrules.InvalidInputException when the input is refused
     */
    Outcome run(ScenarioSubject policy, JsonNode input);

    /**
     * @param failures what did not come out as expected, in plain Chinese; empty when all did
     * @param rules    the rules that gave the decision's conclusions, a rule once per conclusion
     */
    record Outcome(List<String> failures, List<String> rules) {
    }
}

package org.carrierrules.policy;

import java.util.List;

/**
 * The outcome of one scenario test written by policy staff.
 *
 * @param file       the scenario file, e.g. {@code scenarios/eligibility.yaml}
 * @param line       the line where the scenario starts
 * @param name       the scenario's name
 * @param failures   what did not come out as expected, in plain Chinese; empty when it passed
 * @param firedRules the rules that produced findings in this scenario
 */
public record ScenarioResult(String file, int line, String name, List<String> failures, List<String> firedRules) {
    public ScenarioResult {
        failures = List.copyOf(failures);
        firedRules = List.copyOf(firedRules);
    }

    public boolean passed() {
        return failures.isEmpty();
    }
}

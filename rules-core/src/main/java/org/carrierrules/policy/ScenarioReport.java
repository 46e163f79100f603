package org.carrierrules.policy;

import java.util.List;
import java.util.Map;

import org.carrierrules.PolicyRef;

/**
 * A policy's scenario tests, run: each result, and how often each rule of the policy fired across
 * them, so that staff see which rules no scenario reaches.
 *
 * @param policy      the policy the scenarios ran against
 * @param results     one per scenario, in file and then written order
 * @param ruleFirings every rule of the policy with the number of scenarios in which it fired (0 included)
 */
public record ScenarioReport(PolicyRef policy, List<ScenarioResult> results, Map<String, Integer> ruleFirings) {
    public ScenarioReport {
        results = List.copyOf(results);
        ruleFirings = Map.copyOf(ruleFirings);
    }

    public boolean passed() {
        return results.stream().allMatch(ScenarioResult::passed);
    }

    public List<ScenarioResult> failed() {
        return results.stream().filter(r -> !r.passed()).toList();
    }

    /** The rules no scenario reaches, sorted. */
    public List<String> unreachedRules() {
        return ruleFirings.entrySet().stream().filter(e -> e.getValue() == 0).map(Map.Entry::getKey).sorted().toList();
    }
}

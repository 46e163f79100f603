package org.carrierrules.policy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.carrierrules.PolicyRef;

/**
 * A policy's scenario tests, run: each result, and how often each rule of the policy fired across
 * them, so that staff see which rules no scenario reaches.
 *
 * @param policy      the policy the scenarios ran against
 * @param results     one per scenario, in file and then written order
 * @param ruleFirings every rule of the policy with the number of scenarios in which it fired (0 included)
 * @param misfitBases the bases that no longer fit the policy, each with the failed scenarios that fail for that
 *                    alone, in the order of {@code scenarios/bases.yaml}
 */
public record ScenarioReport(PolicyRef policy, List<ScenarioResult> results, Map<String, Integer> ruleFirings,
                             List<MisfitBase> misfitBases) {
    public ScenarioReport {
        results = List.copyOf(results);
        ruleFirings = Map.copyOf(ruleFirings);
        misfitBases = List.copyOf(misfitBases);
    }

    /** A report that puts no failure down to a base. */
    public ScenarioReport(PolicyRef policy, List<ScenarioResult> results, Map<String, Integer> ruleFirings) {
        this(policy, results, ruleFirings, List.of());
    }

    public boolean passed() {
        return results.stream().allMatch(ScenarioResult::passed);
    }

    public List<ScenarioResult> failed() {
        return results.stream().filter(r -> !r.passed()).toList();
    }

    /**
     * The failed scenarios under no {@link #misfitBases() misfit base}, in file and then written order: with those
     * bases' scenarios, every failed scenario once.
     */
    public List<ScenarioResult> failedOnTheirOwn() {
        Set<ScenarioResult> underBases = new HashSet<>();
        misfitBases.forEach(base -> underBases.addAll(base.scenarios()));
        return failed().stream().filter(r -> !underBases.contains(r)).toList();
    }

    /** The rules no scenario reaches, sorted. */
    public List<String> unreachedRules() {
        return ruleFirings.entrySet().stream().filter(e -> e.getValue() == 0).map(Map.Entry::getKey).sorted().toList();
    }
}

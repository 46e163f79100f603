package org.carrierrules.internal.scenario;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.carrierrules.InvalidInputException;
import org.carrierrules.policy.PolicyException;
import org.carrierrules.policy.PolicyProblem;
import org.carrierrules.policy.ScenarioReport;
import org.carrierrules.policy.ScenarioResult;

/**
 * The scenario tests of a policy directory, read ({@link ScenarioFiles}, which shows their form) and run:
 * each scenario's input decided against the policy, under its round changes if it has any, and compared
 * with what it expects; and, for every rule of the policy, the number of scenarios it fired in, so that
 * staff see which rules no scenario reaches.
 */
public final class ScenarioSuite {
    private final List<Scenario> scenarios;

    private ScenarioSuite(List<Scenario> scenarios) {
        this.scenarios = List.copyOf(scenarios);
    }

    /**
     * The suite, with a problem added, at its line, for everything malformed in the files: every problem of
     * every file, never an exception.
     */
    public static ScenarioSuite read(Map<String, byte[]> files, List<PolicyProblem> problems) {
        return new ScenarioSuite(ScenarioFiles.read(files, problems));
    }

    /** Runs every scenario against {@code policy}; counts, for every rule of it, the scenarios it fired in. */
    public ScenarioReport run(ScenarioSubject policy, Collection<String> ruleNames) {
        Map<String, Integer> firings = new TreeMap<>();
        ruleNames.forEach(rule -> firings.put(rule, 0));
        List<ScenarioResult> results = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            ScenarioResult result = run(scenario, policy);
            result.firedRules().stream().distinct().forEach(rule -> firings.merge(rule, 1, Integer::sum));
            results.add(result);
        }
        return new ScenarioReport(policy.ref(), results, firings);
    }

    private static ScenarioResult run(Scenario s, ScenarioSubject basePolicy) {
        List<String> failures = new ArrayList<>();
        ScenarioSubject policy = basePolicy;
        if (s.roundChanges().size() > 0) {
            try {
                policy = basePolicy.withRoundChanges(s.roundChanges());
            } catch (PolicyException e) {
                failures.add("round 中的改动使本轮参数无效：" + e.problems());
                return new ScenarioResult(s.file(), s.line(), s.name(), failures, List.of());
            }
        }
        Check.Outcome outcome;
        try {
            outcome = s.check().run(policy, s.input());
        } catch (InvalidInputException e) {
            if (s.errorField() == null) {
                failures.add("输入被拒绝（字段 " + e.field() + "：" + e.problem() + "），预期应作出结论");
            } else if (!s.errorField().equals(e.field())) {
                failures.add("预期字段 " + s.errorField() + " 有误，实为字段 " + e.field() + "：" + e.problem());
            }
            return new ScenarioResult(s.file(), s.line(), s.name(), failures, List.of());
        }
        if (s.errorField() != null) {
            failures.add("预期字段 " + s.errorField() + " 的输入应被拒绝，实际作出了结论");
        }
        failures.addAll(outcome.failures());
        return new ScenarioResult(s.file(), s.line(), s.name(), failures, outcome.rules());
    }
}

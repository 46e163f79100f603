package org.carrierrules.internal.scenario;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.carrierrules.InvalidInputException;
import org.carrierrules.policy.MisfitBase;
import org.carrierrules.policy.PolicyException;
import org.carrierrules.policy.PolicyProblem;
import org.carrierrules.policy.ScenarioReport;
import org.carrierrules.policy.ScenarioResult;

/**
 * The scenario tests of a policy directory, read ({@link ScenarioFiles}, which shows their form) and run:
 * each scenario's input decided against the policy, under its round changes if it has any, and compared
 * with what it expects; and, for every rule of the policy, the number of scenarios it fired in, so that
 * staff see which rules no scenario reaches. When a change to the policy makes a base no longer fit (a
 * material added, more copies asked for), every scenario built on it fails the same way: those that fail
 * for that alone are reported once, under the base ({@link MisfitBase}).
 */
public final class ScenarioSuite {
    /**
     * How many scenarios failing for the same base's same findings alone are reported under the base: from two,
     * one line at the base says it better than the same failure twice; one alone is shown as it is, its note
     * naming the base.
     */
    static final int GROUPED_FROM = 2;

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

    /** One scenario run: its result, and the base that explains all of its failures, if one does. */
    record Ran(ScenarioResult result, FromBase fromBase) {
    }

    /** Runs every scenario against {@code policy}; counts, for every rule of it, the scenarios it fired in. */
    public ScenarioReport run(ScenarioSubject policy, Collection<String> ruleNames) {
        Map<String, Integer> firings = new TreeMap<>();
        ruleNames.forEach(rule -> firings.put(rule, 0));
        List<Ran> ran = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            Ran one = run(scenario, policy);
            one.result().firedRules().stream().distinct().forEach(rule -> firings.merge(rule, 1, Integer::sum));
            ran.add(one);
        }
        return new ScenarioReport(policy.ref(), ran.stream().map(Ran::result).toList(), firings, misfitBases(ran));
    }

    /**
     * The bases under which failed scenarios are reported: a base and what it comes to by itself, with every
     * scenario whose failures that explains, when there are at least {@link #GROUPED_FROM}; by line of the base.
     */
    static List<MisfitBase> misfitBases(List<Ran> ran) {
        Map<FromBase, List<ScenarioResult>> byBase = new LinkedHashMap<>();
        for (Ran one : ran) {
            if (one.fromBase() != null && !one.result().passed()) {
                byBase.computeIfAbsent(one.fromBase(), base -> new ArrayList<>()).add(one.result());
            }
        }
        return byBase.entrySet().stream().filter(e -> e.getValue().size() >= GROUPED_FROM)
                .map(e -> new MisfitBase(BasesFile.PATH, e.getKey().base().line(), e.getKey().base().name(),
                        e.getKey().differences(), e.getValue()))
                .sorted(Comparator.comparingInt(MisfitBase::line))
                .toList();
    }

    /**
     * When a scenario is refused for what its base is refused for too (a fact the policy now requires that the base does
     * not carry), the base is what no longer fits: the scenario is reported under it. Null when the base is decided.
     */
    private static FromBase refusedAsItsBase(Scenario s, ScenarioSubject policy, InvalidInputException refused) {
        if (s.base() == null) {
            return null;
        }
        try {
            s.check().run(policy, s.base().input(), s.base());
            return null;
        } catch (InvalidInputException e) {
            return e.field().equals(refused.field()) && e.problem().equals(refused.problem())
                    ? new FromBase(s.base(), List.of(Item.refusal(e))) : null;
        }
    }

    private static Ran run(Scenario s, ScenarioSubject basePolicy) {
        List<String> failures = new ArrayList<>();
        ScenarioSubject policy = basePolicy;
        if (s.roundChanges().size() > 0) {
            try {
                policy = basePolicy.withRoundChanges(s.roundChanges());
            } catch (PolicyException e) {
                failures.add("round 中的改动使本轮参数无效：" + e.problems());
                return new Ran(new ScenarioResult(s.file(), s.line(), s.name(), failures, List.of()), null);
            }
        }
        Check.Outcome outcome;
        try {
            outcome = s.check().run(policy, s.input(), s.base());
        } catch (InvalidInputException e) {
            if (s.errorField() == null) {
                failures.add("输入被拒绝（字段 " + e.field() + "：" + e.problem() + "），预期应作出结论");
                return new Ran(new ScenarioResult(s.file(), s.line(), s.name(), failures, List.of()), refusedAsItsBase(s, policy, e));
            }
            if (!s.errorField().equals(e.field())) {
                failures.add("预期字段 " + s.errorField() + " 有误，实为字段 " + e.field() + "：" + e.problem());
            }
            return new Ran(new ScenarioResult(s.file(), s.line(), s.name(), failures, List.of()), null);
        }
        FromBase fromBase = outcome.fromBase();
        if (s.errorField() != null) {
            failures.add("预期字段 " + s.errorField() + " 的输入应被拒绝，实际作出了结论");
            fromBase = null;
        }
        failures.addAll(outcome.failures());
        return new Ran(new ScenarioResult(s.file(), s.line(), s.name(), failures, outcome.rules()), fromBase);
    }
}

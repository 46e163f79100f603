package org.carrierrules.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A policy directory that cannot be put in service; lists every problem found, not just the first. Either the
 * directory is broken (its files, rules or scenarios cannot be read), or it loads but its own scenario tests
 * fail ({@link #failedScenarios()}), each failed scenario then being one problem at its file and line, or, when a
 * base of {@code scenarios/bases.yaml} no longer fits, one problem at the base's line for the scenarios it fails.
 */
public final class PolicyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<PolicyProblem> problems;
    private final transient ScenarioReport failedScenarios;

    public PolicyException(String source, List<PolicyProblem> problems) {
        this(source, "政策文件有误，未能加载", problems, null);
    }

    private PolicyException(String source, String headline, List<PolicyProblem> problems, ScenarioReport failedScenarios) {
        super(headline + "（" + source + "）：\n" + problems.stream()
                .map(p -> "  - " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
        this.failedScenarios = failedScenarios;
    }

    /**
     * A policy that loads but whose own scenario tests do not all pass: it must not decide anything. A base that
     * no longer fits is one problem at its line, for all the scenarios that fail because of it alone.
     */
    public static PolicyException scenariosFailed(String source, ScenarioReport report) {
        List<PolicyProblem> problems = new ArrayList<>(report.failedOnTheirOwn().stream()
                .map(r -> new PolicyProblem(r.file(), r.line(), "场景“" + r.name() + "”未通过：" + String.join("；", r.failures())))
                .toList());
        report.misfitBases().forEach(base -> problems.add(new PolicyProblem(base.file(), base.line(), base.summary())));
        return new PolicyException(source, "政策的场景测试未全部通过，未投入使用", problems, report);
    }

    public List<PolicyProblem> problems() {
        return problems;
    }

    /** The scenario report when the policy was refused because its scenarios failed; empty when it is broken. */
    public Optional<ScenarioReport> failedScenarios() {
        return Optional.ofNullable(failedScenarios);
    }
}

package org.carrierrules.policy;

import java.util.List;
import java.util.stream.Collectors;

/** A policy directory that cannot be loaded; lists every problem found, not just the first. */
public final class PolicyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<PolicyProblem> problems;

    public PolicyException(String source, List<PolicyProblem> problems) {
        super("政策文件有误，未能加载（" + source + "）：\n" + problems.stream()
                .map(p -> "  - " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<PolicyProblem> problems() {
        return problems;
    }
}

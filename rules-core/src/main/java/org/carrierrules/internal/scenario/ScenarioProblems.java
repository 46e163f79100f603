package org.carrierrules.internal.scenario;

import java.util.List;

import com.fasterxml.jackson.core.JsonPointer;

import org.carrierrules.internal.policy.FileProblems;
import org.carrierrules.internal.policy.LocatedTree;
import org.carrierrules.policy.PolicyProblem;

/**
 * The problems of one scenario file, through the policy files' one problems helper ({@link FileProblems}: each
 * at the line the YAML parser gave the place it is about), and for one scenario, each message naming the
 * scenario and {@link #here} at the line where the scenario starts.
 */
final class ScenarioProblems {
    private final FileProblems problems;
    private final List<PolicyProblem> list;
    private final String prefix;
    private final int line;
    private int count;

    ScenarioProblems(String file, LocatedTree tree, List<PolicyProblem> list) {
        this(new FileProblems(file, tree, list), list, "", 0);
    }

    private ScenarioProblems(FileProblems problems, List<PolicyProblem> list, String prefix, int line) {
        this.problems = problems;
        this.list = list;
        this.prefix = prefix;
        this.line = line;
    }

    /** The line of {@code at} in the file. */
    int line(JsonPointer at) {
        return problems.tree().line(at);
    }

    /** The problems of one part of the file: each message begins with {@code prefix}; {@link #here} is at {@code line}. */
    ScenarioProblems about(String prefix, int line) {
        return new ScenarioProblems(problems, list, this.prefix + prefix, line);
    }

    /** A problem at {@code at}'s line (the file as a whole when {@code at} is null). */
    void add(JsonPointer at, String message) {
        problems.add(at, prefix + message);
        count++;
    }

    /** A problem at the line of the scenario (as the golden fixtures have always had these). */
    void here(String message) {
        list.add(new PolicyProblem(problems.file(), line, prefix + message));
        count++;
    }

    /** Whether no problem was added through this object (those of the file as a whole or of other parts do not count). */
    boolean none() {
        return count == 0;
    }
}

package org.carrierrules.internal.scenario;

import java.util.List;

import com.fasterxml.jackson.core.JsonPointer;

import org.carrierrules.internal.policy.LocatedTree;
import org.carrierrules.policy.PolicyProblem;

/**
 * The problems of one scenario file, each at the line the YAML parser gave the place it is about
 * ({@link LocatedTree}), or, for one scenario, at the line where the scenario starts.
 */
final class FileProblems {
    private final String file;
    private final LocatedTree tree;
    private final List<PolicyProblem> list;
    private final String prefix;
    private final int line;
    private int count;

    FileProblems(String file, LocatedTree tree, List<PolicyProblem> list) {
        this(file, tree, list, "", 0);
    }

    private FileProblems(String file, LocatedTree tree, List<PolicyProblem> list, String prefix, int line) {
        this.file = file;
        this.tree = tree;
        this.list = list;
        this.prefix = prefix;
        this.line = line;
    }

    /** The line of {@code at} in the file. */
    int line(JsonPointer at) {
        return tree.line(at);
    }

    /** The problems of one part of the file: each message begins with {@code prefix}; {@link #here} is at {@code line}. */
    FileProblems about(String prefix, int line) {
        return new FileProblems(file, tree, list, this.prefix + prefix, line);
    }

    /** A problem at {@code at}'s line (the file as a whole when {@code at} is null). */
    void add(JsonPointer at, String message) {
        list.add(new PolicyProblem(file, at == null ? 0 : tree.line(at), prefix + message));
        count++;
    }

    /** A problem at the line of the scenario (as the golden fixtures have always had these). */
    void here(String message) {
        list.add(new PolicyProblem(file, line, prefix + message));
        count++;
    }

    /** Whether no problem was added through this object (those of the file as a whole or of other parts do not count). */
    boolean none() {
        return count == 0;
    }
}

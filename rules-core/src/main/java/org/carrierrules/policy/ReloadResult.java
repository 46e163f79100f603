package org.carrierrules.policy;

import java.util.List;

import org.carrierrules.PolicyRef;

/**
 * What came of asking a facade to reload its policy directory.
 *
 * @param outcome   what was done
 * @param serving   the policy that serves decisions now (the old one unless {@link Outcome#APPLIED})
 * @param problems  why the directory could not be loaded, if so (plain Chinese, with file and line)
 * @param scenarios the new policy's own scenario tests, when it loaded and was tested; null otherwise
 */
public record ReloadResult(Outcome outcome, PolicyRef serving, List<PolicyProblem> problems, ScenarioReport scenarios) {
    public ReloadResult {
        problems = List.copyOf(problems);
    }

    /** What a reload did. */
    public enum Outcome {
        /** The directory's files were as before, byte for byte: nothing was read into rules or compiled. */
        UNCHANGED,
        /** The new policy loaded, its scenarios passed, and it now serves. */
        APPLIED,
        /** The directory has problems ({@link #problems()}); the old policy keeps serving. */
        REFUSED_BROKEN,
        /** The new policy loaded but some of its own scenarios failed ({@link #scenarios()}); the old one keeps serving. */
        REFUSED_SCENARIOS_FAILED
    }

    /** True when the new policy replaced the old one. */
    public boolean applied() {
        return outcome == Outcome.APPLIED;
    }
}

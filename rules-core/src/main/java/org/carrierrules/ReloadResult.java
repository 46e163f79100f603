package org.carrierrules;

import java.util.List;

/**
 * What came of asking a facade to reload its policy directory.
 *
 * @param applied   true when the new policy replaced the old one
 * @param serving   the policy that serves decisions now (the old one when not applied)
 * @param problems  why the directory could not be loaded, if so (plain Chinese, with file and line)
 * @param scenarios the new policy's own scenario tests, when it loaded; null otherwise
 */
public record ReloadResult(boolean applied, PolicyRef serving, List<PolicyProblem> problems, ScenarioReport scenarios) {
    public ReloadResult {
        problems = List.copyOf(problems);
    }
}

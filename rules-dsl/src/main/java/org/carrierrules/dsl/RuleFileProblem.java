package org.carrierrules.dsl;

/**
 * Something wrong with a line of a rule file, said for the policy officer who wrote it.
 *
 * @param line    1-based line in the staff's own file
 * @param message what is wrong and how to fix it, in plain Chinese
 */
public record RuleFileProblem(int line, String message) {
}

package org.carrierrules.policy;

/**
 * One thing wrong with a policy directory, said so that a policy officer can find and fix it.
 *
 * @param file    the file at fault, relative to the policy directory, e.g. {@code rules/materials/scans.dslr}
 * @param line    its line (1-based), or 0 when the problem is about the file as a whole
 * @param message what is wrong, in plain Chinese
 */
public record PolicyProblem(String file, int line, String message) {
    @Override
    public String toString() {
        return line > 0 ? file + " 第" + line + "行：" + message : file + "：" + message;
    }
}

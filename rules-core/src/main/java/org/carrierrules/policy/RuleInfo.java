package org.carrierrules.policy;

/**
 * One rule of a loaded policy.
 *
 * @param name   its name, as findings cite it
 * @param clause the clause of the notice it applies
 * @param file   the policy file it is written in, e.g. {@code rules/materials/scans.dslr}; for the library's own
 *               allocation rules, {@code round.yaml}, which gives the clause they cite
 * @param line   the line of that file its {@code rule "…"} is written on; for an allocation rule, the line of its clause
 */
public record RuleInfo(String name, String clause, String file, int line) {
}

package org.carrierrules.assessment;

/**
 * One thing a rule found about an application.
 *
 * @param code     stable code of the contract, e.g. {@code MATERIAL_NOT_SEALED}
 * @param severity how much it weighs
 * @param clause   the clause of the notice the rule applies, e.g. {@code 四(二)}
 * @param material the material concerned, or null when the finding is not about one material
 * @param rule     the name of the rule that produced it
 * @param message  what was found, in plain Chinese
 * @param fact     the key of the declared fact concerned ({@code facts.yaml}), or null when the finding is not about one fact
 */
public record Finding(String code, Severity severity, String clause, String material, String rule, String message, String fact) {
    /** A finding about no declared fact. */
    public Finding(String code, Severity severity, String clause, String material, String rule, String message) {
        this(code, severity, clause, material, rule, message, null);
    }
}

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
 */
public record Finding(String code, Severity severity, String clause, String material, String rule, String message) {
}

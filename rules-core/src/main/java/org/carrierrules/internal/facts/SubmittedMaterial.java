package org.carrierrules.internal.facts;

import org.carrierrules.application.Material;

/**
 * A scan the applicant uploaded (四(二)), carrying the round's requirement of its code for the carrier type applied
 * for: the one fact per material an assessment inserts. The rules read the requirement from it instead of joining
 * every required material with every submitted one, which was most of an assessment's work (docs/performance.md).
 *
 * @param code        the material's code, the key the rules compare
 * @param material    the scan as submitted
 * @param requirement the round's requirement of that code, or null when the carrier type does not require it
 */
public record SubmittedMaterial(String code, Material material, RequiredMaterial requirement) {
    /** {@code material} with the round's requirement of its code, null when the carrier type has none. */
    public static SubmittedMaterial of(Material material, RequiredMaterial requirement) {
        return new SubmittedMaterial(material.code(), material, requirement);
    }
}

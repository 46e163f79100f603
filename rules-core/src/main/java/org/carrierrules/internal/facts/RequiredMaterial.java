package org.carrierrules.internal.facts;

/**
 * A material the applied-for carrier type must hand in: read from the round (the global {@code requiredMaterials}
 * of an assessment, and the requirement each {@link MaterialItem} carries), never inserted.
 *
 * @param code  its code in the round's material catalogue
 * @param name  its Chinese name, which the file must be named after
 * @param order its place in the round's list, which is also its place in a 补正 notice
 */
public record RequiredMaterial(String code, String name, int order) {
}

package org.carrierrules.internal.facts;

import org.carrierrules.application.FileFormat;
import org.carrierrules.application.Material;

/**
 * One line of an application's materials held against the round's list for its carrier type (四(二)): a scan with
 * the requirement of its code, a scan of a code the type does not require, or a required material no scan was
 * submitted for. The one fact per material an assessment inserts: the rules read the requirement from it instead
 * of joining every required material with every submitted scan, which was most of an assessment's work
 * (docs/performance.md). Its fields are the scan's, flat, because Drools compiles constraints and bindings on a
 * fact's own fields to bytecode and reads nested ones through MVEL.
 *
 * @param code         the material's code
 * @param submitted    whether a scan was submitted; when not, the scan's fields are null and false
 * @param requirement  the round's requirement of the code, or null when the carrier type does not require it
 * @param materialName the required material's name, or null when not required
 */
public record MaterialItem(String code, boolean submitted, String fileName, FileFormat format, boolean sealed,
                           boolean legible, boolean pagesComplete, boolean skewed, RequiredMaterial requirement,
                           String materialName) {
    /** A submitted scan, with the round's requirement of its code (null when the carrier type has none). */
    public static MaterialItem submitted(Material scan, RequiredMaterial requirement) {
        return new MaterialItem(scan.code(), true, scan.fileName(), scan.format(), scan.sealed(), scan.legible(),
                scan.pagesComplete(), scan.skewed(), requirement, requirement == null ? null : requirement.name());
    }

    /** A required material no scan was submitted for. */
    public static MaterialItem missing(RequiredMaterial requirement) {
        return new MaterialItem(requirement.code(), false, null, null, false, false, false, false, requirement,
                requirement.name());
    }
}

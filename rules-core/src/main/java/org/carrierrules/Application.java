package org.carrierrules;

import java.time.Instant;
import java.util.List;

/**
 * One application for recognition as a carrier. Immutable; every constructor argument is checked,
 * and a bad one raises {@link InvalidInputException} naming the field.
 *
 * @param id             the application's id, unique within a round
 * @param carrierType    the kind of carrier applied for (一)
 * @param submittedAt    when it was submitted online (四(一) window)
 * @param applicant      who applies (二)
 * @param materials      the uploaded scans (四(二)); may be empty, never null
 * @param paperCopy      the paper copy, or null when none was handed in
 * @param electronicCopy the electronic copy, or null when none was handed in
 */
public record Application(String id, CarrierType carrierType, Instant submittedAt, Applicant applicant,
                          List<Material> materials, PaperCopy paperCopy, ElectronicCopy electronicCopy) {
    public Application {
        Inputs.requiredText(id, "id");
        Inputs.required(carrierType, "carrierType");
        Inputs.fourDigitYear(submittedAt, "submittedAt");
        Inputs.required(applicant, "applicant");
        materials = Inputs.requiredList(materials, "materials");
    }

    /** A copy with other materials, for "what if this one were missing" questions. */
    public Application withMaterials(List<Material> replacement) {
        return new Application(id, carrierType, submittedAt, applicant, replacement, paperCopy, electronicCopy);
    }
}

package org.carrierrules.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.carrierrules.CarrierType;
import org.carrierrules.Inputs;
import org.carrierrules.InvalidInputException;

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
 * @param facts          the facts its policy declares ({@code facts.yaml}); {@link FactValues#none()} when it declares none
 */
public record Application(String id, CarrierType carrierType, Instant submittedAt, Applicant applicant,
                          List<Material> materials, PaperCopy paperCopy, ElectronicCopy electronicCopy, FactValues facts) {
    public Application {
        Inputs.requiredText(id, "id");
        Inputs.required(carrierType, "carrierType");
        Inputs.fourDigitYear(submittedAt, "submittedAt");
        Inputs.required(applicant, "applicant");
        materials = Inputs.requiredList(materials, "materials");
        Inputs.required(facts, "facts");
    }

    /** An application carrying no declared facts, as every application did before policies could declare them. */
    public Application(String id, CarrierType carrierType, Instant submittedAt, Applicant applicant,
                       List<Material> materials, PaperCopy paperCopy, ElectronicCopy electronicCopy) {
        this(id, carrierType, submittedAt, applicant, materials, paperCopy, electronicCopy, FactValues.none());
    }

    /** A copy with other materials, for "what if this one were missing" questions. */
    public Application withMaterials(List<Material> replacement) {
        return new Application(id, carrierType, submittedAt, applicant, replacement, paperCopy, electronicCopy, facts);
    }

    /** A copy carrying other facts. */
    public Application withFacts(FactValues replacement) {
        return new Application(id, carrierType, submittedAt, applicant, materials, paperCopy, electronicCopy, replacement);
    }

    /**
     * An application built a part at a time: the id, the carrier type, the applicant and the submission time are
     * required; the materials default to none, and the paper and electronic copies to none handed in unless set.
     */
    public static Builder builder(String id, CarrierType carrierType, Applicant applicant, Instant submittedAt) {
        return new Builder(id, carrierType, applicant, submittedAt);
    }

    /** Builds an {@link Application}; not thread-safe, and every check happens in {@link #build()}. */
    public static final class Builder {
        private final String id;
        private final CarrierType carrierType;
        private final Applicant applicant;
        private final Instant submittedAt;
        private final List<Material> materials = new ArrayList<>();
        private PaperCopy paperCopy;
        private ElectronicCopy electronicCopy;
        private FactValues facts = FactValues.none();

        private Builder(String id, CarrierType carrierType, Applicant applicant, Instant submittedAt) {
            this.id = id;
            this.carrierType = carrierType;
            this.applicant = applicant;
            this.submittedAt = submittedAt;
        }

        /** Adds uploaded scans, in order. */
        public Builder material(Material... scans) {
            materials.addAll(List.of(scans));
            return this;
        }

        /** Adds uploaded scans, in order. */
        public Builder materials(List<Material> scans) {
            materials.addAll(scans);
            return this;
        }

        public Builder paperCopy(PaperCopy copy) {
            this.paperCopy = copy;
            return this;
        }

        public Builder electronicCopy(ElectronicCopy copy) {
            this.electronicCopy = copy;
            return this;
        }

        /** The electronic copy the notice asks for, named after this applicant ({@link ElectronicCopy#namedAfter}). */
        public Builder electronicCopyNamedAfterApplicant() {
            this.electronicCopy = ElectronicCopy.namedAfter(applicant.name());
            return this;
        }

        /** The facts its policy declares, e.g. {@code FactValues.builder().number("annualTrainees", 1200).build()}. */
        public Builder facts(FactValues values) {
            this.facts = values;
            return this;
        }

        /** @throws InvalidInputException naming the field, when a part is missing or wrong */
        public Application build() {
            return new Application(id, carrierType, submittedAt, applicant, materials, paperCopy, electronicCopy, facts);
        }
    }
}

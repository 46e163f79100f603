package org.carrierrules.application;

import org.carrierrules.Inputs;
import org.carrierrules.InvalidInputException;

/**
 * The body that applies (申报单位, notice 二).
 *
 * @param name                the registered name; electronic copies must be named after it (四(二))
 * @param creditCode          统一社会信用代码, check character verified
 * @param type                what kind of body it is
 * @param hasTrainingFunction whether it carries a vocational-training function (承担职业培训职能)
 * @param legallyEstablished  whether it is legally established (依法设立)
 * @param registeredDistrict  the district it is registered in, e.g. 罗湖区
 */
public record Applicant(String name, String creditCode, ApplicantType type, boolean hasTrainingFunction,
                        boolean legallyEstablished, String registeredDistrict) {
    public Applicant {
        Inputs.requiredText(name, "name");
        Inputs.requiredText(creditCode, "creditCode");
        String problem = CreditCode.problem(creditCode);
        if (problem != null) {
            throw new InvalidInputException("creditCode", problem);
        }
        Inputs.required(type, "type");
        Inputs.requiredText(registeredDistrict, "registeredDistrict");
    }

    /**
     * A body that is legally established (依法设立) and carries a vocational-training function (承担职业培训职能);
     * the {@code with…} methods give the same body without one of them.
     */
    public static Applicant of(String name, String creditCode, ApplicantType type, String registeredDistrict) {
        return new Applicant(name, creditCode, type, true, true, registeredDistrict);
    }

    /** The same body, carrying no vocational-training function. */
    public Applicant withoutTrainingFunction() {
        return new Applicant(name, creditCode, type, false, legallyEstablished, registeredDistrict);
    }

    /** The same body, not legally established. */
    public Applicant notLegallyEstablished() {
        return new Applicant(name, creditCode, type, hasTrainingFunction, false, registeredDistrict);
    }
}

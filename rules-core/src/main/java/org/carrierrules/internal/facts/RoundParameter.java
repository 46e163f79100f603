package org.carrierrules.internal.facts;

import java.util.List;
import java.util.Set;

import org.carrierrules.CarrierType;
import org.carrierrules.application.ApplicantType;
import org.carrierrules.application.FactType;

/**
 * A named value of the round ({@code parameters.yaml}), with its clause, that rules compare facts with:
 * {@code 「最低年培训人数」}. It may take one value for every application or differ by carrier type and
 * applicant type, as OpenFisca's parameters do by situation. Immutable.
 *
 * @param name      the Chinese name rules write between 「」
 * @param type      the kind of value, as a declared fact's
 * @param unit      the unit of a number, e.g. {@code 人}; empty when it has none
 * @param reference the clause the value comes from
 * @param cases     the values and whom each applies to, none overlapping
 */
public record RoundParameter(String name, FactType type, String unit, String reference, List<Case> cases) {
    public RoundParameter {
        cases = List.copyOf(cases);
    }

    /**
     * One value and whom it applies to.
     *
     * @param carrierTypes   the carrier types it applies to; empty for every type
     * @param applicantTypes the applicant types it applies to; empty for every type
     * @param value          a {@link java.math.BigDecimal}, {@link Boolean}, {@link java.time.LocalDate} or {@link String}
     */
    public record Case(Set<CarrierType> carrierTypes, Set<ApplicantType> applicantTypes, Object value) {
        public Case {
            carrierTypes = Set.copyOf(carrierTypes);
            applicantTypes = Set.copyOf(applicantTypes);
        }

        public boolean appliesTo(CarrierType carrierType, ApplicantType applicantType) {
            return (carrierTypes.isEmpty() || carrierTypes.contains(carrierType))
                    && (applicantTypes.isEmpty() || applicantType == null || applicantTypes.contains(applicantType));
        }
    }

    /** The value for an application of these types, or null when the round gives none for them. */
    public Object valueFor(CarrierType carrierType, ApplicantType applicantType) {
        for (Case c : cases) {
            if (c.appliesTo(carrierType, applicantType)) {
                return c.value();
            }
        }
        return null;
    }
}

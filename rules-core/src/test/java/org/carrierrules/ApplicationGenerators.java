package org.carrierrules;

import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.quicktheories.core.Gen;

import org.carrierrules.application.ApplicantType;
import org.carrierrules.application.Application;

/** QuickTheories generators of applications to the bundled round. */
final class ApplicationGenerators {
    /** The applicant types the notice (二) admits; PUBLIC_INSTITUTION only with a training function. */
    static final List<ApplicantType> ELIGIBLE = List.of(ApplicantType.ENTERPRISE, ApplicantType.INDUSTRY_ASSOCIATION,
            ApplicantType.TRAINING_INSTITUTION, ApplicantType.HIGHER_EDUCATION, ApplicantType.VOCATIONAL_COLLEGE,
            ApplicantType.TECHNICAL_SCHOOL, ApplicantType.PUBLIC_INSTITUTION);
    static final List<ApplicantType> NOT_ELIGIBLE = List.of(ApplicantType.INDIVIDUAL_BUSINESS,
            ApplicantType.PRIVATE_NON_ENTERPRISE, ApplicantType.GOVERNMENT_AGENCY, ApplicantType.OTHER);

    /** 2024-08-12T00:00 and 2024-08-25T18:00 Beijing time, as instants. */
    static final long OPENS = Instant.parse("2024-08-11T16:00:00Z").getEpochSecond();
    static final long CLOSES = Instant.parse("2024-08-25T10:00:00Z").getEpochSecond();

    private ApplicationGenerators() {
    }

    static Gen<CarrierType> carrierTypes() {
        return arbitrary().enumValues(CarrierType.class);
    }

    static Gen<Instant> inWindow() {
        return longs().between(OPENS, CLOSES).map((Long seconds) -> Instant.ofEpochSecond(seconds));
    }

    /** A fully valid application of any type, eligible applicant type and time in the window. */
    static Gen<Application> valid() {
        return carrierTypes().zip(arbitrary().pick(ELIGIBLE), inWindow(), (type, applicant, at) -> {
            Application base = ValidApplications.of(type, applicant);
            return new Application(base.id(), type, at, base.applicant(), base.materials(), base.paperCopy(),
                    base.electronicCopy());
        });
    }

    /** A permutation of {@code list} chosen by {@code seed}. */
    static <T> List<T> shuffled(List<T> list, long seed) {
        List<T> copy = new ArrayList<>(list);
        Collections.shuffle(copy, new Random(seed));
        return copy;
    }

    static Gen<Integer> indexes(int size) {
        return integers().between(0, size - 1);
    }
}

package org.carrierrules;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.carrierrules.allocation.ExpertReview;
import org.carrierrules.allocation.ExpertScore;
import org.carrierrules.allocation.Objection;
import org.carrierrules.allocation.RoundSubmission;
import org.carrierrules.application.Applicant;
import org.carrierrules.application.ApplicantType;
import org.carrierrules.application.Application;
import org.carrierrules.internal.allocation.ExpertSheets;

/**
 * Rounds written the way an allocation test reads them: applications that 受理审查 accepts, each with
 * its id, type and Beijing submission time; reviews given as the experts' totals.
 */
final class Rounds {
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private Rounds() {
    }

    /** A fully valid, hence accepted, application submitted at a Beijing time such as {@code 2024-08-20T10:00}. */
    static Application accepted(String id, CarrierType type, String beijingTime) {
        Application base = ValidApplications.of(type, ApplicantType.TRAINING_INSTITUTION);
        return new Application(id, type, LocalDateTime.parse(beijingTime).atZone(BEIJING).toInstant(), base.applicant(),
                base.materials(), base.paperCopy(), base.electronicCopy());
    }

    /** The same application without a paper copy: 需补正 (四(三)). */
    static Application toSupplement(Application application) {
        return new Application(application.id(), application.carrierType(), application.submittedAt(), application.applicant(),
                application.materials(), null, application.electronicCopy());
    }

    /** The same application from a 机关: not eligible (二), so not accepted. */
    static Application ineligible(Application application) {
        Applicant a = application.applicant();
        return new Application(application.id(), application.carrierType(), application.submittedAt(),
                new Applicant(a.name(), a.creditCode(), ApplicantType.GOVERNMENT_AGENCY, true, true, a.registeredDistrict()),
                application.materials(), application.paperCopy(), application.electronicCopy());
    }

    /** A review whose experts E1, E2, … gave these totals (each spread over the rubric's items). */
    static ExpertReview review(String applicationId, boolean siteVisitPassed, String... totals) {
        List<ExpertScore> sheets = new ArrayList<>();
        for (int i = 0; i < totals.length; i++) {
            sheets.add(ExpertSheets.totalling("E" + (i + 1), totals[i]));
        }
        return new ExpertReview(applicationId, siteVisitPassed, sheets);
    }

    /** A review with the site visit passed and three experts who all gave {@code total}: the score is {@code total}. */
    static ExpertReview scored(String applicationId, String total) {
        return review(applicationId, true, total, total, total);
    }

    static RoundSubmission round(List<Application> applications, List<ExpertReview> reviews, List<Objection> objections) {
        return new RoundSubmission(CarrierRules.BUNDLED_ROUND, applications, reviews, objections);
    }
}

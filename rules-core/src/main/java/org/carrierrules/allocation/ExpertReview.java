package org.carrierrules.allocation;

import java.util.List;

import org.carrierrules.Inputs;

/**
 * The outcome of the review of one application (四(四) 评审): the site visit (实地考察) and the
 * experts' scores.
 *
 * @param applicationId   the application reviewed
 * @param siteVisitPassed whether it passed the site visit
 * @param expertScores    one scoring sheet per expert; never null
 */
public record ExpertReview(String applicationId, boolean siteVisitPassed, List<ExpertScore> expertScores) {
    public ExpertReview {
        Inputs.requiredText(applicationId, "applicationId");
        expertScores = Inputs.requiredList(expertScores, "expertScores");
    }

    /** A review whose site visit passed (实地考察通过), with the experts' sheets. */
    public static ExpertReview passed(String applicationId, ExpertScore... sheets) {
        return new ExpertReview(applicationId, true, List.of(sheets));
    }

    /** A review whose site visit failed (实地考察未通过); no sheets are needed. */
    public static ExpertReview siteVisitFailed(String applicationId, ExpertScore... sheets) {
        return new ExpertReview(applicationId, false, List.of(sheets));
    }
}

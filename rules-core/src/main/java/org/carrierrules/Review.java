package org.carrierrules;

import java.util.List;

/**
 * The outcome of the review of one application (四(四) 评审): the site visit (实地考察) and the
 * experts' scores.
 *
 * @param applicationId   the application reviewed
 * @param siteVisitPassed whether it passed the site visit
 * @param expertScores    one scoring sheet per expert; never null
 */
public record Review(String applicationId, boolean siteVisitPassed, List<ExpertScore> expertScores) {
    public Review {
        Inputs.requiredText(applicationId, "applicationId");
        expertScores = Inputs.requiredList(expertScores, "expertScores");
    }
}

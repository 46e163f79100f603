package org.carrierrules.internal.facts;

import java.math.BigDecimal;
import java.time.Instant;

import org.carrierrules.CarrierType;
import org.carrierrules.allocation.ExpertReviewScore;
import org.carrierrules.application.ApplicantType;
import org.carrierrules.application.FactValues;
import org.carrierrules.assessment.Acceptance;
import org.carrierrules.internal.allocation.ScoreAggregation;

/**
 * One application as the allocation rules see it: what 受理 (四(三)) decided, what the review (四(四))
 * found, what became of objections to it (四(五)), and its place in the order of its type. A fact,
 * immutable; the rules ask it questions and decide.
 *
 * <p>Java computes the score ({@link ScoreAggregation}) and the order ({@link Round#ranking()}, by the keys the
 * policy lists in {@code allocation.rankingOrder}) because both are arithmetic that the notice leaves to 评审细则
 * and that no policy officer would want to write as rules; whether an application may be ranked, who is within
 * the quota and what an objection does are decided by the library's allocation rules, citing the policy's clauses.
 *
 * @param id                 the application's id
 * @param carrierType        the kind of carrier applied for
 * @param submittedAt        when it was submitted
 * @param acceptance         the answer of 受理审查
 * @param review             its review score, or null when it has no review
 * @param siteVisitPassed    whether it passed the site visit (实地考察); false without a review
 * @param order              its place in {@link Round#ranking()} among all applications of the round, from 0
 * @param objectionUpheld    whether an objection against it was upheld (异议成立)
 * @param objectionNotUpheld whether objections were raised against it and none was upheld (异议不成立)
 * @param applicantType      the applicant's type, which a policy's rule of 排名资格 may name
 * @param facts              the facts the policy declares, as the application gave them, for the same rules
 */
public record AllocationCase(String id, CarrierType carrierType, Instant submittedAt, Acceptance acceptance,
                             ExpertReviewScore review, boolean siteVisitPassed, int order, boolean objectionUpheld,
                             boolean objectionNotUpheld, ApplicantType applicantType, FactValues facts)
        implements ApplicationFacts {
    public boolean reviewed() {
        return review != null;
    }

    /** The review score, or null when there is no review. */
    public BigDecimal score() {
        return review == null ? null : review.score();
    }

    /** The score as it is written in reasons, e.g. 85.00. */
    public String scoreText() {
        return review == null ? "—" : review.score().toPlainString();
    }

    /** Another application of the same type with exactly the same score (同分). */
    public boolean tiedWith(AllocationCase other) {
        return !id.equals(other.id) && carrierType == other.carrierType && reviewed() && other.reviewed()
                && score().compareTo(other.score()) == 0;
    }

    /** The same application at its place in the order. */
    public AllocationCase at(int place) {
        return new AllocationCase(id, carrierType, submittedAt, acceptance, review, siteVisitPassed, place, objectionUpheld,
                objectionNotUpheld, applicantType, facts);
    }
}

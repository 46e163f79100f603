package org.carrierrules.allocation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * An application's review score with its working, so that a report can show how it was reached.
 *
 * @param applicationId the application scored
 * @param score         the mean of the experts' totals that were kept, 2 decimals, rounded half up
 * @param expertTotals  each expert's total, in the order the experts were given
 */
public record ExpertReviewScore(String applicationId, BigDecimal score, List<ExpertTotal> expertTotals) {
    public ExpertReviewScore {
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(score, "score");
        expertTotals = List.copyOf(expertTotals);
    }

    /**
     * One expert's total.
     *
     * @param expert  who scored
     * @param total   the sum of the expert's item points
     * @param dropped true when this total was left out of the mean as the single highest or single
     *                lowest (去掉一个最高分和一个最低分)
     */
    public record ExpertTotal(String expert, BigDecimal total, boolean dropped) {
        public ExpertTotal {
            Objects.requireNonNull(expert, "expert");
            Objects.requireNonNull(total, "total");
        }
    }
}

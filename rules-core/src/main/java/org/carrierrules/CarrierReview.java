package org.carrierrules;

import java.time.LocalDate;
import java.util.List;

/**
 * The answer of a supervision review of one carrier as of a date (跟踪管理, notice 五).
 *
 * @param carrierId the carrier's id
 * @param outcome   what follows from the grounds
 * @param asOf      the date the review speaks for: nothing found later was considered
 * @param grounds   every reason found, REVOKE grounds first
 * @param policy    the policy that decided
 */
public record CarrierReview(String carrierId, ReviewOutcome outcome, LocalDate asOf, List<Ground> grounds,
                            PolicyRef policy) {
    public CarrierReview {
        grounds = List.copyOf(grounds);
        if (outcome != ReviewOutcome.of(grounds)) {
            throw new IllegalArgumentException("outcome " + outcome + " does not follow from the grounds' codes "
                    + grounds.stream().map(Ground::code).toList());
        }
    }
}

package org.carrierrules.supervision;

import java.time.LocalDate;
import java.util.List;

import org.carrierrules.PolicyRef;

/**
 * What 跟踪管理 (notice 五) decides for one carrier as of a date.
 *
 * @param carrierId the carrier's id
 * @param outcome   what follows from the grounds
 * @param asOf      the date the decision speaks for: nothing found later was considered
 * @param grounds   every reason found, REVOKE grounds first
 * @param policy    the policy that decided
 */
public record SupervisionDecision(String carrierId, SupervisionOutcome outcome, LocalDate asOf, List<Ground> grounds,
                            PolicyRef policy) {
    public SupervisionDecision {
        grounds = List.copyOf(grounds);
        if (outcome != SupervisionOutcome.of(grounds)) {
            throw new IllegalArgumentException("outcome " + outcome + " does not follow from the grounds' codes "
                    + grounds.stream().map(Ground::code).toList());
        }
    }
}

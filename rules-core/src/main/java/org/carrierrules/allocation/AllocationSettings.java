package org.carrierrules.allocation;

import java.math.BigDecimal;
import java.util.Objects;

import org.carrierrules.policy.RoundInfo;

/**
 * What a host may want to show about how a round's outcome is decided, beside {@link RoundInfo}.
 *
 * @param fullMarks                    full marks of the scoring sheet (四(四) 评审打分)
 * @param passingScore                 the least score that may be ranked
 * @param trimFromExperts              from this many experts on, the single highest and lowest totals are dropped
 * @param rubricIllustrative           true while the scoring sheet is an illustrative stand-in for 附件2 (评审细则)
 * @param noticeWorkingDays            the candidate list is publicly noticed this many working days (四(五))
 * @param backfillAfterUpheldObjection whether a place freed by an upheld objection goes to the next ranked of its type
 */
public record AllocationSettings(BigDecimal fullMarks, BigDecimal passingScore, int trimFromExperts, boolean rubricIllustrative,
                                 int noticeWorkingDays, boolean backfillAfterUpheldObjection) {
    public AllocationSettings {
        Objects.requireNonNull(fullMarks, "fullMarks");
        Objects.requireNonNull(passingScore, "passingScore");
    }
}

package org.carrierrules.allocation;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

import org.carrierrules.CarrierType;
import org.carrierrules.policy.RoundInfo;

/**
 * What a host may want to show about how a round's outcome is decided, beside {@link RoundInfo}.
 *
 * <p>The rubric may score each carrier type on a table of its own (四(四) 评审打分; {@code rubric.yaml}'s
 * {@code byCarrierType}): {@code byCarrierType} has every type's figures. {@code fullMarks}, {@code passingScore} and
 * {@code trimFromExperts} are those of the first type the round opens, in the order of {@link CarrierType}: every
 * type's when they share one table, as in the bundled round.
 *
 * @param fullMarks                    full marks of the scoring sheet (四(四) 评审打分)
 * @param passingScore                 the least score that may be ranked
 * @param trimFromExperts              from this many experts on, the single highest and lowest totals are dropped
 * @param rubricIllustrative           true while the scoring sheet is an illustrative stand-in for 附件2 (评审细则)
 * @param noticeWorkingDays            the candidate list is publicly noticed this many working days (四(五))
 * @param backfillAfterUpheldObjection whether a place freed by an upheld objection goes to the next ranked of its type
 * @param byCarrierType                how the applications of each carrier type that has a scoring table are scored;
 *                                     a type the round does not open may have none
 */
public record AllocationSettings(BigDecimal fullMarks, BigDecimal passingScore, int trimFromExperts, boolean rubricIllustrative,
                                 int noticeWorkingDays, boolean backfillAfterUpheldObjection, Map<CarrierType, Scoring> byCarrierType) {
    public AllocationSettings {
        Objects.requireNonNull(fullMarks, "fullMarks");
        Objects.requireNonNull(passingScore, "passingScore");
        byCarrierType = Map.copyOf(byCarrierType);
    }

    /**
     * How one carrier type's applications are scored (四(四)).
     *
     * @param fullMarks       full marks of its scoring sheet
     * @param passingScore    the least score that may be ranked
     * @param trimFromExperts from this many experts on, the single highest and lowest totals are dropped
     */
    public record Scoring(BigDecimal fullMarks, BigDecimal passingScore, int trimFromExperts) {
        public Scoring {
            Objects.requireNonNull(fullMarks, "fullMarks");
            Objects.requireNonNull(passingScore, "passingScore");
        }
    }
}

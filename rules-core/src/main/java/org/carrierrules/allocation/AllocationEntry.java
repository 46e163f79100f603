package org.carrierrules.allocation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

import org.carrierrules.CarrierType;

/**
 * The outcome of one application in its round.
 *
 * @param applicationId the application
 * @param carrierType   the kind of carrier applied for
 * @param status        where it stands
 * @param score         its review score (2 decimals), or null when it has no review
 * @param rank          its place among the ranked applications of its type (1 is the highest score), or
 *                      null when it was not ranked; an upheld objection does not change the others' ranks
 * @param reasons       why, each with its clause; never empty
 * @param history       every version of the application in the order submitted, when it came more than once (sent
 *                      again within the window, or corrected after a 补正 notice, 四(三)); empty when it came once
 */
public record AllocationEntry(String applicationId, CarrierType carrierType, AllocationStatus status, BigDecimal score,
                              Integer rank, List<AllocationReason> reasons, List<SubmittedVersion> history) {
    public AllocationEntry {
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(carrierType, "carrierType");
        Objects.requireNonNull(status, "status");
        reasons = List.copyOf(reasons);
        history = List.copyOf(history);
    }

    /** The outcome of an application that came once. */
    public AllocationEntry(String applicationId, CarrierType carrierType, AllocationStatus status, BigDecimal score,
                           Integer rank, List<AllocationReason> reasons) {
        this(applicationId, carrierType, status, score, rank, reasons, List.of());
    }

    /** The reasons of one code, in order. */
    public List<AllocationReason> reasons(String code) {
        return reasons.stream().filter(r -> r.code().equals(code)).toList();
    }
}

package org.carrierrules.internal;

import org.carrierrules.CarrierType;

/**
 * Inserted by the rules for a ranked application with its rank among the ranked applications of its
 * type (1 is the highest score).
 */
public record Placed(AllocationCase application, int rank) {
    /** The place behind {@code ahead} ranked applications of the same type: rank {@code ahead + 1}. */
    public static Placed behind(Ranked ranked, long ahead) {
        return new Placed(ranked.application(), Math.toIntExact(ahead) + 1);
    }

    public CarrierType carrierType() {
        return application.carrierType();
    }

    public boolean objectionUpheld() {
        return application.objectionUpheld();
    }
}

package org.carrierrules.internal.facts;

import org.carrierrules.CarrierType;

/** Inserted by the rules for an application that may be ranked (四(四)): accepted, reviewed, and kept out by none of the policy's rules of 排名资格. */
public record Ranked(AllocationCase application) {
    public CarrierType carrierType() {
        return application.carrierType();
    }

    public int order() {
        return application.order();
    }
}

package org.carrierrules.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.carrierrules.CarrierRules;
import org.carrierrules.allocation.Allocation;
import org.carrierrules.allocation.AllocationEntry;
import org.carrierrules.allocation.AllocationStatus;

/** The allocation benchmark's rounds exercise the stage: places filled, applications ranked out and not ranked. */
class RoundMixTest {
    @Test
    void aGeneratedRoundFillsPlacesAndLeavesOthersOut() {
        Allocation allocation = CarrierRules.bundled().allocate(RoundMix.generate(200, ApplicationMix.SEED));

        Set<AllocationStatus> statuses = EnumSet.noneOf(AllocationStatus.class);
        allocation.entries().stream().map(AllocationEntry::status).forEach(statuses::add);
        assertEquals(200, allocation.entries().size());
        assertTrue(statuses.size() >= 3, statuses::toString);
    }

    @Test
    void theSameSeedGivesTheSameRound() {
        assertEquals(RoundMix.generate(50, 7L), RoundMix.generate(50, 7L));
    }
}

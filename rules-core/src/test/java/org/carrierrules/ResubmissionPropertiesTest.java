package org.carrierrules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.carrierrules.allocation.AllocationEntry;
import org.carrierrules.allocation.RoundSubmission;
import org.carrierrules.application.Application;
import org.carrierrules.assessment.Acceptance;

/**
 * What a version sent after the window does to a round (四(三) 补正), whatever the round: a correction of an application
 * told to supplement, by the deadline, decides as if the application had come complete when it was filed; any other
 * version after the window (late, or of an application not told to supplement) changes nothing but the history.
 */
class ResubmissionPropertiesTest {
    private static final long SEED = 20240906L;
    private static final int EXAMPLES = 120;
    private static final CarrierRules RULES = CarrierRules.bundled();
    /** 2024-08-25 18:00, when the bundled window closes, and 2024-09-06 18:00, the bundled (illustrative) deadline. */
    private static final Instant CLOSES = Instant.parse("2024-08-25T10:00:00Z");
    private static final Instant DEADLINE = Instant.parse("2024-09-06T10:00:00Z");

    /** The entries without their histories, which are what the versions add. */
    private static List<AllocationEntry> decisions(List<AllocationEntry> entries) {
        return entries.stream().map(e -> new AllocationEntry(e.applicationId(), e.carrierType(), e.status(), e.score(), e.rank(),
                e.reasons())).toList();
    }

    /** The application complete, as {@link Rounds#accepted} builds it, sent at {@code at}. */
    private static Application complete(Application original, Instant at) {
        Application full = Rounds.accepted(original.id(), original.carrierType(), "2024-08-20T10:00");
        return new Application(full.id(), full.carrierType(), at, original.applicant(), full.materials(), full.paperCopy(),
                full.electronicCopy());
    }

    @Test
    void aCorrectionByTheDeadlineDecidesAsIfTheApplicationHadComeCompleteAndAnyOtherLateVersionChangesNothing() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES)
                .forAll(AllocationPropertiesTest.rounds(), lists().of(integers().between(0, 2)).ofSize(24), integers().between(1, 11 * 24))
                .checkAssert((specs, plans, hours) -> {
                    RoundSubmission round = AllocationPropertiesTest.submission(specs);
                    List<Application> withVersions = new ArrayList<>(round.applications());
                    List<Application> asIfComplete = new ArrayList<>();
                    for (int i = 0; i < round.applications().size(); i++) {
                        Application original = round.applications().get(i);
                        int plan = plans.get(i);
                        // 1: a version within the deadline; 2: one after it.
                        Instant at = plan == 1 ? CLOSES.plus(Duration.ofHours(hours)).isAfter(DEADLINE) ? DEADLINE
                                : CLOSES.plus(Duration.ofHours(hours)) : DEADLINE.plus(Duration.ofHours(hours));
                        boolean toldToSupplement = RULES.assess(original).acceptance() == Acceptance.SUPPLEMENT_REQUIRED;
                        if (plan > 0) {
                            withVersions.add(complete(original, at));
                        }
                        asIfComplete.add(plan == 1 && toldToSupplement ? complete(original, original.submittedAt()) : original);
                    }
                    RoundSubmission expected = new RoundSubmission(round.round(), asIfComplete, round.reviews(), round.objections());
                    RoundSubmission given = new RoundSubmission(round.round(), withVersions, round.reviews(), round.objections());
                    assertEquals(decisions(RULES.allocate(expected).entries()), decisions(RULES.allocate(given).entries()));
                });
    }
}

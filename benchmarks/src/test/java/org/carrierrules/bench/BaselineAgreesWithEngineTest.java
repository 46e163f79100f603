package org.carrierrules.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import org.carrierrules.CarrierRules;
import org.carrierrules.application.Application;
import org.carrierrules.assessment.Acceptance;
import org.carrierrules.assessment.Assessment;
import org.carrierrules.assessment.Finding;

/**
 * The hand-written baseline is only a yardstick if it does the engine's work: on thousands of
 * generated applications it must find the same codes (as multisets, the criterion) and,
 * beyond that, the very same findings in the same order.
 */
class BaselineAgreesWithEngineTest {
    private static final int APPLICATIONS = 5_000;

    private final CarrierRules rules = CarrierRules.bundled();
    private final HandWrittenAssessor baseline = HandWrittenAssessor.bundled();

    @Test
    void sameFindingsOnEveryGeneratedApplication() {
        for (long seed : new long[] {ApplicationMix.SEED, 1L, 2L}) {
            for (Application application : ApplicationMix.generate(APPLICATIONS, seed)) {
                Assessment engine = rules.assess(application);
                Assessment hand = baseline.assess(application);
                String where = "seed " + seed + ", " + application;
                assertEquals(codes(engine), codes(hand), where);
                assertEquals(engine.acceptance(), hand.acceptance(), where);
                assertEquals(engine.findings(), hand.findings(), where);
            }
        }
    }

    /** Agreement on a mix that never produces a finding would prove nothing: the mix reaches every code and answer. */
    @Test
    void theMixReachesEveryAnswerAndAlmostEveryCode() {
        Map<Acceptance, Integer> answers = new EnumMap<>(Acceptance.class);
        Map<String, Integer> codes = new TreeMap<>();
        for (Application application : ApplicationMix.generate(APPLICATIONS, ApplicationMix.SEED)) {
            Assessment assessment = rules.assess(application);
            answers.merge(assessment.acceptance(), 1, Integer::sum);
            assessment.findings().forEach(f -> codes.merge(f.code(), 1, Integer::sum));
        }
        assertEquals(3, answers.size(), answers.toString());
        assertTrue(answers.get(Acceptance.ACCEPTED) > APPLICATIONS / 2, answers.toString());
        assertTrue(answers.get(Acceptance.NOT_ACCEPTED) > APPLICATIONS / 20, answers.toString());
        // Every code of the assessment stage except CARRIER_TYPE_NOT_OPEN, which the 2024 round,
        // with all three types open, cannot produce.
        assertEquals(25, codes.size(), codes.toString());
    }

    private static Map<String, Integer> codes(Assessment assessment) {
        Map<String, Integer> codes = new TreeMap<>();
        for (Finding finding : assessment.findings()) {
            codes.merge(finding.code(), 1, Integer::sum);
        }
        return codes;
    }

    @Test
    void theSameSeedGivesTheSameApplications() {
        List<Application> first = ApplicationMix.generate(200, ApplicationMix.SEED);
        assertEquals(first, ApplicationMix.generate(200, ApplicationMix.SEED));
    }
}

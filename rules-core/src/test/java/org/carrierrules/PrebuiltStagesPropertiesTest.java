package org.carrierrules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import org.carrierrules.allocation.RoundSubmission;
import org.carrierrules.application.Application;
import org.carrierrules.supervision.Carrier;

import org.junit.jupiter.api.Test;

import org.carrierrules.internal.LoadedPolicy;
import org.carrierrules.internal.PolicyLoader;

/**
 * The bundled policy's stages as the library's build compiled them (Drools' executable model, loaded from the jar)
 * decide as the same stages compiled at run time by Drools' compiler, which every other policy gets: every
 * assessment, allocation and supervision decision equal, record for record, over generated inputs.
 */
class PrebuiltStagesPropertiesTest {
    private static final LoadedPolicy PREBUILT = PolicyLoader.bundled(CarrierRules.BUNDLED_ROUND);
    private static final LoadedPolicy COMPILED_NOW = PREBUILT.withStagesCompiledNow();
    private static final long SEED = 20241202L;

    @Test
    void assessmentsAreTheSame() {
        qt().withFixedSeed(SEED).withExamples(600)
                .forAll(ApplicationGenerators.valid().zip(integers().between(0, Mutations.masks()), Mutations::apply))
                .checkAssert(app -> assertEquals(COMPILED_NOW.assess(app), PREBUILT.assess(app), app::toString));
    }

    @Test
    void allocationsAreTheSame() {
        qt().withFixedSeed(SEED).withExamples(150).forAll(AllocationPropertiesTest.rounds()).checkAssert(specs -> {
            var submission = AllocationPropertiesTest.submission(specs);
            assertEquals(COMPILED_NOW.allocate(submission, null), PREBUILT.allocate(submission, null), specs::toString);
        });
    }

    @Test
    void supervisionDecisionsAreTheSame() {
        qt().withFixedSeed(SEED).withExamples(400).forAll(SupervisionPropertiesTest.carriers(), integers().between(0, 3650))
                .checkAssert((carrier, days) -> {
                    LocalDate asOf = carrier.recognizedOn().plusDays(days);
                    assertEquals(COMPILED_NOW.supervise(carrier, asOf), PREBUILT.supervise(carrier, asOf), carrier::toString);
                });
    }

    /**
     * A regression: Drools' executable model keeps each consequence's arguments in the KieBase for sessions that are
     * not thread-safe, so prebuilt allocation rules on several threads gave one application two outcomes
     * ({@code CompiledStage.needsThreadSafeSessions}). Four threads decide the same inputs of every stage over and
     * over; every answer must be the one given alone.
     */
    @Test
    void onFourThreadsEveryDecisionIsTheOneGivenAlone() throws Exception {
        List<RoundSubmission> rounds = new ArrayList<>();
        qt().withFixedSeed(SEED).withExamples(40).forAll(AllocationPropertiesTest.rounds())
                .checkAssert(specs -> rounds.add(AllocationPropertiesTest.submission(specs)));
        List<Application> applications = new ArrayList<>();
        qt().withFixedSeed(SEED).withExamples(200)
                .forAll(ApplicationGenerators.valid().zip(integers().between(0, Mutations.masks()), Mutations::apply))
                .checkAssert(applications::add);
        assertEquals(0, differencesOnFourThreads(rounds, r -> PREBUILT.allocate(r, null)));
        assertEquals(0, differencesOnFourThreads(applications, PREBUILT::assess));
        List<Carrier> carriers = new ArrayList<>();
        qt().withFixedSeed(SEED).withExamples(200).forAll(SupervisionPropertiesTest.carriers()).checkAssert(carriers::add);
        assertEquals(0, differencesOnFourThreads(carriers, c -> PREBUILT.supervise(c, c.recognizedOn().plusYears(4))));
    }

    private static <I, O> int differencesOnFourThreads(List<I> inputs, Function<I, O> decide) throws Exception {
        List<O> alone = inputs.stream().map(decide).toList();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> workers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                workers.add(threads.submit(() -> {
                    int differences = 0;
                    for (int pass = 0; pass < 10; pass++) {
                        for (int i = 0; i < inputs.size(); i++) {
                            differences += decide.apply(inputs.get(i)).equals(alone.get(i)) ? 0 : 1;
                        }
                    }
                    return differences;
                }));
            }
            int differences = 0;
            for (Future<Integer> worker : workers) {
                differences += worker.get();
            }
            return differences;
        } finally {
            threads.shutdown();
        }
    }
}

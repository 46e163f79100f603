package org.carrierrules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.carrierrules.application.ApplicantType;
import org.carrierrules.application.Application;
import org.carrierrules.assessment.Assessment;

/** One facade shared by several threads gives every thread the sequential answer. */
class ConcurrentAssessmentTest {
    @Test
    void fourThreadsAgreeWithTheSequentialResults() throws Exception {
        CarrierRules rules = CarrierRules.bundled();
        List<Application> applications = new ArrayList<>();
        for (int mask = 0; mask <= Mutations.masks(); mask += 7) {
            for (CarrierType type : CarrierType.values()) {
                applications.add(Mutations.apply(ValidApplications.of(type, ApplicantType.ENTERPRISE), mask));
            }
        }
        List<Assessment> sequential = rules.assessAll(applications);

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Assessment>>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> rules.assessAll(applications)));
            }
            for (Future<List<Assessment>> future : futures) {
                assertEquals(sequential, future.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

package org.carrierrules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.carrierrules.allocation.Allocation;
import org.carrierrules.allocation.ExpertReview;
import org.carrierrules.allocation.Objection;
import org.carrierrules.allocation.RoundSubmission;
import org.carrierrules.application.Applicant;
import org.carrierrules.application.ApplicantType;
import org.carrierrules.application.Application;
import org.carrierrules.assessment.Assessment;
import org.carrierrules.policy.ReloadResult;
import org.carrierrules.supervision.Carrier;
import org.carrierrules.supervision.EventType;
import org.carrierrules.supervision.SupervisionDecision;
import org.carrierrules.testing.Figures;

/**
 * Several threads assess, supervise and allocate through one facade while its policy directory is edited and
 * reloaded over and over, a broken rule edit and a good round edit in turn. Every result must be exactly
 * what the policy it names gives when asked alone (worked out beforehand, one policy at a time, on copies of
 * the directory), every batch must come from one policy, and every call must give exactly its results.
 */
class ReloadStressTest {
    static final int THREADS = 4;
    /** How long the policy is reloaded under load; the figures in docs/reliability.md. */
    static final long RELOAD_MILLIS = 20_000;
    private static final LocalDate AS_OF = LocalDate.parse("2024-12-31");
    private static final String ALSO_WRITTEN = "alsoWritten: [深圳市罗湖区, 广东省深圳市罗湖区]";
    private static final String GOOD_EDIT = "alsoWritten: [深圳市罗湖区, 广东省深圳市罗湖区, 罗湖]";
    private static final String RULE_FILE = "rules/eligibility/eligibility.dslr";
    private static final String SENTENCE = "    申请单位未依法设立\n";
    private static final String BROKEN = "    import java.io.File\n";

    /** What one policy answers to the test's inputs, each asked on its own. */
    private record Expected(List<Assessment> assessments, List<SupervisionDecision> supervision, Allocation allocation) {
    }

    private enum Call { ASSESS, ASSESS_ALL, SUPERVISE, SUPERVISE_ALL, ALLOCATE }

    /** Applications of every type with known changes, and each again registered as “罗湖”: the good edit accepts that spelling. */
    private static List<Application> applications() {
        List<Application> applications = new ArrayList<>();
        int n = 0;
        for (int mask = 0; mask <= Mutations.masks(); mask += 37) {
            for (CarrierType type : CarrierType.values()) {
                Application app = Mutations.apply(ValidApplications.of(type, ApplicantType.ENTERPRISE), mask);
                applications.add(withId(app, "LH-" + n++, app.applicant().registeredDistrict()));
                applications.add(withId(app, "LH-" + n++, "罗湖"));
            }
        }
        return applications;
    }

    private static Application withId(Application app, String id, String district) {
        Applicant a = app.applicant();
        return new Application(id, app.carrierType(), app.submittedAt(),
                new Applicant(a.name(), a.creditCode(), a.type(), a.hasTrainingFunction(), a.legallyEstablished(), district),
                app.materials(), app.paperCopy(), app.electronicCopy());
    }

    private static List<Carrier> carriers() {
        return List.of(Carriers.active(), Carriers.active(Carriers.event(EventType.LOST_CONTACT, "2024-03-01")),
                Carriers.active(Carriers.event(EventType.DUTIES_NOT_FULFILLED, "2024-05-01")),
                Carriers.carrier("2020-06-01", Map.of(2021, 0, 2022, 0, 2023, 120)),
                Carriers.carrier("2019-01-10", Map.of()));
    }

    /** The best-scored 高技能人才培训基地 application is registered as “罗湖”: only under the good edit is it a candidate. */
    private static RoundSubmission round() {
        Application best = withId(Rounds.accepted("H1", CarrierType.HIGH_SKILL_TRAINING_BASE, "2024-08-20T10:00"), "H1", "罗湖");
        List<Application> applications = List.of(best,
                Rounds.accepted("H2", CarrierType.HIGH_SKILL_TRAINING_BASE, "2024-08-14T09:00"),
                Rounds.accepted("H3", CarrierType.HIGH_SKILL_TRAINING_BASE, "2024-08-21T09:00"),
                Rounds.accepted("H4", CarrierType.HIGH_SKILL_TRAINING_BASE, "2024-08-22T09:00"),
                Rounds.accepted("S1", CarrierType.SKILL_MASTER_STUDIO, "2024-08-15T15:30"),
                Rounds.accepted("R1", CarrierType.RURAL_REVITALIZATION_STATION, "2024-08-16T11:00"));
        List<ExpertReview> reviews = List.of(Rounds.scored("H1", "95"), Rounds.scored("H2", "80"), Rounds.scored("H3", "80"),
                Rounds.review("H4", true, "70", "72", "74", "76", "90"), Rounds.scored("S1", "66.5"), Rounds.scored("R1", "61"));
        return Rounds.round(applications, reviews, List.of(new Objection("H3", false)));
    }

    private static Expected expected(CarrierRules rules, List<Application> applications, List<Carrier> carriers, RoundSubmission round) {
        return new Expected(applications.stream().map(rules::assess).toList(), carriers.stream().map(c -> rules.supervise(c, AS_OF)).toList(),
                rules.allocate(round));
    }

    @Test
    void resultsUnderReloadsAreTheSequentialResultsOfThePolicyTheyName(@TempDir Path temp) throws Exception {
        List<Application> applications = applications();
        List<Carrier> carriers = carriers();
        RoundSubmission round = round();
        Path original = PolicyCopies.copy(Files.createDirectories(temp.resolve("original")));
        Path edited = PolicyCopies.copy(Files.createDirectories(temp.resolve("edited")));
        PolicyCopies.edit(edited, "round.yaml", ALSO_WRITTEN, GOOD_EDIT);
        CarrierRules before = CarrierRules.fromDirectory(original);
        CarrierRules after = CarrierRules.fromDirectory(edited);
        Map<String, Expected> expected = Map.of(before.policy().fingerprint(), expected(before, applications, carriers, round),
                after.policy().fingerprint(), expected(after, applications, carriers, round));
        assertNotEquals(expected.get(before.policy().fingerprint()).assessments(), expected.get(after.policy().fingerprint()).assessments());
        assertNotEquals(expected.get(before.policy().fingerprint()).allocation().entries(),
                expected.get(after.policy().fingerprint()).allocation().entries());

        Path policy = PolicyCopies.copy(temp);
        CarrierRules rules = CarrierRules.fromDirectory(policy);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLongArray calls = new AtomicLongArray(Call.values().length);
        AtomicLongArray results = new AtomicLongArray(Call.values().length);
        ConcurrentLinkedQueue<String> fingerprintsSeen = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> workers = new ArrayList<>();
        int applied = 0;
        int refused = 0;
        long started = System.nanoTime();
        try {
            for (int t = 0; t < THREADS; t++) {
                int first = t;
                workers.add(pool.submit(() -> {
                    for (int i = first; running.get(); i++) {
                        Call call = Call.values()[i % Call.values().length];
                        int at = i % applications.size();
                        calls.incrementAndGet(call.ordinal());
                        List<String> fingerprints = switch (call) {
                            case ASSESS -> check(expected, rules.assess(applications.get(at)), e -> e.assessments().get(at));
                            case ASSESS_ALL -> checkAll(expected, rules.assessAll(applications), Expected::assessments, Assessment::policy);
                            case SUPERVISE -> check(expected, rules.supervise(carriers.get(at % carriers.size()), AS_OF),
                                    e -> e.supervision().get(at % carriers.size()));
                            case SUPERVISE_ALL -> checkAll(expected, rules.superviseAll(carriers, AS_OF), Expected::supervision, SupervisionDecision::policy);
                            case ALLOCATE -> check(expected, rules.allocate(round), Expected::allocation);
                        };
                        results.addAndGet(call.ordinal(), fingerprints.size());
                        if (i % 50 == 0) {
                            fingerprintsSeen.addAll(fingerprints);
                        }
                    }
                    return null;
                }));
            }
            boolean edit = false;
            while (System.nanoTime() - started < RELOAD_MILLIS * 1_000_000 || applied < 3 || refused < 3) {
                PolicyCopies.edit(policy, RULE_FILE, SENTENCE, BROKEN);
                PolicyRef serving = rules.policy();
                ReloadResult broken = rules.reload();
                assertFalse(broken.applied(), broken::toString);
                assertEquals(serving, rules.policy());
                refused++;
                PolicyCopies.edit(policy, RULE_FILE, BROKEN, SENTENCE);

                edit = !edit;
                PolicyCopies.edit(policy, "round.yaml", edit ? ALSO_WRITTEN : GOOD_EDIT, edit ? GOOD_EDIT : ALSO_WRITTEN);
                ReloadResult good = rules.reload();
                assertTrue(good.applied(), good::toString);
                assertEquals((edit ? after : before).policy(), rules.policy());
                applied++;
                assertTrue(workers.stream().noneMatch(Future::isDone), "a worker stopped: " + firstFailure(workers));
            }
        } finally {
            running.set(false);
            pool.shutdown();
        }
        for (Future<?> worker : workers) {
            worker.get(60, TimeUnit.SECONDS);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));

        long total = 0;
        for (Call call : Call.values()) {
            long perCall = call == Call.ASSESS_ALL ? applications.size() : call == Call.SUPERVISE_ALL ? carriers.size() : 1;
            assertEquals(calls.get(call.ordinal()) * perCall, results.get(call.ordinal()), call + ": results lost or doubled");
            assertTrue(calls.get(call.ordinal()) > 0, call + " never ran");
            total += calls.get(call.ordinal());
        }
        assertEquals(expected.keySet(), Set.copyOf(fingerprintsSeen), "both policies served, and no other");
        Figures.record("reload-stress", "threads", THREADS, "millis", millis, "reloadsApplied", applied, "reloadsRefused", refused,
                "calls", total, "assess", calls.get(Call.ASSESS.ordinal()), "assessAll", calls.get(Call.ASSESS_ALL.ordinal()),
                "supervise", calls.get(Call.SUPERVISE.ordinal()), "superviseAll", calls.get(Call.SUPERVISE_ALL.ordinal()),
                "allocate", calls.get(Call.ALLOCATE.ordinal()), "applicationsPerBatch", applications.size());
    }

    /** The one result against what its policy gives alone; its fingerprint, as a list of one. */
    private static <T> List<String> check(Map<String, Expected> expected, T actual, Function<Expected, T> part) {
        String fingerprint = policyOf(actual).fingerprint();
        Expected alone = expected.get(fingerprint);
        if (alone == null) {
            throw new AssertionError("a result from a policy that never served: " + fingerprint);
        }
        assertEquals(part.apply(alone), actual);
        return List.of(fingerprint);
    }

    /** A batch: every result from one policy, and all equal to what that policy gives alone; one fingerprint per result. */
    private static <T> List<String> checkAll(Map<String, Expected> expected, List<T> actual, Function<Expected, List<T>> part,
                                             Function<T, PolicyRef> policy) {
        Set<String> fingerprints = Set.copyOf(actual.stream().map(r -> policy.apply(r).fingerprint()).toList());
        assertEquals(1, fingerprints.size(), "a batch mixed policies");
        String fingerprint = fingerprints.iterator().next();
        Expected alone = expected.get(fingerprint);
        if (alone == null) {
            throw new AssertionError("a batch from a policy that never served: " + fingerprint);
        }
        assertEquals(part.apply(alone), actual);
        return actual.stream().map(r -> fingerprint).toList();
    }

    private static PolicyRef policyOf(Object result) {
        if (result instanceof Assessment a) {
            return a.policy();
        }
        if (result instanceof SupervisionDecision r) {
            return r.policy();
        }
        return ((Allocation) result).policy();
    }

    private static String firstFailure(List<Future<?>> workers) {
        for (Future<?> worker : workers) {
            if (worker.isDone()) {
                try {
                    worker.get();
                } catch (Exception e) {
                    return e.toString();
                }
            }
        }
        return "none";
    }
}

package org.carrierrules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;
import org.carrierrules.allocation.Allocation;
import org.carrierrules.allocation.AllocationEntry;
import org.carrierrules.allocation.AllocationStatus;
import org.carrierrules.application.Application;
import org.carrierrules.allocation.ExpertReview;
import org.carrierrules.allocation.Objection;
import org.carrierrules.allocation.RoundSubmission;

/**
 * What must hold of every round's outcome, whatever the applications, reviews and objections, in the
 * bundled round (no backfill) and in a copy that backfills after an upheld objection.
 */
class AllocationPropertiesTest {
    private static final long SEED = 20240729L;
    private static final int EXAMPLES = 150;
    /** The notice's quotas (三), written out by hand: 3 / 2 / 1, 6 in all. */
    private static final Map<CarrierType, Integer> QUOTAS = Map.of(CarrierType.HIGH_SKILL_TRAINING_BASE, 3,
            CarrierType.SKILL_MASTER_STUDIO, 2, CarrierType.RURAL_REVITALIZATION_STATION, 1);
    private static final int TOTAL_QUOTA = 6;
    /** Few totals and few submission times, so that ties, the passing score and the quota line all come up. */
    private static final List<String> TOTALS = List.of("40", "59.99", "60", "70", "80", "80", "90", "100");
    private static final List<String> TIMES = List.of("2024-08-12T09:00", "2024-08-20T10:00", "2024-08-20T10:00", "2024-08-25T18:00");

    @TempDir
    static Path temp;
    private static CarrierRules bundled;
    private static CarrierRules backfilling;

    @BeforeAll
    static void load() {
        bundled = CarrierRules.bundled();
        backfilling = AllocationExamplesTest.backfilling(temp);
    }

    /**
     * One application of a generated round: its type, how 受理 ends (mostly accepted), when it was submitted,
     * its review (none, or experts' totals, site visit mostly passed) and the objection to it (mostly none).
     */
    record Spec(CarrierType type, int acceptance, String time, boolean reviewed, boolean sitePassed, List<String> totals,
                int objection) {
    }

    private static Gen<Spec> specs() {
        Gen<List<Integer>> dice = lists().of(integers().between(0, 99)).ofSize(6);
        Gen<List<String>> totals = lists().of(integers().between(0, TOTALS.size() - 1)).ofSizeBetween(1, 6)
                .map(picks -> picks.stream().map(TOTALS::get).toList());
        return dice.zip(totals, (d, t) -> new Spec(CarrierType.values()[d.get(0) % CarrierType.values().length],
                d.get(1) < 75 ? 0 : d.get(1) % 2 + 1, TIMES.get(d.get(2) % TIMES.size()), d.get(3) < 85, d.get(4) < 85, t,
                d.get(5) < 70 ? 0 : d.get(5) % 2 + 1));
    }

    private static Gen<List<Spec>> rounds() {
        return lists().of(specs()).ofSizeBetween(1, 24);
    }

    private static RoundSubmission submission(List<Spec> specs) {
        List<Application> applications = new ArrayList<>();
        List<ExpertReview> reviews = new ArrayList<>();
        List<Objection> objections = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            Spec s = specs.get(i);
            String id = String.format("P%02d", i);
            Application application = Rounds.accepted(id, s.type(), s.time());
            applications.add(s.acceptance() == 0 ? application
                    : s.acceptance() == 1 ? Rounds.toSupplement(application) : Rounds.ineligible(application));
            if (s.reviewed()) {
                reviews.add(Rounds.review(id, s.sitePassed(), s.totals().toArray(String[]::new)));
            }
            if (s.objection() > 0) {
                objections.add(new Objection(id, s.objection() == 1));
            }
        }
        return Rounds.round(applications, reviews, objections);
    }

    private static CarrierRules rules(boolean backfill) {
        return backfill ? backfilling : bundled;
    }

    @Test
    void candidatesNeverExceedTheQuotaOfTheirTypeNorTheTotal() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(rounds(), booleans().all()).checkAssert((specs, backfill) -> {
            Allocation allocation = rules(backfill).allocate(submission(specs));
            Map<CarrierType, Integer> candidates = new EnumMap<>(CarrierType.class);
            allocation.entries().stream().filter(e -> e.status() == AllocationStatus.CANDIDATE)
                    .forEach(e -> candidates.merge(e.carrierType(), 1, Integer::sum));
            int all = 0;
            for (CarrierType type : CarrierType.values()) {
                int n = candidates.getOrDefault(type, 0);
                assertTrue(n <= QUOTAS.get(type), () -> type + ": " + allocation);
                assertEquals(QUOTAS.get(type) - n, allocation.vacancies().get(type), () -> type + ": " + allocation);
                all += n;
            }
            assertTrue(all <= TOTAL_QUOTA, allocation::toString);
        });
    }

    @Test
    void everyApplicationGetsExactlyOneStatusWithItsReasons() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(rounds(), booleans().all()).checkAssert((specs, backfill) -> {
            RoundSubmission submission = submission(specs);
            Allocation allocation = rules(backfill).allocate(submission);
            assertEquals(submission.applications().stream().map(Application::id).toList(),
                    allocation.entries().stream().map(AllocationEntry::applicationId).toList());
            for (AllocationEntry entry : allocation.entries()) {
                assertNotNull(entry.status(), entry::toString);
                assertFalse(entry.reasons().isEmpty(), entry::toString);
                assertEquals(entry.status() == AllocationStatus.NOT_RANKED, entry.rank() == null, entry::toString);
            }
        });
    }

    @Test
    void theOutcomeDoesNotDependOnTheOrderOfApplicationsReviewsOrExperts() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(rounds(), booleans().all(), longs().all())
                .checkAssert((specs, backfill, shuffle) -> {
                    RoundSubmission submission = submission(specs);
                    List<ExpertReview> reviews = new ArrayList<>();
                    for (ExpertReview r : ApplicationGenerators.shuffled(submission.reviews(), shuffle)) {
                        reviews.add(new ExpertReview(r.applicationId(), r.siteVisitPassed(), ApplicationGenerators.shuffled(r.expertScores(), shuffle)));
                    }
                    RoundSubmission reordered = new RoundSubmission(submission.round(),
                            ApplicationGenerators.shuffled(submission.applications(), shuffle), reviews,
                            ApplicationGenerators.shuffled(submission.objections(), shuffle));
                    Allocation original = rules(backfill).allocate(submission);
                    Allocation shuffled = rules(backfill).allocate(reordered);
                    assertEquals(byId(original), byId(shuffled));
                    assertEquals(original.vacancies(), shuffled.vacancies());
                });
    }

    @Test
    void raisingOneScoreNeverLowersItsOwnRankNorRaisesAnothers() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES)
                .forAll(rounds(), booleans().all(), integers().between(0, 99), integers().between(1, 40))
                .checkAssert((specs, backfill, pick, raise) -> {
                    int chosen = pick % specs.size();
                    List<Spec> raised = new ArrayList<>(specs);
                    Spec s = specs.get(chosen);
                    raised.set(chosen, new Spec(s.type(), s.acceptance(), s.time(), s.reviewed(), s.sitePassed(),
                            s.totals().stream().map(t -> new BigDecimal(t).add(BigDecimal.valueOf(raise)).min(BigDecimal.valueOf(100)).toPlainString())
                                    .toList(), s.objection()));
                    Map<String, AllocationEntry> before = byId(rules(backfill).allocate(submission(specs)));
                    Map<String, AllocationEntry> after = byId(rules(backfill).allocate(submission(raised)));
                    String id = String.format("P%02d", chosen);
                    before.forEach((other, was) -> {
                        Integer now = after.get(other).rank();
                        if (was.rank() == null) {
                            return;
                        }
                        if (other.equals(id)) {
                            assertTrue(now != null && now <= was.rank(), () -> id + " fell from " + was + " to " + after.get(id));
                        } else {
                            assertTrue(now != null && now >= was.rank(), () -> other + " rose from " + was + " to " + after.get(other)
                                    + " when " + id + " was raised by " + raise);
                        }
                    });
                });
    }

    private static Map<String, AllocationEntry> byId(Allocation allocation) {
        return allocation.entries().stream().collect(Collectors.toMap(AllocationEntry::applicationId, Function.identity()));
    }
}

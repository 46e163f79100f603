package org.carrierrules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;

import org.carrierrules.allocation.Allocation;
import org.carrierrules.allocation.AllocationEntry;
import org.carrierrules.allocation.AllocationReason;
import org.carrierrules.allocation.AllocationStatus;
import org.carrierrules.allocation.ExpertReview;
import org.carrierrules.allocation.Objection;
import org.carrierrules.allocation.RoundSubmission;
import org.carrierrules.application.Application;

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
    /** The bundled rubric's passing score (四(四)), written out by hand. */
    private static final BigDecimal PASSING = new BigDecimal("60");
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

    static Gen<List<Spec>> rounds() {
        return lists().of(specs()).ofSizeBetween(1, 24);
    }

    static RoundSubmission submission(List<Spec> specs) {
        List<Application> applications = new ArrayList<>();
        List<ExpertReview> reviews = new ArrayList<>();
        List<Objection> objections = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            Spec s = specs.get(i);
            String id = id(i);
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

    /** The application ids of one status, as the entries give them. */
    private static Set<String> withStatus(Allocation allocation, AllocationStatus status) {
        return allocation.entries().stream().filter(e -> e.status() == status).map(AllocationEntry::applicationId)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> codes(AllocationEntry entry) {
        return entry.reasons().stream().map(AllocationReason::code).collect(Collectors.toSet());
    }

    private static String id(int i) {
        return String.format("P%02d", i);
    }

    /** The round with the objection to application {@code i} replaced: 0 none, 1 upheld, 2 not upheld. */
    private static List<Spec> withObjection(List<Spec> specs, int i, int objection) {
        List<Spec> changed = new ArrayList<>(specs);
        Spec s = specs.get(i);
        changed.set(i, new Spec(s.type(), s.acceptance(), s.time(), s.reviewed(), s.sitePassed(), s.totals(), objection));
        return changed;
    }

    /** 三: each type's candidates within its quota, 6 in all; what a quota leaves unused is its vacancies, counted from the entries. */
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

    /**
     * 三, 四(五): a place is left vacant while an application of its type waits (未入选) only when an upheld
     * objection emptied it and the round does not backfill; then exactly as many as were removed within the quota.
     */
    @Test
    void aPlaceIsNeverLeftVacantWhileOneOfItsTypeWaitsUnlessAnObjectionEmptiedIt() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(rounds(), booleans().all()).checkAssert((specs, backfill) -> {
            Allocation allocation = rules(backfill).allocate(submission(specs));
            for (CarrierType type : CarrierType.values()) {
                List<AllocationEntry> ofType = allocation.entries().stream().filter(e -> e.carrierType() == type).toList();
                if (ofType.stream().noneMatch(e -> e.status() == AllocationStatus.NOT_SELECTED)) {
                    continue;
                }
                long removedWithin = ofType.stream()
                        .filter(e -> e.status() == AllocationStatus.REMOVED_BY_OBJECTION && e.rank() <= QUOTAS.get(type)).count();
                assertEquals(backfill ? 0 : removedWithin, (long) allocation.vacancies().get(type), () -> type + ": " + allocation);
            }
        });
    }

    /**
     * 四(三), 四(四): who takes part in the ranking follows from the input alone. Not accepted, not reviewed, site
     * visit failed, or every expert below the passing score 60 (so the mean is too, trimmed or not): not ranked,
     * with that reason; accepted, reviewed, visit passed and every expert at 60 or more: ranked.
     */
    @Test
    void whoIsRankedFollowsFromAcceptanceReviewAndScores() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(rounds(), booleans().all()).checkAssert((specs, backfill) -> {
            Allocation allocation = rules(backfill).allocate(submission(specs));
            for (int i = 0; i < specs.size(); i++) {
                Spec s = specs.get(i);
                AllocationEntry entry = allocation.entries().get(i);
                boolean allBelow = s.totals().stream().allMatch(t -> new BigDecimal(t).compareTo(PASSING) < 0);
                boolean noneBelow = s.totals().stream().noneMatch(t -> new BigDecimal(t).compareTo(PASSING) < 0);
                Set<String> expected = new TreeSet<>();
                if (s.acceptance() != 0) {
                    expected.add("NOT_ACCEPTED");
                } else if (!s.reviewed()) {
                    expected.add("NOT_REVIEWED");
                }
                if (s.reviewed() && !s.sitePassed()) {
                    expected.add("SITE_VISIT_FAILED");
                }
                if (s.reviewed() && allBelow) {
                    expected.add("BELOW_PASSING_SCORE");
                }
                assertTrue(codes(entry).containsAll(expected), () -> expected + ": " + entry);
                if (!expected.isEmpty()) {
                    assertEquals(AllocationStatus.NOT_RANKED, entry.status(), entry::toString);
                } else if (noneBelow) {
                    assertNotEquals(AllocationStatus.NOT_RANKED, entry.status(), entry::toString);
                }
            }
        });
    }

    /**
     * 四(五): an upheld objection takes the application off the list and changes no rank; it never adds a
     * candidate unless the round backfills, and then at most the one next in line of the same type, and only
     * when a candidate was removed.
     */
    @Test
    void anUpheldObjectionNeverAddsACandidateUnlessTheRoundBackfills() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(rounds(), booleans().all(), integers().between(0, 99))
                .checkAssert((specs, backfill, pick) -> {
                    int chosen = pick % specs.size();
                    String id = id(chosen);
                    Allocation before = rules(backfill).allocate(submission(withObjection(specs, chosen, 0)));
                    Allocation after = rules(backfill).allocate(submission(withObjection(specs, chosen, 1)));
                    Set<String> was = withStatus(before, AllocationStatus.CANDIDATE);
                    Set<String> is = withStatus(after, AllocationStatus.CANDIDATE);
                    Set<String> stayed = new TreeSet<>(was);
                    stayed.remove(id);
                    Set<String> added = new TreeSet<>(is);
                    added.removeAll(was);

                    assertFalse(is.contains(id), () -> id + ": " + after);
                    assertTrue(is.containsAll(stayed), () -> was + " → " + is);
                    if (!backfill || !was.contains(id)) {
                        assertEquals(Set.of(), added, () -> id + ": " + was + " → " + is);
                    } else {
                        assertTrue(added.size() <= 1, () -> was + " → " + is);
                        added.forEach(other -> assertEquals(specs.get(chosen).type(), byId(after).get(other).carrierType()));
                    }
                    assertEquals(ranks(before), ranks(after));
                });
    }

    /** 四(五): an objection that is not upheld changes no status and no rank; it is said among the reasons. */
    @Test
    void anObjectionNotUpheldChangesNothingButItsReason() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(rounds(), booleans().all(), integers().between(0, 99))
                .checkAssert((specs, backfill, pick) -> {
                    int chosen = pick % specs.size();
                    Allocation before = rules(backfill).allocate(submission(withObjection(specs, chosen, 0)));
                    Allocation after = rules(backfill).allocate(submission(withObjection(specs, chosen, 2)));
                    assertEquals(before.entries().stream().map(AllocationEntry::status).toList(),
                            after.entries().stream().map(AllocationEntry::status).toList());
                    assertEquals(ranks(before), ranks(after));
                    assertTrue(codes(after.entries().get(chosen)).contains("OBJECTION_NOT_UPHELD"), () -> after.entries().get(chosen).toString());
                });
    }

    /** The reasons that can explain each status (三, 四(三)-四(五)); an entry has at least one of its status's. */
    private static final Map<AllocationStatus, Set<String>> EXPLAINED_BY = Map.of(
            AllocationStatus.CANDIDATE, Set.of("WITHIN_QUOTA", "BACKFILLED_AFTER_OBJECTION"),
            AllocationStatus.NOT_SELECTED, Set.of("QUOTA_FILLED"),
            AllocationStatus.NOT_RANKED, Set.of("NOT_ACCEPTED", "NOT_REVIEWED", "SITE_VISIT_FAILED", "BELOW_PASSING_SCORE"),
            AllocationStatus.REMOVED_BY_OBJECTION, Set.of("OBJECTION_UPHELD"));

    @Test
    void everyApplicationGetsExactlyOneStatusWithItsReasons() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(rounds(), booleans().all()).checkAssert((specs, backfill) -> {
            RoundSubmission submission = submission(specs);
            Allocation allocation = rules(backfill).allocate(submission);
            assertEquals(submission.applications().stream().map(Application::id).toList(),
                    allocation.entries().stream().map(AllocationEntry::applicationId).toList());
            for (int i = 0; i < specs.size(); i++) {
                AllocationEntry entry = allocation.entries().get(i);
                Set<String> explaining = new TreeSet<>(codes(entry));
                explaining.retainAll(EXPLAINED_BY.get(entry.status()));
                assertFalse(explaining.isEmpty(), entry::toString);
                assertEquals(entry.status() == AllocationStatus.NOT_RANKED, entry.rank() == null, entry::toString);
                if (specs.get(i).objection() == 1) {
                    assertNotEquals(AllocationStatus.CANDIDATE, entry.status(), entry::toString);
                    assertTrue(codes(entry).contains("OBJECTION_UPHELD"), entry::toString);
                }
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
                    String id = id(chosen);
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

    private static Map<String, Integer> ranks(Allocation allocation) {
        Map<String, Integer> ranks = new TreeMap<>();
        allocation.entries().forEach(e -> ranks.put(e.applicationId(), e.rank()));
        return ranks;
    }

    private static Map<String, AllocationEntry> byId(Allocation allocation) {
        return allocation.entries().stream().collect(Collectors.toMap(AllocationEntry::applicationId, Function.identity()));
    }
}

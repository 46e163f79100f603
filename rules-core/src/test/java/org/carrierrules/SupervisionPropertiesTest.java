package org.carrierrules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import org.carrierrules.supervision.Carrier;
import org.carrierrules.supervision.CarrierEvent;
import org.carrierrules.supervision.EventType;
import org.carrierrules.supervision.SupervisionDecision;
import org.carrierrules.supervision.SupervisionOutcome;

/**
 * Properties of supervision (五) that hold whatever the history: more training never makes the
 * outcome graver, a later event never changes it, revocation once due stays due, and a batch's order
 * changes nothing. Each property also records which outcomes it saw, so that it cannot pass vacuously.
 */
class SupervisionPropertiesTest {
    private static final CarrierRules RULES = CarrierRules.bundled();
    private static final LocalDate EARLIEST = LocalDate.of(2015, 1, 1);
    /** Histories cover the year before recognition to nine years after; as-of dates fall in that span. */
    private static final int YEARS = 11;
    private static final int SPAN_DAYS = 10 * 365;
    private static final int MISSING = -1;

    private record EventAt(EventType type, int daysAfterRecognition) {
    }

    /** Mostly idle years, some missing, some active, so that idle streaks of every length occur. */
    static Gen<Carrier> carriers() {
        Gen<LocalDate> recognized = integers().between(0, 8 * 365).map(EARLIEST::plusDays);
        Gen<List<Integer>> counts = lists().of(arbitrary().pick(List.of(MISSING, 0, 0, 0, 7, 150))).ofSize(YEARS);
        Gen<EventAt> event = arbitrary().enumValues(EventType.class)
                .zip(integers().between(0, SPAN_DAYS), EventAt::new);
        Gen<List<EventAt>> events = lists().of(event).ofSizeBetween(0, 3);
        return recognized.zip(counts, events, SupervisionPropertiesTest::carrier);
    }

    private static Carrier carrier(LocalDate recognizedOn, List<Integer> counts, List<EventAt> events) {
        Map<Integer, Integer> activity = new HashMap<>();
        for (int i = 0; i < counts.size(); i++) {
            if (counts.get(i) != MISSING) {
                activity.put(recognizedOn.getYear() - 1 + i, counts.get(i));
            }
        }
        Set<CarrierEvent> distinct = events.stream()
                .map(e -> new CarrierEvent(e.type(), recognizedOn.plusDays(e.daysAfterRecognition())))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return new Carrier("SZ-P-001", "深圳市罗湖区示例培训基地", CarrierType.HIGH_SKILL_TRAINING_BASE, recognizedOn,
                List.copyOf(distinct), activity);
    }

    private static Carrier with(Carrier c, String id, List<CarrierEvent> events, Map<Integer, Integer> activity) {
        return new Carrier(id, c.name(), c.carrierType(), c.recognizedOn(), events, activity);
    }

    private static LocalDate asOf(Carrier c, int daysAfterRecognition) {
        return c.recognizedOn().plusDays(daysAfterRecognition);
    }

    @Test
    void moreTrainingNeverMakesTheOutcomeGraver() {
        Set<SupervisionOutcome> seen = EnumSet.noneOf(SupervisionOutcome.class);
        qt().withFixedSeed(20240729L).withExamples(300)
                .forAll(carriers(), integers().between(0, SPAN_DAYS), integers().between(0, YEARS - 1), integers().between(1, 500))
                .checkAssert((carrier, days, yearIndex, participants) -> {
                    LocalDate asOf = asOf(carrier, days);
                    int year = carrier.recognizedOn().getYear() - 1 + yearIndex;
                    Map<Integer, Integer> more = new HashMap<>(carrier.trainingActivity());
                    more.merge(year, participants, Integer::sum);
                    SupervisionOutcome before = RULES.supervise(carrier, asOf).outcome();
                    SupervisionOutcome after = RULES.supervise(with(carrier, carrier.carrierId(), carrier.events(), more), asOf).outcome();
                    seen.add(before);
                    // The order of the constants is the order of gravity: KEEP is last.
                    assertTrue(after.compareTo(before) >= 0, before + " became " + after + " with " + participants
                            + " more participants in " + year);
                });
        assertEquals(EnumSet.allOf(SupervisionOutcome.class), seen);
    }

    @Test
    void anEventAfterTheAsOfDateNeverChangesTheDecision() {
        Set<SupervisionOutcome> seen = EnumSet.noneOf(SupervisionOutcome.class);
        qt().withFixedSeed(20240812L).withExamples(300)
                .forAll(carriers(), integers().between(0, SPAN_DAYS), arbitrary().enumValues(EventType.class), integers().between(1, 2000))
                .checkAssert((carrier, days, type, daysLater) -> {
                    LocalDate asOf = asOf(carrier, days);
                    CarrierEvent later = new CarrierEvent(type, asOf.plusDays(daysLater));
                    if (carrier.events().contains(later)) {
                        return;
                    }
                    List<CarrierEvent> events = new ArrayList<>(carrier.events());
                    events.add(later);
                    SupervisionDecision before = RULES.supervise(carrier, asOf);
                    seen.add(before.outcome());
                    assertEquals(before, RULES.supervise(with(carrier, carrier.carrierId(), events, carrier.trainingActivity()), asOf));
                });
        assertEquals(EnumSet.allOf(SupervisionOutcome.class), seen);
    }

    @Test
    void onceRevokedAlwaysRevokedLater() {
        Set<SupervisionOutcome> seen = EnumSet.noneOf(SupervisionOutcome.class);
        qt().withFixedSeed(20240825L).withExamples(300)
                .forAll(carriers(), integers().between(0, SPAN_DAYS), integers().between(1, 3000))
                .checkAssert((carrier, days, daysLater) -> {
                    LocalDate asOf = asOf(carrier, days);
                    SupervisionOutcome outcome = RULES.supervise(carrier, asOf).outcome();
                    seen.add(outcome);
                    if (outcome == SupervisionOutcome.REVOKE) {
                        assertEquals(SupervisionOutcome.REVOKE, RULES.supervise(carrier, asOf.plusDays(daysLater)).outcome(),
                                "revoked as of " + asOf + " but not " + daysLater + " days later");
                    }
                });
        assertTrue(seen.contains(SupervisionOutcome.REVOKE) && seen.size() > 1, seen.toString());
    }

    @Test
    void theOrderOfABatchNeverChangesAnyResult() {
        qt().withFixedSeed(20240918L).withExamples(100)
                .forAll(lists().of(carriers()).ofSizeBetween(1, 6), longs().all(), integers().between(0, SPAN_DAYS))
                .checkAssert((generated, shuffleSeed, days) -> {
                    List<Carrier> batch = new ArrayList<>();
                    for (int i = 0; i < generated.size(); i++) {
                        Carrier c = generated.get(i);
                        batch.add(with(c, "SZ-P-" + i, c.events(), c.trainingActivity()));
                    }
                    List<Carrier> shuffled = new ArrayList<>(batch);
                    Collections.shuffle(shuffled, new Random(shuffleSeed));
                    LocalDate asOf = asOf(batch.get(0), days);

                    Map<String, SupervisionDecision> inOrder = byId(RULES.superviseAll(batch, asOf));
                    Map<String, SupervisionDecision> reordered = byId(RULES.superviseAll(shuffled, asOf));

                    assertEquals(inOrder, reordered);
                    for (Carrier c : batch) {
                        assertEquals(RULES.supervise(c, asOf), inOrder.get(c.carrierId()));
                    }
                });
    }

    private static Map<String, SupervisionDecision> byId(List<SupervisionDecision> reviews) {
        return reviews.stream().collect(Collectors.toMap(SupervisionDecision::carrierId, Function.identity()));
    }
}

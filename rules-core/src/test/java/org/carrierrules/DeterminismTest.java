package org.carrierrules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import org.carrierrules.allocation.ExpertReview;
import org.carrierrules.allocation.Objection;
import org.carrierrules.allocation.RoundSubmission;
import org.carrierrules.application.ApplicantType;
import org.carrierrules.application.Application;
import org.carrierrules.json.ApplicationJson;
import org.carrierrules.json.AssessmentJson;
import org.carrierrules.json.CarrierJson;
import org.carrierrules.json.CarrierRecord;
import org.carrierrules.json.InputRecord;
import org.carrierrules.supervision.EventType;
import org.carrierrules.testing.Figures;
import org.carrierrules.testing.Printed;

/**
 * The same input gives the same bytes, whatever the number of threads, and each record's result is the same
 * wherever it stands in its batch (QuickTheories, fixed seed).
 */
class DeterminismTest {
    private static final CarrierRules RULES = CarrierRules.bundled();
    private static final LocalDate AS_OF = LocalDate.parse("2024-12-31");
    private static final long SEED = 20240729L;
    /** Batches per property; the figures in docs/reliability.md. */
    static final int EXAMPLES = 150;
    static final int THREADS = 4;

    /** Every application of every type with every 11th combination of known changes, and every other one broken as input. */
    private static ArrayNode batch() {
        ArrayNode batch = JsonNodeFactory.instance.arrayNode();
        int n = 0;
        for (int mask = 0; mask <= Mutations.masks(); mask += 11) {
            for (CarrierType type : CarrierType.values()) {
                Application app = Mutations.apply(ValidApplications.of(type, ApplicantType.ENTERPRISE), mask);
                ObjectNode json = Printed.application(app).put("id", "LH-" + n++);
                if (n % 17 == 0) {
                    ((ObjectNode) json.get("applicant")).put("creditCode", "52440303MJL177700A");
                }
                batch.add(json);
            }
        }
        return batch;
    }

    private static List<InputRecord> read(JsonNode batch) {
        return ApplicationJson.readAll(new ByteArrayInputStream(batch.toString().getBytes(StandardCharsets.UTF_8)), "batch.json");
    }

    private static String print(JsonNode entries) {
        StringWriter out = new StringWriter();
        AssessmentJson.print(entries, out);
        return out.toString();
    }

    @Test
    void assessingInOneThreadOrFourPrintsTheSameBytes() throws Exception {
        List<InputRecord> records = read(batch());
        String alone = print((ArrayNode) Printed.assessments(RULES, records));

        String split = inThreads(records, chunk -> (ArrayNode) Printed.assessments(RULES, chunk));

        assertEquals(alone, split);
        assertEquals(alone, print((ArrayNode) Printed.assessments(RULES, records)), "and again in one thread");
        Figures.record("determinism-threads", "records", records.size(), "threads", THREADS);
    }

    @Test
    void supervisingInOneThreadOrFourPrintsTheSameBytes() throws Exception {
        ArrayNode carriers = JsonNodeFactory.instance.arrayNode();
        for (int year = 2015; year <= 2024; year++) {
            for (EventType type : EventType.values()) {
                carriers.addObject().put("carrierId", "SZ-" + year + "-" + type.ordinal()).put("name", "载体" + year)
                        .put("carrierType", CarrierType.values()[year % 3].name()).put("recognizedOn", year + "-06-01")
                        .putArray("events").addObject().put("type", type.name()).put("date", (year + 1) + "-03-01");
                ((ObjectNode) carriers.get(carriers.size() - 1)).putObject("trainingActivity").put(Integer.toString(year + 1), year % 2);
            }
        }
        List<CarrierRecord> records = CarrierJson.readAll(new ByteArrayInputStream(carriers.toString().getBytes(StandardCharsets.UTF_8)), "c.json");
        String alone = print((ArrayNode) Printed.reviews(RULES, records, AS_OF));

        String split = inThreads(records, chunk -> (ArrayNode) Printed.reviews(RULES, chunk, AS_OF));

        assertEquals(alone, split);
    }

    @Test
    void allocatingInFourThreadsAtOncePrintsTheSameBytes() throws Exception {
        RoundSubmission round = Rounds.round(List.of(Rounds.accepted("H1", CarrierType.HIGH_SKILL_TRAINING_BASE, "2024-08-20T10:00"),
                        Rounds.accepted("H2", CarrierType.HIGH_SKILL_TRAINING_BASE, "2024-08-14T09:00"),
                        Rounds.accepted("H3", CarrierType.HIGH_SKILL_TRAINING_BASE, "2024-08-21T09:00"),
                        Rounds.accepted("S1", CarrierType.SKILL_MASTER_STUDIO, "2024-08-15T15:30")),
                List.of(Rounds.scored("H1", "80"), Rounds.scored("H2", "80"), Rounds.scored("H3", "80"), Rounds.scored("S1", "70")),
                List.of(new Objection("H1", true)));
        String alone = print(Printed.round(RULES.allocate(round)));

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<String>> runs = new ArrayList<>();
            for (int t = 0; t < THREADS * 4; t++) {
                runs.add(pool.submit(() -> print(Printed.round(RULES.allocate(round)))));
            }
            for (Future<String> run : runs) {
                assertEquals(alone, run.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Each record's entry, with its place in the file (record, line) left out, is the same in any order of its batch. */
    @Test
    void eachRecordPrintsTheSameWhereverItStandsInItsBatch() {
        ArrayNode all = batch();
        Gen<List<Integer>> picks = lists().of(integers().between(0, all.size() - 1)).ofSizeBetween(1, 20);
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(picks, longs().all()).checkAssert((chosen, seed) -> {
            ArrayNode batch = JsonNodeFactory.instance.arrayNode();
            chosen.stream().distinct().forEach(i -> batch.add(all.get(i)));
            ArrayNode shuffled = JsonNodeFactory.instance.arrayNode();
            ApplicationGenerators.shuffled(List.copyOf(toList(batch)), seed).forEach(shuffled::add);

            assertEquals(byId((ArrayNode) Printed.assessments(RULES, read(batch))), byId((ArrayNode) Printed.assessments(RULES, read(shuffled))));
        });
        Figures.record("determinism-permutation", "batches", EXAMPLES, "maxBatch", 20);
    }

    /** Each application's allocation entry is the same whatever the order of applications, reviews and objections. */
    @Test
    void eachApplicationsAllocationPrintsTheSameInAnyOrderOfTheRound() {
        List<Application> applications = new ArrayList<>();
        List<ExpertReview> reviews = new ArrayList<>();
        String[] times = {"2024-08-20T10:00", "2024-08-14T09:00", "2024-08-21T09:00", "2024-08-22T09:00", "2024-08-15T15:30"};
        for (int i = 0; i < 12; i++) {
            CarrierType type = CarrierType.values()[i % 3];
            applications.add(Rounds.accepted("A" + i, type, times[i % times.length]));
            reviews.add(Rounds.scored("A" + i, Integer.toString(60 + (i * 7) % 30)));
        }
        List<Objection> objections = List.of(new Objection("A0", true), new Objection("A4", false));
        Map<String, String> expected = byId((ArrayNode) Printed.entries(RULES.allocate(Rounds.round(applications, reviews, objections))));

        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(longs().all()).checkAssert(seed -> {
            RoundSubmission shuffled = Rounds.round(ApplicationGenerators.shuffled(applications, seed),
                    ApplicationGenerators.shuffled(reviews, seed + 1), ApplicationGenerators.shuffled(objections, seed + 2));
            assertEquals(expected, byId((ArrayNode) Printed.entries(RULES.allocate(shuffled))));
        });
    }

    /** Entries in order, worked out in chunks by {@link #THREADS} threads at once. */
    private static <R> String inThreads(List<R> records, Function<List<R>, ArrayNode> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            int size = (records.size() + THREADS - 1) / THREADS;
            List<Future<ArrayNode>> chunks = new ArrayList<>();
            for (int from = 0; from < records.size(); from += size) {
                List<R> chunk = records.subList(from, Math.min(records.size(), from + size));
                chunks.add(pool.submit(() -> work.apply(chunk)));
            }
            ArrayNode entries = JsonNodeFactory.instance.arrayNode();
            for (Future<ArrayNode> chunk : chunks) {
                entries.addAll(chunk.get(60, TimeUnit.SECONDS));
            }
            return print(entries);
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<JsonNode> toList(ArrayNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    /** Each entry's bytes by its id, without its position in the file. */
    private static Map<String, String> byId(ArrayNode entries) {
        Map<String, String> byId = new HashMap<>();
        for (JsonNode entry : entries) {
            ObjectNode copy = entry.deepCopy();
            copy.remove(List.of("record", "line"));
            byId.put(entry.path("applicationId").asText(), print(copy));
        }
        return byId;
    }
}

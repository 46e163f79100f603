package org.carrierrules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.carrierrules.testing.Figures;
import org.carrierrules.testing.ForkedJvm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 50 MB allocate input (applications of the three types, each reviewed by five experts), written record by
 * record: refused with the option to raise the limit under the defaults, and allocated whole by the command
 * in a JVM whose heap is five times the file.
 */
class LargeFileCommandTest {
    static final long SIZE = 50L * 1024 * 1024;
    static final String HEAP = "-Xmx256m";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path temp;
    static Path round;
    static int count;

    @BeforeAll
    static void writeFiftyMegabytes() throws Exception {
        JsonNode samples = JSON.readTree(Path.of("data/luohu-2024/applications.json").toFile());
        // An accepted sample application of each type (README: 001, 003 and 023 are ranked), repeated under new ids.
        List<JsonNode> accepted = new ArrayList<>();
        for (String id : List.of("LH2024-001", "LH2024-003", "LH2024-023")) {
            samples.forEach(a -> {
                if (a.path("id").asText().equals(id)) {
                    accepted.add(a);
                }
            });
        }
        round = temp.resolve("round.json");
        long perRecord = application(accepted, 0).toString().length() + review(0).toString().length() + 4L;
        count = (int) (SIZE / perRecord) + 1;
        try (Writer out = Files.newBufferedWriter(round, StandardCharsets.UTF_8)) {
            out.write("{\"round\": \"luohu-2024\",\n\"applications\": [");
            for (int i = 0; i < count; i++) {
                out.write((i == 0 ? "\n" : ",\n") + application(accepted, i));
            }
            out.write("],\n\"reviews\": [");
            for (int i = 0; i < count; i++) {
                out.write((i == 0 ? "\n" : ",\n") + review(i));
            }
            out.write("],\n\"objections\": [{\"applicationId\": \"LH-1\", \"upheld\": true}]}\n");
        }
    }

    private static ObjectNode application(List<JsonNode> accepted, int i) {
        return ((ObjectNode) accepted.get(i % accepted.size()).deepCopy()).put("id", "LH-" + i);
    }

    private static ObjectNode review(int i) {
        ObjectNode review = JSON.createObjectNode().put("applicationId", "LH-" + i).put("siteVisitPassed", i % 11 != 0);
        ArrayNode sheets = review.putArray("expertScores");
        for (int e = 1; e <= 5; e++) {
            sheets.addObject().put("expert", "E" + e).putObject("items").put("FOUNDATION", (i * 7 + e) % 21).put("FACULTY", 15)
                    .put("TRAINING_PERFORMANCE", 20).put("INDUSTRY_FIT", 12).put("MANAGEMENT", 8).put("PLAN", (i + e) % 11);
        }
        return review;
    }

    @Test
    void theDefaultLimitsRefuseItAndSayWhichOptionRaisesThem() {
        Run run = Run.of("allocate", round.toString());

        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("maxBytes = 33554432") && run.err().contains("--max-bytes"), run.err());
    }

    @Test
    void raisedLimitsAllocateEveryApplicationInAHeapFiveTimesTheFile() throws Exception {
        Path out = temp.resolve("allocation.json");
        ForkedJvm.Ended ended = ForkedJvm.run(List.of(HEAP), CarrierRulesCommand.class.getName(),
                List.of("allocate", "--max-bytes", "64M", "--max-records", "100000", round.toString()), out, temp.resolve("stderr.txt"), 300);

        assertEquals(0, ended.exitCode(), ended::err);
        int entries = 0;
        int candidates = 0;
        try (JsonParser parser = JSON.createParser(out.toFile())) {
            assertEquals(JsonToken.START_ARRAY, parser.nextToken());
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                JsonNode entry = JSON.readTree(parser);
                assertEquals("LH-" + entries, entry.path("applicationId").asText());
                candidates += entry.path("status").asText().equals("CANDIDATE") ? 1 : 0;
                entries++;
            }
        }
        assertEquals(count, entries);
        assertEquals(6, candidates, "3 + 2 + 1 places, all filled");
        assertTrue(ended.millis() < 120_000, () -> ended.millis() + " ms");
        Figures.record("large-file-allocate", "bytes", Files.size(round), "applications", count, "heap", HEAP,
                "jvmMillis", ended.millis());
    }
}

package org.carrierrules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code assess} of the extended example's applications, whose facts its {@code facts.yaml} declares. */
class AssessFactsCommandTest {
    private static final String POLICY = "policies/extended-example";
    private static final String SAMPLE = "data/extended-example/applications.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theSampleIsDecidedItsOneMisfitNamedAndAFactFindingNamesItsFact() throws Exception {
        Run run = Run.of("assess", "--policy", POLICY, SAMPLE);

        JsonNode output = JSON.readTree(run.out());
        List<String> errors = new ArrayList<>();
        output.forEach(entry -> {
            if (entry.has("error")) {
                errors.add(entry.path("applicationId").asText() + " " + entry.path("error").path("field").asText() + " "
                        + entry.path("error").path("message").asText());
            }
        });
        // The sample shows one misfit on purpose: the number of apprentices written in words.
        assertEquals(List.of("LH2024-007 facts.apprentices “带徒人数”须为整数（单位：人），实为 文字“八”"), errors);
        assertEquals(3, run.exitCode(), run.err());
        assertEquals(JSON.readTree(Path.of(SAMPLE).toFile()).size(), output.size());
        List<String> facts = new ArrayList<>();
        output.forEach(entry -> entry.path("findings").forEach(f -> {
            if (f.has("fact")) {
                facts.add(f.path("code").asText() + "/" + f.path("fact").asText());
            }
        }));
        assertTrue(facts.contains("TRAINING_SCALE_TOO_SMALL/annualTrainees"), facts::toString);
        assertTrue(facts.contains("ON_CREDIT_BLACKLIST/onCreditBlacklist"), facts::toString);
    }

    /** Each record whose facts do not fit is an error entry in its place naming {@code facts.<key>}; the others are decided. */
    @Test
    void badFactsAreErrorsInTheirPlaceWhileTheOthersAreDecided(@TempDir Path temp) throws Exception {
        ArrayNode sample = (ArrayNode) JSON.readTree(Path.of(SAMPLE).toFile());
        ObjectNode good = (ObjectNode) sample.get(0);
        String[][] cases = {{"registeredCapital", "100"}, {"annualTrainees", "\"1200\""}, {"annualTrainees", "1.5"},
                {"establishedOn", "\"2019-02-30\""}, {"onlinePlatform", "null"}, {"onCreditBlacklist", "{\"a\": 1}"}};
        ArrayNode batch = JSON.createArrayNode();
        batch.add(good);
        for (String[] c : cases) {
            ObjectNode record = good.deepCopy().put("id", "BAD-" + batch.size());
            ((ObjectNode) record.get("facts")).set(c[0], JSON.readTree(c[1]));
            batch.add(record);
        }
        ObjectNode missing = good.deepCopy().put("id", "BAD-" + batch.size());
        ((ObjectNode) missing.get("facts")).remove("annualTrainees");
        batch.add(missing);
        batch.add(sample.get(1));
        Path input = temp.resolve("applications.json");
        Files.writeString(input, batch.toPrettyString(), StandardCharsets.UTF_8);

        Run run = Run.of("assess", "--policy", POLICY, input.toString());

        assertEquals(3, run.exitCode(), "exit 3: some records are invalid; " + run.err());
        JsonNode output = JSON.readTree(run.out());
        assertEquals(batch.size(), output.size(), run.out());
        assertTrue(output.get(0).has("acceptance"), output.get(0)::toString);
        assertTrue(output.get(batch.size() - 1).has("acceptance"), output.get(batch.size() - 1)::toString);
        List<String> fields = new ArrayList<>();
        for (int i = 1; i < batch.size() - 1; i++) {
            JsonNode entry = output.get(i);
            assertEquals("INVALID_INPUT", entry.path("error").path("code").asText(), entry::toString);
            fields.add(entry.path("error").path("field").asText());
        }
        assertEquals(List.of("facts.registeredCapital", "facts.annualTrainees", "facts.annualTrainees", "facts.establishedOn",
                "facts.onlinePlatform", "facts.onCreditBlacklist", "facts.annualTrainees"), fields);
    }
}

package org.carrierrules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import org.carrierrules.CarrierRules;
import org.carrierrules.assessment.Assessment;
import org.carrierrules.json.ApplicationJson;
import org.carrierrules.json.InputRecord;

/** {@code assess} decides on threads of its own, a block at a time as records come: the same assessments, in input order, invalid records in place. */
class BlockAssessorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyRecordComesWithItsAssessmentInInputOrderAcrossBlocks() throws Exception {
        JsonNode samples = JSON.readTree(Path.of("data/luohu-2024/applications.json").toFile());
        ArrayNode batch = JSON.createArrayNode();
        for (int i = 0; i < 9_000; i++) {
            ObjectNode application = ((ObjectNode) samples.get(i % samples.size()).deepCopy()).put("id", "LH-" + i);
            if (i % 11 == 5) {
                application.remove("carrierType");
            }
            batch.add(application);
        }
        List<InputRecord> records = ApplicationJson.readAll(new ByteArrayInputStream(batch.toString().getBytes(StandardCharsets.UTF_8)), "batch.json");
        CarrierRules rules = CarrierRules.bundled();
        List<Assessment> sequential = rules.assessAll(records.stream()
                .filter(r -> r instanceof InputRecord.Valid).map(r -> ((InputRecord.Valid) r).application()).toList());

        List<InputRecord> seen = new ArrayList<>();
        List<Assessment> assessed = new ArrayList<>();
        List<InputRecord> decided;
        try (BlockAssessor assessor = new BlockAssessor(() -> rules)) {
            records.forEach(assessor::add);
            decided = assessor.assess((record, assessment) -> {
                seen.add(record);
                if (record instanceof InputRecord.Valid) {
                    assessed.add(assessment);
                } else {
                    assertNull(assessment, record::toString);
                }
            });
        }

        assertEquals(records, seen);
        assertEquals(records, decided);
        assertEquals(sequential, assessed);
        assertTrue(records.stream().anyMatch(r -> r instanceof InputRecord.Invalid));
    }
}

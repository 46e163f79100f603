package org.carrierrules.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.carrierrules.CarrierRules;
import org.carrierrules.CarrierType;
import org.carrierrules.supervision.EventType;
import org.carrierrules.testing.Printed;

/** Carrier files in the contract's JSON form: every bad record names its field, and the rest are still reviewed. */
class CarrierJsonTest {
    private static final LocalDate AS_OF = LocalDate.parse("2024-12-31");

    /** One record per line, so that a record's line is its position plus one. */
    private static final String BATCH = """
            [
            {"carrierId": "SZ-2020-017", "name": "深圳市罗湖区示例技能大师工作室", "carrierType": "SKILL_MASTER_STUDIO", "recognizedOn": "2020-06-01", "events": [{"type": "LOST_CONTACT", "date": "2024-03-01"}], "trainingActivity": {"2021": 0, "2022": 0, "2023": 120}},
            {"carrierId": "SZ-T-002", "name": "乙", "carrierType": "HIGH_SKILL_TRAINING_BASE", "recognizedOn": "2021-06-01", "events": [{"type": "LOST_CONTACT", "date": "2022-01-01"}, {"type": "FRAUD_FOUND", "date": "2022-02-01"}, {"type": "MOVED_AWAY", "date": "2023-01-01"}], "trainingActivity": {}},
            {"carrierId": "SZ-T-003", "name": "丙", "carrierType": "HIGH_SKILL_TRAINING_BASE", "recognizedOn": "2021-02-30", "events": [], "trainingActivity": {}},
            {"carrierId": "SZ-T-004", "name": "丁", "carrierType": "HIGH_SKILL_TRAINING_BASE", "recognizedOn": "2021-06-01", "events": [], "trainingActivity": {"2022": 10, "20x1": 0}},
            {"carrierId": "SZ-T-005", "name": "戊", "carrierType": "HIGH_SKILL_TRAINING_BASE", "recognizedOn": "2021-06-01", "events": [], "trainingActivity": {"2022": -4}},
            {"carrierId": "SZ-T-006", "name": "己", "carrierType": "HIGH_SKILL_TRAINING_BASE", "recognizedOn": "2021-06-01", "events": [{"type": "RELOCATED_OUT", "date": "2024/03/01"}], "trainingActivity": {}},
            {"carrierId": "SZ-T-007", "name": "庚", "carrierType": "HIGH_SKILL_TRAINING_BASE", "recognizedOn": "2021-06-01", "events": [], "trainingActivity": {}, "remark": "备注"},
            {"carrierId": "SZ-2020-017", "name": "辛", "carrierType": "HIGH_SKILL_TRAINING_BASE", "recognizedOn": "2021-06-01", "events": [], "trainingActivity": {}},
            {"carrierId": "SZ-T-009", "name": "壬", "carrierType": "RURAL_REVITALIZATION_STATION", "recognizedOn": "2022-09-01", "events": [], "trainingActivity": {"2023": 260, "2024": 310}},
            {"carrierId": "SZ-T-010", "name": "癸", "carrierType": "HIGH_SKILL_TRAINING_BASE", "recognizedOn": "2021-06-01", "events": [], "trainingActivity": {"2022": "12"}},
            {"carrierId": "SZ-T-011", "name": "子", "carrierType": "STUDIO", "recognizedOn": "2021-06-01", "events": [], "trainingActivity": {}}
            ]
            """;

    private static List<CarrierRecord> read(String json) {
        return CarrierJson.readAll(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
    }

    @Test
    void eachBadRecordNamesItsFieldAndTheRestAreReviewed() {
        List<CarrierRecord> records = read(BATCH);
        JsonNode entries = Printed.reviews(CarrierRules.bundled(), records, AS_OF);

        assertEquals(11, entries.size());
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            fields.add(entry.has("error") ? entry.path("error").path("field").asText() : entry.path("outcome").asText());
            if (entry.has("error")) {
                assertEquals("INVALID_INPUT", entry.path("error").path("code").asText());
                assertFalse(entry.path("error").path("message").asText().isBlank());
                assertEquals(i + 1, entry.path("record").asInt());
                assertEquals(i + 2, entry.path("line").asInt());
            }
        }
        assertEquals(List.of("REVOKE", "events[2].type", "recognizedOn", "trainingActivity.20x1", "trainingActivity.2022",
                "events[0].date", "remark", "carrierId", "KEEP", "trainingActivity.2022", "carrierType"), fields);
        assertEquals("SZ-2020-017", entries.get(7).path("carrierId").asText());
        assertTrue(entries.get(7).path("error").path("message").asText().contains("第1条"));
        assertTrue(entries.get(4).path("error").path("message").asText().contains("负数"));
        assertTrue(entries.get(9).path("error").path("message").asText().contains("整数"));
    }

    @Test
    void aReviewIsWrittenInTheContractsForm() {
        JsonNode entry = Printed.reviews(CarrierRules.bundled(), read(BATCH), AS_OF).get(0);

        assertEquals("SZ-2020-017", entry.path("carrierId").asText());
        assertEquals("REVOKE", entry.path("outcome").asText());
        assertEquals("2024-12-31", entry.path("asOf").asText());
        assertEquals(1, entry.path("grounds").size());
        JsonNode ground = entry.path("grounds").get(0);
        assertEquals("LOST_CONTACT", ground.path("code").asText());
        assertEquals("五", ground.path("clause").asText());
        assertEquals("2024年3月1日发现载体失联", ground.path("message").asText());
        assertEquals("luohu-2024", entry.path("policy").path("round").asText());
    }

    @Test
    void theContractsExampleReadsIntoACarrier() {
        CarrierRecord.Valid valid = assertInstanceOf(CarrierRecord.Valid.class, read(BATCH).get(0));

        assertEquals(CarrierType.SKILL_MASTER_STUDIO, valid.carrier().carrierType());
        assertEquals(LocalDate.parse("2020-06-01"), valid.carrier().recognizedOn());
        assertEquals(EventType.LOST_CONTACT, valid.carrier().events().get(0).type());
        assertEquals(120, valid.carrier().participants(2023));
        assertNull(valid.carrier().participants(2024));
    }

    @Test
    void aFileThatIsNotAnArrayOfCarriersIsRefusedWhole() {
        JsonFileException empty = assertThrows(JsonFileException.class, () -> read(""));
        assertTrue(empty.getMessage().contains("载体记录"), empty.getMessage());
        assertThrows(JsonFileException.class, () -> read("[{\"carrierId\": }]"));
    }
}

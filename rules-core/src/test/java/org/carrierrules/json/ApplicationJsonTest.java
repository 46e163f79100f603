package org.carrierrules.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.carrierrules.CarrierRules;
import org.carrierrules.testing.Printed;

/** Reading the contract's JSON: every problem names its field, and one bad record spoils no other. */
class ApplicationJsonTest {
    /** The contract's own example application, completed with the bundled round's materials. */
    static final String VALID = """
            {
              "id": "LH2024-001",
              "carrierType": "RURAL_REVITALIZATION_STATION",
              "submittedAt": "2024-08-20T10:15:00+08:00",
              "applicant": {
                "name": "深圳市罗湖区示例职业培训学校",
                "creditCode": "52440303MJL177700D",
                "type": "TRAINING_INSTITUTION",
                "hasTrainingFunction": true,
                "legallyEstablished": true,
                "registeredDistrict": "罗湖区"
              },
              "materials": [
                {"code": "APPLICATION_FORM", "fileName": "申报表.pdf", "format": "PDF", "sealed": true, "legible": true, "pagesComplete": true, "skewed": false},
                {"code": "LEGAL_REGISTRATION", "fileName": "法人登记证书.pdf", "format": "PDF", "sealed": true, "legible": true, "pagesComplete": true, "skewed": false},
                {"code": "CREDIT_COMMITMENT", "fileName": "信用承诺书.pdf", "format": "PDF", "sealed": true, "legible": true, "pagesComplete": true, "skewed": false},
                {"code": "TRAINING_RECORD", "fileName": "培训开展情况.pdf", "format": "PDF", "sealed": true, "legible": true, "pagesComplete": true, "skewed": false},
                {"code": "RURAL_TRAINING_PLAN", "fileName": "涉农培训帮扶方案.pdf", "format": "PDF", "sealed": true, "legible": true, "pagesComplete": true, "skewed": false}
              ],
              "paperCopy": {"copies": 2, "paperSize": "A4", "bound": true, "tableOfContents": true, "pageNumbers": true},
              "electronicCopy": {
                "files": [{"fileName": "深圳市罗湖区示例职业培训学校.pdf", "format": "PDF"},
                          {"fileName": "深圳市罗湖区示例职业培训学校.docx", "format": "WORD"}],
                "orderMatchesPaper": true
              }
            }""";

    static ObjectNode valid(String id) throws Exception {
        ObjectNode node = (ObjectNode) ContractMapper.MAPPER.readTree(VALID);
        return node.put("id", id);
    }

    private static List<InputRecord> readAll(String json) {
        return ApplicationJson.readAll(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
    }

    @Test
    void theContractExampleIsReadAndAccepted() throws Exception {
        InputRecord record = readAll("[" + VALID + "]").get(0);
        InputRecord.Valid valid = assertInstanceOf(InputRecord.Valid.class, record);
        assertEquals("ACCEPTED", CarrierRules.bundled().assess(valid.application()).acceptance().name());
    }

    @Test
    void aBadCreditCodeAnUnknownApplicantTypeAndAWrongDateEachNameTheirFieldAndTheRestIsAssessed() throws Exception {
        ObjectNode badCode = valid("LH2024-002");
        ((ObjectNode) badCode.get("applicant")).put("creditCode", "52440303MJL177700A");
        ObjectNode unknownType = valid("LH2024-003");
        ((ObjectNode) unknownType.get("applicant")).put("type", "CHAMBER_OF_COMMERCE");
        ObjectNode wrongDate = valid("LH2024-004").put("submittedAt", "2024-08-32T10:00:00+08:00");
        ArrayNode batch = ContractMapper.MAPPER.createArrayNode()
                .add(valid("LH2024-001")).add(badCode).add(unknownType).add(wrongDate).add(valid("LH2024-005"));

        List<InputRecord> records = readAll(batch.toPrettyString());
        JsonNode results = Printed.assessments(CarrierRules.bundled(), records);

        assertEquals(5, results.size());
        assertEquals("ACCEPTED", results.get(0).path("acceptance").asText());
        assertError(results.get(1), "LH2024-002", "applicant.creditCode", "校验位");
        assertError(results.get(2), "LH2024-003", "applicant.type", "CHAMBER_OF_COMMERCE");
        assertError(results.get(3), "LH2024-004", "submittedAt", "2024-08-32T10:00:00+08:00");
        assertEquals("ACCEPTED", results.get(4).path("acceptance").asText());
        assertEquals(List.of(1, 2, 3, 4, 5), records.stream().map(InputRecord::position).toList());
    }

    private static void assertError(JsonNode entry, String id, String field, String mentioned) {
        assertEquals(id, entry.path("applicationId").asText());
        assertEquals("INVALID_INPUT", entry.path("error").path("code").asText());
        assertEquals(field, entry.path("error").path("field").asText());
        assertTrue(entry.path("error").path("message").asText().contains(mentioned), entry::toString);
    }

    /** One change to the contract's example: the value at {@code place} set to {@code json}, or removed when that is null. */
    private static ObjectNode changed(String place, String json) throws Exception {
        ObjectNode node = valid("LH2024-009");
        JsonPointer at = JsonPointer.compile(place);
        ObjectNode parent = node.withObject(at.head());
        String name = at.last().getMatchingProperty();
        if (json == null) {
            parent.remove(name);
        } else {
            parent.set(name, ContractMapper.MAPPER.readTree(json));
        }
        return node;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "missing carrier type        | /carrierType                   |            | carrierType",
        "applicant not an object     | /applicant                     | \"x\"      | applicant",
        "boolean as a string         | /applicant/legallyEstablished  | \"yes\"    | applicant.legallyEstablished",
        "unknown material format     | /materials/1/format            | \"DOCX\"   | materials[1].format",
        "blank file name             | /materials/2/fileName          | \"  \"     | materials[2].fileName",
        "copies not an integer       | /paperCopy/copies              | 1.5        | paperCopy.copies",
        "negative copies             | /paperCopy/copies              | -1         | paperCopy.copies",
        "electronic file format      | /electronicCopy/files/0/format | \"PPT\"    | electronicCopy.files[0].format",
        "misspelled key              | /applicant/legallyEstablised   | true       | applicant.legallyEstablised",
    })
    void eachProblemNamesItsField(String description, String place, String json, String field) throws Exception {
        ObjectNode node = changed(place, json);

        InputRecord record = readAll("[" + node + "]").get(0);

        InputRecord.Invalid invalid = assertInstanceOf(InputRecord.Invalid.class, record, description);
        assertEquals(field, invalid.error().field(), invalid.error()::message);
        assertEquals("LH2024-009", invalid.applicationId());
    }

    @Test
    void aDuplicateIdIsAnErrorOnTheLaterRecord() throws Exception {
        List<InputRecord> records = readAll("[" + valid("LH2024-001") + "," + valid("LH2024-001") + "]");
        assertInstanceOf(InputRecord.Valid.class, records.get(0));
        InputRecord.Invalid second = assertInstanceOf(InputRecord.Invalid.class, records.get(1));
        assertEquals("id", second.error().field());
        assertTrue(second.error().message().contains("第1条"));
    }

    @Test
    void anUnparseableFileNamesLineAndColumn() {
        JsonFileException e = assertThrows(JsonFileException.class, () -> readAll("[\n  {\"id\": \"x\",,}\n]"));
        assertEquals(2, e.line());
        assertTrue(e.column() > 0);
        assertTrue(e.getMessage().startsWith("test.json 第2行第"), e.getMessage());
    }

    @Test
    void anEmptyFileIsSaidToBeEmpty() {
        JsonFileException e = assertThrows(JsonFileException.class, () -> readAll(""));
        assertTrue(e.getMessage().contains("文件是空的"), e.getMessage());
    }

    @Test
    void recordsKeepTheLineTheyStartOn() throws Exception {
        // Each record prints on one line: "[" on line 1, A on line 2, a blank line 3, B on line 4.
        List<InputRecord> records = readAll("[\n" + valid("A") + ",\n\n" + valid("B") + "]");
        assertEquals(2, records.get(0).line());
        assertEquals(4, records.get(1).line());
    }
}

package org.carrierrules.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import org.carrierrules.CarrierRules;
import org.carrierrules.allocation.Allocation;
import org.carrierrules.internal.allocation.ExpertSheets;
import org.carrierrules.notice.NoticePeriod;
import org.carrierrules.testing.Printed;

/** The contract's allocate input read strictly, every error named, and its output with two-decimal scores. */
class AllocationJsonTest {
    private static ObjectNode review(String applicationId, boolean siteVisitPassed, String... totals) {
        ObjectNode review = ContractMapper.MAPPER.createObjectNode().put("applicationId", applicationId)
                .put("siteVisitPassed", siteVisitPassed);
        ArrayNode sheets = review.putArray("expertScores");
        for (int i = 0; i < totals.length; i++) {
            ObjectNode items = sheets.addObject().put("expert", "E" + (i + 1)).putObject("items");
            ExpertSheets.totalling("E" + (i + 1), totals[i]).items().forEach(items::put);
        }
        return review;
    }

    /** Two 乡村振兴技能工作站 applications (1 place): A with five experts, B with three. */
    private static ObjectNode input() throws Exception {
        ObjectNode input = ContractMapper.MAPPER.createObjectNode().put("round", "luohu-2024");
        input.putArray("applications").add(ApplicationJsonTest.valid("A")).add(ApplicationJsonTest.valid("B"));
        input.putArray("reviews").add(review("A", true, "90", "70", "99", "80", "85")).add(review("B", true, "70", "75", "81"));
        input.putArray("objections").addObject().put("applicationId", "B").put("upheld", false);
        return input;
    }

    private static AllocationInput.Invalid invalid(JsonNode input) {
        return assertInstanceOf(AllocationInput.Invalid.class, AllocationJson.read(input));
    }

    @Test
    void theContractsInputGivesOneEntryPerApplicationWithTwoDecimalScores() throws Exception {
        AllocationInput.Valid valid = assertInstanceOf(AllocationInput.Valid.class, AllocationJson.read(input()));

        Allocation allocation = CarrierRules.bundled().allocate(valid.submission());
        JsonNode output = Printed.entries(allocation);

        // A: drop 70 and 99, (90 + 80 + 85) / 3 = 85.00, rank 1 of 1 place. B: 226 / 3 = 75.33, rank 2.
        assertEquals(2, output.size());
        JsonNode a = output.get(0);
        assertEquals(List.of("applicationId", "carrierType", "status", "score", "rank", "reasons", "policy"), fieldNames(a));
        assertEquals("A", a.path("applicationId").asText());
        assertEquals("RURAL_REVITALIZATION_STATION", a.path("carrierType").asText());
        assertEquals("CANDIDATE", a.path("status").asText());
        assertEquals(new BigDecimal("85.00"), a.path("score").decimalValue());
        assertEquals(1, a.path("rank").asInt());
        assertEquals(List.of("code", "clause", "message", "rule"), fieldNames(a.path("reasons").get(0)));
        assertEquals("WITHIN_QUOTA", a.path("reasons").get(0).path("code").asText());
        assertEquals("三", a.path("reasons").get(0).path("clause").asText());
        JsonNode b = output.get(1);
        assertEquals("NOT_SELECTED", b.path("status").asText());
        assertEquals(List.of("QUOTA_FILLED", "OBJECTION_NOT_UPHELD"), b.path("reasons").findValuesAsText("code"));

        String printed = Printed.text(out -> AllocationJson.print(allocation, out));
        assertTrue(printed.contains("\"score\" : 85.00,"), printed);
        assertTrue(printed.contains("\"score\" : 75.33,"), printed);
    }

    @Test
    void everyInputErrorIsNamedNotJustTheFirst() throws Exception {
        ObjectNode input = input();
        ((ObjectNode) input.path("applications").get(1).path("applicant")).put("creditCode", "52440303MJL177700A");
        ((ObjectNode) input.path("reviews").get(0).path("expertScores").get(1).path("items")).put("FACULTY", "十八");
        ((ObjectNode) input.path("objections").get(0)).remove("upheld");

        List<InputError> errors = invalid(input).errors();

        assertEquals(List.of("applications[1].applicant.creditCode", "reviews[0].expertScores[1].items.FACULTY", "objections[0].upheld"),
                errors.stream().map(InputError::field).toList());
        assertEquals("应为数字，实为字符串 \"十八\"", errors.get(1).message());
        assertTrue(errors.stream().allMatch(e -> e.code().equals(InputError.INVALID_INPUT)));
    }

    @Test
    void anUnknownKeyIsNamed() throws Exception {
        ObjectNode input = input();
        input.set("review", input.remove("reviews"));
        List<InputError> errors = invalid(input).errors();
        assertEquals("review", errors.get(0).field());
    }

    @Test
    void aReviewOfAnApplicationNotInTheRoundIsNamed() throws Exception {
        ObjectNode input = input();
        ((ArrayNode) input.path("reviews")).add(review("Z", true, "80"));
        assertEquals(List.of("reviews[Z]"), invalid(input).errors().stream().map(InputError::field).toList());
    }

    @Test
    void theNoticeStartIsOptional() throws Exception {
        ObjectNode input = input();
        assertEquals(null, assertInstanceOf(AllocationInput.Valid.class, AllocationJson.read(input)).noticeStart());
        input.put("noticeStart", "2024-09-11");
        assertEquals(LocalDate.parse("2024-09-11"), assertInstanceOf(AllocationInput.Valid.class, AllocationJson.read(input)).noticeStart());
        input.put("noticeStart", "2024-09-31");
        assertEquals("noticeStart", invalid(input).errors().get(0).field());
    }

    @Test
    void aNoticePeriodIsWrittenAsTheContractSays() {
        NoticePeriod period = new NoticePeriod(LocalDate.parse("2024-09-11"), LocalDate.parse("2024-09-18"),
                List.of(LocalDate.parse("2024-09-11"), LocalDate.parse("2024-09-18")));
        assertEquals("{\"start\":\"2024-09-11\",\"end\":\"2024-09-18\",\"workingDays\":[\"2024-09-11\",\"2024-09-18\"]}",
                Printed.noticePeriod(period).toString());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

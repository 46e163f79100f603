package org.carrierrules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * {@code review} on the shipped sample of Luohu carriers. The expected outcome of each carrier is
 * worked out by hand from notice 五 and the contract (as of 2024-12-31 the complete years are those
 * up to 2023), and written next to the reason.
 */
class SupervisionCommandTest {
    private static final String SAMPLE = "data/carriers-2024.json";

    /** carrierId → outcome and grounds, in the file's order. */
    private static final Map<String, String> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("SZ-2020-017", "REVOKE LOST_CONTACT");                // the contract's example; 2023 active
        EXPECTED.put("SZ-2020-021", "REVOKE NO_TRAINING_THREE_YEARS");     // 2021–2023 idle, 2024 active again
        EXPECTED.put("SZ-2021-005", "KEEP");                               // 2022, 2023 idle; 2024 not complete yet
        EXPECTED.put("SZ-2019-008", "REVOKE NO_TRAINING_THREE_YEARS");     // no record 2021–2023: zero
        EXPECTED.put("SZ-2021-012", "REVOKE OBTAINED_BY_FRAUD");
        EXPECTED.put("SZ-2022-003", "REVOKE RELOCATED_OUT");
        EXPECTED.put("SZ-2022-009", "REVOKE TRAINING_DISCONTINUED");
        EXPECTED.put("SZ-2023-002", "RECTIFY DUTIES_NOT_FULFILLED");
        EXPECTED.put("SZ-2021-017", "REVOKE LOST_CONTACT DUTIES_NOT_FULFILLED"); // REVOKE over RECTIFY
        EXPECTED.put("SZ-2023-006", "KEEP");                               // relocation found 2025-02-15: later
        EXPECTED.put("SZ-2020-030", "KEEP");
        EXPECTED.put("SZ-2022-011", "RECTIFY DUTIES_NOT_FULFILLED");       // found twice: one ground
        EXPECTED.put("SZ-2021-001", "KEEP");                               // 2021 idle but the year of recognition
    }

    private static Map<String, String> outcomes(String json) throws Exception {
        Map<String, String> outcomes = new LinkedHashMap<>();
        for (JsonNode entry : new ObjectMapper().readTree(json)) {
            List<String> parts = new ArrayList<>(List.of(entry.path("outcome").asText()));
            entry.path("grounds").forEach(g -> parts.add(g.path("code").asText()));
            outcomes.put(entry.path("carrierId").asText(), String.join(" ", parts));
        }
        return outcomes;
    }

    @Test
    void reviewsTheSampleAsOfTheEndOf2024() throws Exception {
        Run run = Run.of("review", "--as-of", "2024-12-31", SAMPLE);

        assertEquals(0, run.exitCode(), run.err());
        Map<String, String> outcomes = outcomes(run.out());
        assertEquals(EXPECTED, outcomes);
        Set<String> seen = new TreeSet<>();
        outcomes.values().forEach(v -> seen.addAll(List.of(v.split(" "))));
        assertEquals(new TreeSet<>(List.of("REVOKE", "RECTIFY", "KEEP", "OBTAINED_BY_FRAUD", "LOST_CONTACT", "RELOCATED_OUT",
                "TRAINING_DISCONTINUED", "NO_TRAINING_THREE_YEARS", "DUTIES_NOT_FULFILLED")), seen);
        JsonNode first = new ObjectMapper().readTree(run.out()).get(0);
        assertEquals("五", first.path("grounds").get(0).path("clause").asText());
        assertEquals("2024-12-31", first.path("asOf").asText());
    }

    /** One day later 2024 is complete: 2022–2024 idle. */
    /** 跟踪管理 has one name, {@code supervise}; {@code review}, the contract's first name for it, stays an alias. */
    @Test
    void superviseAndReviewAreOneCommand() {
        Run supervise = Run.of("supervise", "--as-of", "2024-12-31", SAMPLE);
        Run review = Run.of("review", "--as-of", "2024-12-31", SAMPLE);

        assertEquals(0, supervise.exitCode(), supervise.err());
        assertTrue(supervise.out().contains("\"outcome\" : \"REVOKE\""), supervise.out());
        assertEquals(supervise.out(), review.out());
        assertTrue(Run.of("--help").out().contains("supervise, review"));
    }

    @Test
    void theYearEndCaseIsRevokedOnTheFirstDayOf2025() throws Exception {
        Run run = Run.of("review", "--as-of", "2025-01-01", SAMPLE);

        assertEquals("REVOKE NO_TRAINING_THREE_YEARS", outcomes(run.out()).get("SZ-2021-005"));
    }

    @Test
    void textGivesRectificationNoticesAndRevocationReports() {
        Run run = Run.of("review", "--as-of", "2024-12-31", "--format", "text", SAMPLE);

        assertEquals(0, run.exitCode(), run.err());
        String text = run.out();
        assertEquals(2, text.split("──────── 通知改正 ────────", -1).length - 1, text);
        assertTrue(text.contains("深圳市罗湖区南湖粤菜烹饪技能大师工作室（载体编号 SZ-2023-002）："), text);
        assertTrue(text.contains("《深圳市罗湖区人力资源局关于开展2024年度终身职业技能培训载体认定工作的通知》第五部分"), text);
        assertTrue(text.contains("报请市人力资源保障部门"), text);
        assertTrue(text.contains("2021年至2023年连续3年"), text);
        assertEquals(7, text.split("结论：取消认定（建议，报请市人力资源保障部门决定）", -1).length - 1, text);
    }

    @Test
    void badRecordsAreReportedAndTheRestReviewed() throws Exception {
        Run run = Run.of("review", "--as-of", "2024-12-31", "data/invalid-carriers-2024.json");

        assertEquals(CarrierRulesCommand.RECORDS_INVALID, run.exitCode());
        JsonNode entries = new ObjectMapper().readTree(run.out());
        assertEquals("events[0].type", entries.get(0).path("error").path("field").asText());
        assertEquals("trainingActivity.2023", entries.get(1).path("error").path("field").asText());
        assertEquals("KEEP", entries.get(2).path("outcome").asText());
    }

    @Test
    void aDateThatIsNotADateIsAUsageError() {
        Run run = Run.of("review", "--as-of", "2024-12-32", SAMPLE);

        assertEquals(2, run.exitCode(), "picocli's exit code for a usage error");
        assertTrue(run.err().contains("--as-of"), run.err());
    }
}

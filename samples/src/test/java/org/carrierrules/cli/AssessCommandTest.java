package org.carrierrules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code assess} command on the shipped sample data, as a newcomer runs it. */
class AssessCommandTest {
    private static final String SAMPLE = "data/luohu-2024/applications.json";
    private static final String INVALID = "data/luohu-2024/invalid-applications.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every finding code of the contract that the 2024 round can produce (all types are open in it). */
    private static final Set<String> CODES_OF_2024 = new TreeSet<>(List.of(
            "APPLICANT_TYPE_NOT_ELIGIBLE", "NO_TRAINING_FUNCTION", "NOT_LEGALLY_ESTABLISHED",
            "NOT_REGISTERED_IN_DISTRICT", "SUBMITTED_OUTSIDE_WINDOW",
            "MATERIAL_MISSING", "MATERIAL_NOT_PDF", "MATERIAL_NOT_SEALED", "MATERIAL_ILLEGIBLE",
            "MATERIAL_PAGES_MISSING", "MATERIAL_SKEWED", "MATERIAL_MISNAMED",
            "PAPER_COPY_MISSING", "PAPER_COPIES_INSUFFICIENT", "PAPER_NOT_A4", "PAPER_NOT_BOUND",
            "PAPER_NO_TABLE_OF_CONTENTS", "PAPER_NO_PAGE_NUMBERS",
            "ELECTRONIC_COPY_MISSING", "ELECTRONIC_NO_WORD", "ELECTRONIC_NO_PDF", "ELECTRONIC_PDF_NOT_SINGLE_FILE",
            "ELECTRONIC_MISNAMED", "ELECTRONIC_ORDER_MISMATCH"));

    @Test
    void theSampleRunShowsEveryCodeAndEveryOutcomeOneEntryPerRecordInOrder() throws Exception {
        Run run = Run.of("assess", SAMPLE);

        assertEquals(0, run.exitCode(), run.err());
        JsonNode input = JSON.readTree(Path.of(SAMPLE).toFile());
        JsonNode output = JSON.readTree(run.out());
        assertEquals(input.size(), output.size());
        assertTrue(input.size() >= 15);
        Set<String> codes = new TreeSet<>();
        Set<String> outcomes = new TreeSet<>();
        for (int i = 0; i < input.size(); i++) {
            assertEquals(input.get(i).path("id").asText(), output.get(i).path("applicationId").asText());
            output.get(i).path("findings").forEach(f -> codes.add(f.path("code").asText()));
            outcomes.add(output.get(i).path("acceptance").asText());
            assertEquals("luohu-2024", output.get(i).path("policy").path("round").asText());
        }
        assertTrue(codes.containsAll(CODES_OF_2024), () -> "missing: " + difference(CODES_OF_2024, codes));
        assertEquals(Set.of("ACCEPTED", "SUPPLEMENT_REQUIRED", "NOT_ACCEPTED"), outcomes);
    }

    /**
     * The one contract code the 2024 round cannot produce, since it opens all three types: the same
     * sample file under a copy of the round that closes the rural stations (quota 0) shows it, as the README
     * tells. Closing the type makes the scenarios written for an open station fail, and a policy whose own
     * scenarios fail decides nothing: each of them says it is about a round where the station is open.
     */
    @Test
    void theSampleRunUnderARoundClosingOneTypeShowsCarrierTypeNotOpen(@TempDir Path temp) throws Exception {
        Path policy = temp.resolve("policy");
        assertEquals(0, Run.of("init", policy.toString()).exitCode());
        Path round = policy.resolve("round.yaml");
        String text = Files.readString(round, StandardCharsets.UTF_8);
        Files.writeString(round, text.replace("RURAL_REVITALIZATION_STATION: 1", "RURAL_REVITALIZATION_STATION: 0"),
                StandardCharsets.UTF_8);
        Run refused = Run.of("assess", "--policy", policy.toString(), SAMPLE);
        assertEquals(4, refused.exitCode(), refused.err());
        assertTrue(refused.err().contains("政策的场景测试未全部通过，未投入使用"), refused.err());
        for (String file : List.of("scenarios/eligibility.yaml", "scenarios/materials.yaml")) {
            Path scenarios = policy.resolve(file);
            Files.writeString(scenarios, openStationInScenarios(Files.readString(scenarios, StandardCharsets.UTF_8)),
                    StandardCharsets.UTF_8);
        }
        assertEquals(0, Run.of("test", policy.toString()).exitCode());

        Run run = Run.of("assess", "--policy", policy.toString(), SAMPLE);

        assertEquals(0, run.exitCode(), run.err());
        JsonNode output = JSON.readTree(run.out());
        List<String> closed = new ArrayList<>();
        output.forEach(entry -> entry.path("findings").forEach(f -> {
            if (f.path("code").asText().equals("CARRIER_TYPE_NOT_OPEN")) {
                closed.add(entry.path("applicationId").asText() + "/" + entry.path("carrierType").asText());
            }
        }));
        assertTrue(!closed.isEmpty() && closed.stream().allMatch(c -> c.endsWith("/RURAL_REVITALIZATION_STATION")), closed::toString);
    }

    /** Gives each scenario built on the rural station that does not set the round itself a round where the station is open. */
    private static String openStationInScenarios(String yaml) {
        StringBuilder edited = new StringBuilder();
        boolean roundGiven = false;
        for (String line : yaml.split("\n", -1)) {
            if (line.startsWith("  - name:")) {
                roundGiven = false;
            }
            roundGiven |= line.startsWith("    round:");
            edited.append(line).append('\n');
            if (line.equals("    application: 合格的乡村振兴技能工作站申报") && !roundGiven) {
                edited.append("    round: {carrierTypes.quotas.RURAL_REVITALIZATION_STATION: 1}\n");
            }
        }
        return edited.substring(0, edited.length() - 1);
    }

    @Test
    void textGivesTheSupplementNoticeWithEachDefect() {
        Run run = Run.of("assess", "--format", "text", SAMPLE);

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("补正材料通知"));
        // LH2024-004: the application form unsealed and the studio plan skewed, nothing else.
        String notice = run.out().substring(run.out().indexOf("LH2024-004"), run.out().indexOf("[5]"));
        assertTrue(notice.contains("请按以下2项意见补正材料"), notice);
        assertTrue(notice.contains("1. 申报表扫描件未加盖公章（依据：四(二)）"), notice);
        assertTrue(notice.contains("2. 工作室建设方案扫描件歪斜（依据：四(二)）"), notice);
        assertTrue(run.out().contains("──────── 不予受理告知 ────────"), run.out());
        assertTrue(run.out().contains("示例数据"), "the illustrative material list is said to be so");
    }

    @Test
    void invalidRecordsAreErrorEntriesInPlaceAndTheExitCodeSaysSo() throws Exception {
        Run run = Run.of("assess", INVALID);

        assertEquals(3, run.exitCode(), run.err());
        JsonNode output = JSON.readTree(run.out());
        List<String> fields = new ArrayList<>();
        output.forEach(entry -> fields.add(entry.path("error").path("field").asText("")));
        assertEquals(List.of("applicant.creditCode", "applicant.type", "submittedAt", ""), fields);
        assertEquals("ACCEPTED", output.get(3).path("acceptance").asText());
    }

    @Test
    void anUnparseableFileExitsWithFileLineAndColumn(@TempDir Path temp) throws Exception {
        Path broken = temp.resolve("broken.json");
        Files.writeString(broken, "[\n  {\"id\": \"LH2024-001\"\n  \"carrierType\": 1}\n]", StandardCharsets.UTF_8);

        Run run = Run.of("assess", broken.toString());

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains(broken + " 第3行第"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void aMissingFileExitsWithItsName(@TempDir Path temp) {
        Run run = Run.of("assess", temp.resolve("nowhere.json").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("nowhere.json"), run.err());
    }

    @Test
    void aBrokenPolicyDirectoryExitsWithEveryProblem(@TempDir Path temp) throws Exception {
        Files.writeString(temp.resolve("round.yaml"), "round: x\n", StandardCharsets.UTF_8);

        Run run = Run.of("assess", "--policy", temp.toString(), SAMPLE);

        assertEquals(4, run.exitCode());
        assertTrue(run.err().contains("materials.yaml：缺少此文件"), run.err());
        assertTrue(run.err().contains("round.yaml 第1行：缺少 window"), run.err());
    }

    private static Set<String> difference(Set<String> all, Set<String> some) {
        Set<String> rest = new TreeSet<>(all);
        rest.removeAll(some);
        return rest;
    }

    /**
     * Records are assessed while the file is read, but nothing is printed before all of it has been: a file that
     * breaks after many blocks of good records prints no decision, only what is wrong with the file.
     */
    @Test
    void aFileBrokenAfterManyRecordsPrintsNoDecision(@TempDir Path dir) throws Exception {
        JsonNode sample = JSON.readTree(Path.of(SAMPLE).toFile());
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 10_000; i++) {
            json.append(i == 0 ? "" : ",\n").append(JSON.writeValueAsString(((com.fasterxml.jackson.databind.node.ObjectNode)
                    sample.get(i % sample.size()).deepCopy()).put("id", "LH-" + i)));
        }
        Path file = dir.resolve("broken.json");
        Files.writeString(file, json.append(",\n{\"id\": ]").toString(), StandardCharsets.UTF_8);

        Run run = Run.of("assess", "--max-records", "20000", file.toString());

        assertEquals(CarrierRulesCommand.UNREADABLE, run.exitCode(), run.err());
        assertEquals("", run.out());
        assertTrue(run.err().contains("broken.json 第10001行"), run.err());
    }
}

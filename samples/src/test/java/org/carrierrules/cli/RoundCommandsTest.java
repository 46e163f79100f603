package org.carrierrules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run}, {@code allocate} and {@code notice-period} on the shipped sample round. The expected
 * scores are worked by hand from samples/data/luohu-2024/reviews.json (five experts each, highest and
 * lowest dropped), e.g. LH2024-001: 86, 88, 90, 88, 95 → (88 + 90 + 88) / 3 = 88.67.
 */
class RoundCommandsTest {
    private static final String ROUND = "data/luohu-2024";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void runWritesTheResultAndTheReport(@TempDir Path out) throws Exception {
        Run run = Run.of("run", ROUND, "--out", out.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("27 份申报，候选 4 家，空缺 2 家；公示 2024-08-26 至 2024-08-30"), run.out());
        String report = Files.readString(out.resolve("round-report.md"), StandardCharsets.UTF_8);
        List<String> lines = report.lines().toList();
        // 高技能人才培训基地, 3 places: 001 88.67; 019 85.00 removed by an upheld objection; 002 and 020 both
        // 80.00, 002 submitted 08-14 before 020 on 08-21, so 002 is third and 020 fourth; one place vacant.
        assertTrue(lines.contains("### 高技能人才培训基地（名额3家，候选2家，空缺1家）"), report);
        assertTrue(report.contains("| 1 | LH2024-001 | 深圳市罗湖区鹏程职业培训学校 | 88.67 |"), report);
        assertTrue(report.contains("| 3 | LH2024-002 | 深圳市翠竹精密制造（集团）有限公司 | 80.00 |"), report);
        assertTrue(report.contains("与LH2024-020评审得分相同（80.00分），因提交时间较早排在其前，列入候选名单（四(四)）"), report);
        assertTrue(report.contains("| 高技能人才培训基地 | 2 | LH2024-019 | 深圳市罗湖区湖贝数字技能培训学校 | 85.00 |"), report);
        assertTrue(report.contains("| 高技能人才培训基地 | 4 | LH2024-020 | 深圳市春风智能装备有限公司 | 80.00 |"), report);
        // 技能大师工作室, 2 places: 003 (89, 90, 92, 91, 96 → 91.00) and 024 (76.5, 78, 79 kept → 77.83).
        assertTrue(lines.contains("### 技能大师工作室（名额2家，候选2家）"), report);
        assertTrue(report.contains("| 2 | LH2024-024 | 深圳市水贝珠宝首饰设计有限公司 | 77.83 |"), report);
        // 乡村振兴技能工作站: 023 scored 59.00, below 60; 027 failed the site visit; the place stays vacant.
        assertTrue(lines.contains("### 乡村振兴技能工作站（名额1家，候选0家，空缺1家）"), report);
        assertTrue(report.contains("专家评审得分59.00分，未达到合格分60分，不参加排名（四(四)）"), report);
        assertTrue(report.contains("| 乡村振兴技能工作站 | LH2024-027 | 深圳市罗湖区农业技术推广协会 | 71.00 | 实地考察未通过，不参加排名（四(四)） |"), report);
        assertTrue(lines.contains("合计：总名额不超过6家，候选4家，空缺2家。各类名额只在本类使用，空缺名额不调剂给其他类型（三）；"
                + "候选单位异议成立被取消的，名额空缺，不递补（本轮设定）。"), report);
        // Window closes Sunday 2024-08-25; 公示 from Monday 08-26, five working days to Friday 08-30.
        assertTrue(lines.contains("| 公示 | 2024年8月26日（星期一）起，5个工作日，至2024年8月30日（星期五）止 | 四(五) |"), report);
        assertTrue(lines.contains("公示开始日期未指定（--notice-start），取申报截止日（2024年8月25日）之后的第一个工作日2024年8月26日。"), report);

        JsonNode result = JSON.readTree(out.resolve("round-result.json").toFile());
        assertEquals(27, result.path("entries").size());
        assertEquals(27, result.path("assessments").size());
        assertEquals(1, result.path("vacancies").path("RURAL_REVITALIZATION_STATION").asInt());
        assertEquals("2024-08-30", result.path("noticePeriod").path("end").asText());
    }

    @Test
    void runWithAGivenNoticeStartSaysSo(@TempDir Path out) throws Exception {
        Run run = Run.of("run", ROUND, "--out", out.toString(), "--notice-start", "2024-09-11");

        assertEquals(0, run.exitCode(), run.err());
        String report = Files.readString(out.resolve("round-report.md"), StandardCharsets.UTF_8);
        assertTrue(report.contains("公示开始日期2024年9月11日由运行时指定（--notice-start）。"), report);
        assertTrue(report.contains("至2024年9月18日（星期三）止"), report);
        assertTrue(report.contains("9月11日、9月12日、9月13日、9月14日、9月18日"), report);
    }

    @Test
    void allocateReadsTheContractsInputAndAnswersOneEntryPerApplication(@TempDir Path temp) throws Exception {
        Path input = contractInput(temp);

        Run run = Run.of("allocate", input.toString());

        assertEquals(0, run.exitCode(), run.err());
        JsonNode output = JSON.readTree(run.out());
        assertEquals(27, output.size());
        assertEquals("LH2024-001", output.get(0).path("applicationId").asText());
        assertEquals("CANDIDATE", output.get(0).path("status").asText());
        assertTrue(run.out().contains("\"score\" : 88.67,"), run.out());
        assertEquals("REMOVED_BY_OBJECTION", output.get(18).path("status").asText());
        assertEquals("OBJECTION_UPHELD", output.get(18).path("reasons").get(0).path("code").asText());
    }

    @Test
    void allocateRefusesTheWholeRoundOnAnInputError(@TempDir Path temp) throws Exception {
        Path input = contractInput(temp);
        ObjectNode round = (ObjectNode) JSON.readTree(input.toFile());
        ((ArrayNode) round.path("objections")).addObject().put("applicationId", "LH2024-099").put("upheld", true);
        Files.writeString(input, round.toString(), StandardCharsets.UTF_8);

        Run run = Run.of("allocate", input.toString());

        assertEquals(3, run.exitCode());
        assertEquals("objections[LH2024-099]", JSON.readTree(run.out()).path("errors").get(0).path("field").asText());
        assertTrue(run.err().contains("LH2024-099"), run.err());
    }

    @Test
    void noticePeriodFromTheEleventhOfSeptemberEndsOnTheEighteenth() throws Exception {
        Run run = Run.of("notice-period", "--start", "2024-09-11");

        assertEquals(0, run.exitCode(), run.err());
        JsonNode period = JSON.readTree(run.out());
        assertEquals("2024-09-11", period.path("start").asText());
        assertEquals("2024-09-18", period.path("end").asText());
        assertEquals(List.of("2024-09-11", "2024-09-12", "2024-09-13", "2024-09-14", "2024-09-18"),
                JSON.convertValue(period.path("workingDays"), List.class));
    }

    @Test
    void noticePeriodWithDays() throws Exception {
        // Monday 2024-09-30, then 10-01..07 off, Tuesday 10-08.
        Run run = Run.of("notice-period", "--start", "2024-09-30", "--days", "2");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("2024-10-08", JSON.readTree(run.out()).path("end").asText());
    }

    @Test
    void aYearWithoutCalendarExitsNamingIt() {
        Run run = Run.of("notice-period", "--start", "2026-03-02");
        assertEquals(6, run.exitCode());
        assertTrue(run.err().contains("2026"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void zeroDaysIsAUsageError() {
        Run run = Run.of("notice-period", "--start", "2024-09-11", "--days", "0");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--days"), run.err());
    }

    /** The sample round as one contract input {@code {round, applications, reviews, objections}}. */
    private static Path contractInput(Path temp) throws Exception {
        ObjectNode round = JSON.createObjectNode().put("round", "luohu-2024");
        for (String part : List.of("applications", "reviews", "objections")) {
            round.set(part, JSON.readTree(Path.of(ROUND, part + ".json").toFile()));
        }
        Path input = temp.resolve("round.json");
        Files.writeString(input, round.toString(), StandardCharsets.UTF_8);
        return input;
    }
}

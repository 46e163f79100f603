package org.carrierrules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        // Published (公示): 001, 019 and 002; after it, 019 is removed by an upheld objection and its place stays vacant.
        assertTrue(lines.contains("### 高技能人才培训基地（名额3家，公示3家）"), report);
        assertTrue(report.contains("| 1 | LH2024-001 | 深圳市罗湖区鹏程职业培训学校 | 88.67 |"), report);
        assertTrue(report.contains("| 3 | LH2024-002 | 深圳市翠竹精密制造（集团）有限公司 | 80.00 |"), report);
        assertTrue(report.indexOf("| 2 | LH2024-019 |") < report.indexOf("## 三、公示之后"), "019 was on the published list");
        assertTrue(report.contains("与LH2024-020评审得分相同（80.00分），因提交时间较早排在其前，列入候选名单（四(四)）"), report);
        assertTrue(report.contains("| 高技能人才培训基地 | 2 | LH2024-019 | 深圳市罗湖区湖贝数字技能培训学校 | 85.00 |"), report);
        assertTrue(report.contains("| 高技能人才培训基地 | 4 | LH2024-020 | 深圳市春风智能装备有限公司 | 80.00 |"), report);
        // 技能大师工作室, 2 places: 003 (89, 90, 92, 91, 96 → 91.00) and 024 (76.5, 78, 79 kept → 77.83).
        assertTrue(lines.contains("### 技能大师工作室（名额2家，公示2家）"), report);
        assertTrue(report.contains("| 2 | LH2024-024 | 深圳市水贝珠宝首饰设计有限公司 | 77.83 |"), report);
        // 乡村振兴技能工作站: 023 scored 59.00, below 60; 027 failed the site visit; the place stays vacant.
        assertTrue(lines.contains("### 乡村振兴技能工作站（名额1家，公示0家）"), report);
        assertTrue(lines.contains("- 乡村振兴技能工作站：空缺1家（名额1家）"), report);
        assertTrue(report.contains("专家评审得分59.00分，未达到合格分60分，不参加排名（四(四)）"), report);
        assertTrue(report.contains("| 乡村振兴技能工作站 | LH2024-027 | 深圳市罗湖区农业技术推广协会 | 71.00 | 实地考察未通过，不参加排名（四(四)） |"), report);
        assertTrue(lines.contains("合计：总名额不超过6家，公示5家，最终候选4家，空缺2家。各类名额只在本类使用，空缺名额不调剂给其他类型（三）；"
                + "候选单位异议成立被取消的，名额空缺，不递补（本轮设定）。"), report);
        // Window closes Sunday 2024-08-25; 公示 from Monday 08-26, five working days to Friday 08-30.
        assertTrue(lines.contains("| 公示 | 2024年8月26日（星期一）起，5个工作日，至2024年8月30日（星期五）止 | 四(五) |"), report);
        assertTrue(lines.contains("公示开始日期未指定，取申报截止日（2024年8月25日）之后的第一个工作日；实际公示日期请在评审完成后确定。"), report);
        assertFalse(report.contains("--notice-start") || report.contains("sha256"), "no option name, no fingerprint in the report's text");

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
        assertTrue(report.contains("公示开始日期（2024年9月11日（星期三））由办理人员指定。"), report);
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

    @Test
    void runRefusesAnotherRoundsInputAsAllocateDoes(@TempDir Path temp) throws Exception {
        Path folder = roundFolder(temp, "luohu-2025");
        Path out = temp.resolve("out");

        Run run = Run.of("run", folder.toString(), "--out", out.toString());

        assertEquals(3, run.exitCode(), run.err());
        String refusal = "round：输入属于轮次“luohu-2025”，而加载的政策是“luohu-2024”：请使用该轮次的政策目录，或核对 round 的值";
        assertTrue(run.err().contains(refusal), run.err());
        assertEquals("round", JSON.readTree(run.out()).path("errors").get(0).path("field").asText());
        assertFalse(Files.exists(out.resolve(RunCommand.RESULT)));
        // allocate tells the same input of the same round in the same words.
        ObjectNode input = (ObjectNode) JSON.readTree(contractInput(temp).toFile());
        Files.writeString(temp.resolve("round.json"), input.put("round", "luohu-2025").toString(), StandardCharsets.UTF_8);
        Run allocate = Run.of("allocate", temp.resolve("round.json").toString());
        assertEquals(3, allocate.exitCode(), allocate.err());
        assertEquals(allocate.err(), run.err());
    }

    @Test
    void aRoundFolderWithoutItsRoundIsRefusedNamingTheFile(@TempDir Path temp) throws Exception {
        Path folder = roundFolder(temp, "luohu-2024");
        Files.delete(folder.resolve(RunCommand.ROUND));

        Run run = Run.of("run", folder.toString(), "--out", temp.resolve("out").toString());

        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("缺少 " + folder.resolve(RunCommand.ROUND)), run.err());
    }

    @Test
    void runUnderAnotherRoundsPolicySkipsTheWhatIfAndSaysSo(@TempDir Path temp) throws Exception {
        Path policy = policyOfRound(temp.resolve("policy"), "luohu-2025");
        Path out = temp.resolve("out");

        Run run = Run.of("run", roundFolder(temp, "luohu-2025").toString(), "--policy", policy.toString(), "--out", out.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("未作假设分析：--policy 属于轮次“luohu-2025”，内置政策属于“luohu-2024”，不同轮次无法比较；"
                + "要比较，请用 --baseline 指定同一轮次的另一套政策目录。"), run.out());
        assertEquals("", run.err());
        assertTrue(Files.exists(out.resolve(RunCommand.RESULT)));
        assertFalse(Files.exists(out.resolve(RunCommand.WHAT_IF)));
    }

    @Test
    void aBaselineOfAnotherRoundIsAUsageErrorBeforeAnythingIsWritten(@TempDir Path temp) throws Exception {
        Path policy = policyOfRound(temp.resolve("policy"), "luohu-2025");
        Path baseline = temp.resolve("baseline");
        assertEquals(0, Run.of("init", baseline.toString()).exitCode());
        Path out = temp.resolve("out");

        Run run = Run.of("run", roundFolder(temp, "luohu-2025").toString(), "--policy", policy.toString(),
                "--baseline", baseline.toString(), "--out", out.toString());

        assertEquals(2, run.exitCode(), run.err());
        assertEquals("--baseline " + baseline + " 属于轮次“luohu-2024”，而 --policy " + policy + " 属于轮次“luohu-2025”："
                + "假设分析只比较同一轮次的两套政策，请用 --baseline 指定轮次“luohu-2025”的政策目录，或用 --no-what-if 不作假设分析。\n",
                run.err().replace("\r\n", "\n"));
        assertFalse(Files.exists(out));
    }

    @Test
    void aBaselineWithoutAPolicyIsAUsageError(@TempDir Path temp) throws Exception {
        Path baseline = temp.resolve("baseline");
        assertEquals(0, Run.of("init", baseline.toString()).exitCode());
        Path out = temp.resolve("out");

        Run run = Run.of("run", ROUND, "--baseline", baseline.toString(), "--out", out.toString());

        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("--baseline 须与 --policy 同用"), run.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void aBaselineOfTheSameRoundIsCompared(@TempDir Path temp) throws Exception {
        Path policy = policyOfRound(temp.resolve("policy"), "luohu-2025");
        Path baseline = policyOfRound(temp.resolve("baseline"), "luohu-2025");
        Path out = temp.resolve("out");

        Run run = Run.of("run", roundFolder(temp, "luohu-2025").toString(), "--policy", policy.toString(),
                "--baseline", baseline.toString(), "--out", out.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("与基准政策 " + baseline + "相比：0 处不同"), run.out());
        assertTrue(Files.exists(out.resolve(RunCommand.WHAT_IF)));
    }

    @Test
    void noWhatIfSkipsTheComparison(@TempDir Path temp) throws Exception {
        Path policy = temp.resolve("policy");
        assertEquals(0, Run.of("init", policy.toString()).exitCode());
        Path out = temp.resolve("out");

        Run run = Run.of("run", ROUND, "--policy", policy.toString(), "--no-what-if", "--out", out.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertFalse(run.out().contains("相比"), run.out());
        assertFalse(run.out().contains("假设分析"), run.out());
        assertTrue(Files.exists(out.resolve(RunCommand.REPORT)));
        assertFalse(Files.exists(out.resolve(RunCommand.WHAT_IF)));
    }

    @Test
    void runsHelpListsItsExitCodes() {
        Run run = Run.of("run", "--help");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("1   意外错误：说明在哪一步失败，结果可能未写全"), run.out());
        assertTrue(run.out().contains("--baseline 未与 --policy 同用、两者不是同一轮次"), run.out());
        assertTrue(run.out().contains("--no-what-if"), run.out());
    }

    /** A copy of the sample round folder whose round.json names {@code round}. */
    private static Path roundFolder(Path temp, String round) throws Exception {
        Path folder = temp.resolve("round-" + round);
        Files.createDirectories(folder);
        for (String part : List.of(RunCommand.APPLICATIONS, RunCommand.REVIEWS, RunCommand.OBJECTIONS)) {
            Files.copy(Path.of(ROUND, part), folder.resolve(part));
        }
        Files.writeString(folder.resolve(RunCommand.ROUND), JSON.createObjectNode().put("round", round).toString(), StandardCharsets.UTF_8);
        return folder;
    }

    /** The bundled policy copied by init, its round.yaml and its scenarios' round input naming {@code round}. */
    private static Path policyOfRound(Path policy, String round) throws Exception {
        assertEquals(0, Run.of("init", policy.toString()).exitCode());
        replaceOnce(policy.resolve("round.yaml"), "\nround: luohu-2024\n", "\nround: " + round + "\n");
        replaceOnce(policy.resolve("scenarios/bases.yaml"), "    round: luohu-2024\n", "    round: " + round + "\n");
        return policy;
    }

    private static void replaceOnce(Path file, String from, String to) throws Exception {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertEquals(text.indexOf(from), text.lastIndexOf(from), file::toString);
        assertTrue(text.contains(from), file::toString);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
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

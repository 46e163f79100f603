package org.carrierrules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the command line says when it is used wrongly, about itself and about files: Chinese, and why. */
class CommandLineTextTest {
    private static final String ONE = "data/one-application.json";
    private static final String ROUND = "data/luohu-2024";
    /** A word of three or more Latin letters, as picocli's own English texts have ("Usage", "Missing", "Unknown"). */
    private static final Pattern ENGLISH = Pattern.compile("\\b(Usage|Missing|Unknown|Unmatched|Invalid|Did you mean|Possible|Show|Print|Commands|Options)\\b");

    @Test
    void aMistypedOptionIsNamedWithTheNearestOne() {
        Run run = Run.of("assess", "--plicy", "x", ONE);

        assertEquals(2, run.exitCode());
        assertEquals("没有选项 --plicy\n是不是要输入：--policy？\n用法见 carrier-rules assess --help\n", run.err());
    }

    @Test
    void aMistypedCommandIsNamedWithTheNearestOne() {
        Run run = Run.of("asess", ONE);

        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("没有命令 asess\n是不是要输入：assess？\n"), run.err());
    }

    @Test
    void nothingNearIsSuggestedAsNothing() {
        Run run = Run.of("assess", "--zzzzzz", ONE);

        assertEquals(2, run.exitCode());
        assertFalse(run.err().contains("是不是"), run.err());
    }

    @Test
    void missingOptionsParametersAndValuesAreSaidInChinese() {
        Run option = Run.of("supervise", "data/carriers-2024.json");
        Run parameter = Run.of("check");
        Run value = Run.of("assess", ONE, "--policy");

        assertTrue(option.err().startsWith("缺少选项 --as-of DATE：评估日期"), option.err());
        assertTrue(parameter.err().startsWith("缺少参数 DIR：政策目录"), parameter.err());
        assertTrue(value.err().startsWith("选项 --policy 后缺少它的值 DIR"), value.err());
        for (Run run : List.of(option, parameter, value)) {
            assertEquals(2, run.exitCode());
            assertFalse(ENGLISH.matcher(run.err()).find(), run.err());
        }
    }

    @Test
    void aValueThatDoesNotConvertAndTooManyParametersAreSaidInChinese() {
        Run number = Run.of("notice-period", "--start", "2024-09-11", "--days", "x");
        Run choice = Run.of("assess", "--format", "xml", ONE);
        Run extra = Run.of("check", "a", "b");

        assertTrue(number.err().startsWith("选项 --days 的值“x”无效：“x”不是整数"), number.err());
        assertTrue(choice.err().startsWith("选项 --format 的值“xml”无效：应为 json、text、html 之一"), choice.err());
        assertTrue(extra.err().startsWith("多余的参数：b（carrier-rules check 只接受 DIR）"), extra.err());
        for (Run run : List.of(number, choice, extra)) {
            assertEquals(2, run.exitCode());
            assertFalse(ENGLISH.matcher(run.err()).find(), run.err());
        }
    }

    @Test
    void everyHelpIsChineseAndListsItsExitCodes() {
        List<String> commands = List.of("assess", "allocate", "notice-period", "run", "supervise", "verify", "init", "check", "test",
                "serve", "rules");
        for (String command : commands) {
            Run run = Run.of(command, "--help");
            assertEquals(0, run.exitCode(), command);
            assertTrue(run.out().startsWith("用法：carrier-rules " + command), run.out());
            assertTrue(run.out().contains("\n选项：\n"), run.out());
            assertTrue(run.out().contains("\n退出码：\n  0 "), run.out());
            assertTrue(run.out().contains("\n  2 "), run.out());
            assertFalse(ENGLISH.matcher(run.out()).find(), run.out());
        }
        Run top = Run.of("--help");
        assertTrue(top.out().contains("\n命令：\n"), top.out());
        assertTrue(Pattern.compile("\n  help +显示某个命令的帮助\n").matcher(top.out()).find(), top.out());
        assertFalse(ENGLISH.matcher(top.out()).find(), top.out());
    }

    @Test
    void theExitCodesListedAreTheOnesReturned() {
        assertTrue(Run.of("test", "--help").out().contains("\n  " + CarrierRulesCommand.SCENARIOS_FAILED + "   有场景测试失败"));
        assertTrue(Run.of("verify", "--help").out().contains("\n  " + VerifyCommand.SIGNATURE_FAILED + "   签名核验未通过"));
        assertTrue(Run.of("serve", "--help").out().contains("\n  " + ServeCommand.CANNOT_LISTEN + "   无法在所给地址"));
    }

    @Test
    void aMissingFileAFolderAndAnUnreadableFileSayWhy(@TempDir Path temp) throws Exception {
        Path missing = temp.resolve("nowhere.json");
        Run gone = Run.of("assess", missing.toString());
        Run folder = Run.of("supervise", "--as-of", "2024-12-31", temp.toString());

        assertEquals(2, gone.exitCode());
        assertEquals("无法读取申报文件 " + missing + "：文件不存在\n", gone.err());
        assertEquals(2, folder.exitCode());
        assertEquals("无法读取载体文件 " + temp + "：这是一个文件夹，应给出文件\n", folder.err());

        Path locked = Files.writeString(temp.resolve("locked.json"), "[]", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(locked), "root reads every file: no permission to be refused");
        Run refused = Run.of("allocate", locked.toString());
        assertEquals(2, refused.exitCode());
        assertEquals("无法读取输入文件 " + locked + "：没有读取此文件的权限\n", refused.err());
    }

    @Test
    void aRoundFolderThatIsAFileOrMissingSaysSo(@TempDir Path temp) {
        Run file = Run.of("run", ONE, "--out", temp.toString());
        Run missing = Run.of("run", temp.resolve("none").toString(), "--out", temp.toString());

        assertEquals(2, file.exitCode());
        assertTrue(file.err().endsWith("：这是一个文件，应给出文件夹\n"), file.err());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().endsWith("：文件夹不存在\n"), missing.err());
    }

    @Test
    void aBrokenPolicyIsAFailureWithExitFourNotAStackTrace(@TempDir Path temp) {
        Run run = Run.of("rules", "--policy", temp.toString());

        assertEquals(CarrierRulesCommand.POLICY_BROKEN, run.exitCode());
        assertTrue(run.err().contains("round.yaml"), run.err());
        assertFalse(run.err().contains("at org."), run.err());
        assertEquals("", run.out());
    }

    @Test
    void runNamesTheApplicationOfAnInputErrorByItsId(@TempDir Path temp) throws Exception {
        Path round = temp.resolve("round");
        Files.createDirectories(round);
        for (String name : List.of("round.json", "applications.json", "reviews.json", "objections.json")) {
            Files.copy(Path.of(ROUND, name), round.resolve(name));
        }
        ObjectMapper json = new ObjectMapper();
        ArrayNode applications = (ArrayNode) json.readTree(round.resolve("applications.json").toFile());
        String id = applications.get(1).get("id").asText();
        ((ObjectNode) applications.get(1)).put("carrierType", "NOPE");
        json.writeValue(round.resolve("applications.json").toFile(), applications);

        Run run = Run.of("run", round.toString(), "--out", temp.resolve("out").toString());

        assertEquals(CarrierRulesCommand.RECORDS_INVALID, run.exitCode());
        assertTrue(run.err().contains("  - 申报 " + id + " 的 carrierType："), run.err());
        assertFalse(run.err().contains("applications[1]"), run.err());
        // The contract's field, as a host reads it, stays as it is.
        assertTrue(run.out().contains("\"applications[1].carrierType\""), run.out());
    }

    @Test
    void rulesListsEveryRuleByFolderWithClauseFileAndLine() throws Exception {
        Run text = Run.of("rules");
        Run json = Run.of("rules", "--format", "json");

        assertEquals(0, text.exitCode());
        assertTrue(text.out().contains("：规则 49 条\n"), text.out());
        assertTrue(text.out().contains("\nrules/eligibility/（6 条）\n"), text.out());
        assertTrue(Pattern.compile("\n  rules/eligibility/eligibility\\.dslr:\\d+ +四\\(一\\)  不在申报时间内提交\n").matcher(text.out()).find(), text.out());
        String allocation = "\n评审与名额分配：本库自带的规则，引用的条款见 round.yaml（15 条）\n";
        assertTrue(text.out().indexOf("rules/eligibility/（") < text.out().indexOf(allocation), text.out());
        assertTrue(text.out().indexOf(allocation) < text.out().indexOf("\nrules/allocation/（2 条）\n"), text.out());
        assertTrue(text.out().indexOf("\nrules/allocation/（2 条）\n") < text.out().indexOf("rules/supervision/（"), text.out());

        assertEquals(0, json.exitCode());
        JsonNode listed = new ObjectMapper().readTree(json.out());
        assertEquals(Decisions.policy(org.carrierrules.CarrierRules.bundled()).get("rules"), listed);
        assertEquals(49, listed.size());
    }
}

package org.carrierrules.internal.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.carrierrules.policy.PolicyProblem;

/** The grammar: what a line may hold, how lines end, and the structure of a rule. */
class RuleFileParserTest {
    private static final String SOUND = StaffFiles.rule("材料扫描件歪斜", "{材料名称}扫描件歪斜");

    @Test
    void aSoundRuleIsReadWithTheLineOfEveryPart() {
        List<PolicyProblem> problems = new java.util.ArrayList<>();
        RuleTree tree = RuleFileParser.parse("f.dslr", ("// 注释\n" + SOUND).getBytes(StandardCharsets.UTF_8), problems);
        assertEquals(List.of(), problems);
        RuleTree.Rule rule = tree.rules().get(0);
        assertEquals(2, rule.line());
        assertEquals(3, rule.clauses().get(0).line());
        assertEquals(List.of(5, 6), rule.conditions().stream().map(RuleTree.Condition::line).toList());
        assertEquals(7, rule.conditions().get(1).constraints().get(0).line());
        assertEquals(9, rule.conclusion().line());
        assertEquals("MATERIAL_SKEWED", rule.conclusion().code());
        assertEquals("{材料名称}扫描件歪斜", rule.conclusion().message());
    }

    @Test
    void windowsLineEndsAndAByteOrderMarkAreAccepted() {
        StaffFiles.Result result = StaffFiles.check("\uFEFF" + SOUND.replace("\n", "\r\n"));
        assertEquals(List.of(), result.problems());
        assertEquals(1, result.rules().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\r", "\u2028", "\u2029", "\u0085", "\u0000", "\u001B", "\u202E", "\u200B", "\uFEFF", "\u0007"})
    void aLineWithALoneCarriageReturnOrAnInvisibleCharacterIsRefusedWithItsLine(String character) {
        StaffFiles.Result result = StaffFiles.check("// 注释\n" + SOUND.replace("- 扫描件歪斜", "- 扫描件" + character + "歪斜"));
        assertEquals(1, result.problems().size(), result.messages()::toString);
        assertEquals(7, result.problems().get(0).line(), result.messages()::toString);
        assertTrue(result.problems().get(0).message().contains("不允许"), result.messages()::toString);
    }

    @Test
    void aCarriageReturnInsideACommentIsRefusedToo() {
        StaffFiles.Result result = StaffFiles.check("// 注释\r> System.exit(0);\n" + SOUND);
        assertEquals(List.of("1:第6个字符是单独的回车符（\\r）：换行只能用 \\n 或 \\r\\n，规则文件中不允许出现"), result.messages());
    }

    @Test
    void blockCommentsHashCommentsAndRawLinesAreRefused() {
        StaffFiles.Result result = StaffFiles.check("/* 开始\n" + SOUND + "*/\n# 注释\n> import java.io.File;\n");
        assertEquals(List.of(
                "1:不支持块注释 /* … */：注释只能整行写，以 // 开头",
                "11:不支持块注释 /* … */：注释只能整行写，以 // 开头",
                "12:注释请以 // 开头：以 # 开头的注释不再支持（把 # 改为 // 即可）",
                "13:不允许以“>”开头的行：规则文件只能写注释、规则的结构和规则词汇表中的句子"), result.messages());
    }

    @Test
    void aFileThatIsNotUtf8IsNamedWithTheLine() {
        byte[] gbk = ("// 注释\n" + SOUND).getBytes(java.nio.charset.Charset.forName("GBK"));
        StaffFiles.Result result = StaffFiles.check(gbk, Stage.ASSESSMENT, CodeCatalogue.library());
        assertEquals(1, result.problems().size());
        assertTrue(result.problems().get(0).message().startsWith("文件不是 UTF-8 编码"), result.messages()::toString);
    }

    @Test
    void aVeryLongLineIsRefusedWithoutBeingRead() {
        StaffFiles.Result result = StaffFiles.check("// " + "长".repeat(RuleFileParser.MAX_LINE_LENGTH) + "\n" + SOUND);
        assertEquals(1, result.problems().size());
        assertEquals(1, result.problems().get(0).line());
        assertEquals(1, result.rules().size());
    }

    @Test
    void theStructureOfARuleIsHeldToWithEveryProblemReported() {
        String text = """
                rule "没有条款"
                when
                    申请单位未依法设立
                then
                    不予受理，代码 NOT_LEGALLY_ESTABLISHED：未依法设立
                end
                rule "两个结论"
                    @clause("二")
                    salience 10
                when
                    - 扫描件歪斜
                    申请单位未依法设立
                then
                    不予受理，代码 NOT_LEGALLY_ESTABLISHED：未依法设立
                    不予受理，代码 NOT_LEGALLY_ESTABLISHED：又一次
                end
                rule "没有写完"
                    @clause("二")
                when
                """;
        assertEquals(List.of(
                "1:规则“没有条款”须在规则名下一行注明且只注明一个依据条款，如 @clause(\"四(二)\")",
                "9:规则中不允许设置规则属性（如 salience）：规则的先后不影响结论：salience 10",
                "11:附加条件（以 - 开头）须写在它所限定的条件句之下：- 扫描件歪斜",
                "15:每条规则只能有一个结论，请把第二个结论写成另一条规则：不予受理，代码 NOT_LEGALLY_ESTABLISHED：又一次",
                "17:规则“没有写完”没有写完：每条规则须依次有 when、then 和 end"), StaffFiles.check(text).messages());
    }
}

package org.carrierrules.internal.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.carrierrules.policy.PolicyProblem;

/** A YAML file the parser gives up on, told in plain Chinese at the line of the slip, counted from 1. */
class YamlSyntaxTest {
    private static final String FILE = "round.yaml";
    private static final String FULL_WIDTH = "后面的冒号是全角“：”，请改为半角“:”（冒号后再空一格）";

    private static List<PolicyProblem> problemsOf(byte[] bytes) {
        List<PolicyProblem> problems = new ArrayList<>();
        assertNull(LocatedTree.read(FILE, bytes, problems));
        return problems;
    }

    private static List<PolicyProblem> problemsOf(String text) {
        return problemsOf(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<PolicyProblem> problem(int line, String message) {
        return List.of(new PolicyProblem(FILE, line, message));
    }

    @Test
    void aTabIsToldAtItsOwnLine() {
        // The parser's marks count from 0: the TAB on line 4 was once told as on line 3, and in English.
        String tab = "这一行有 TAB（制表符）：YAML 的缩进和分隔只能用空格，请把 TAB 换成空格";
        assertEquals(problem(4, tab), problemsOf("round: luohu-2024\npaperCopy:\n  reference: 四(二)\n\tcopies: 2\n"));
        assertEquals(problem(1, tab), problemsOf("round:\tluohu-2024\n"));
    }

    @Test
    void aFullWidthColonIsNamedAtItsLine() {
        assertEquals(problem(2, "键“title”" + FULL_WIDTH), problemsOf("round: luohu-2024\ntitle：罗湖区\nauthority: 罗湖区人力资源局\n"));
        assertEquals(problem(3, "键“copies”" + FULL_WIDTH), problemsOf("paperCopy:\n  reference: 四(二)\n  copies： 2\n  bound: true\n"));
        assertEquals(problem(2, "键“name”" + FULL_WIDTH), problemsOf("holidays:\n  - name：国庆节\n    from: 2024-10-01\n"));
    }

    @Test
    void aFullWidthColonInsideAValueIsNoSlip() {
        List<PolicyProblem> problems = new ArrayList<>();
        LocatedTree tree = LocatedTree.read(FILE, "reference: 四(二) 申报：“A4纸装订成册”\n".getBytes(StandardCharsets.UTF_8), problems);
        assertEquals(List.of(), problems);
        assertEquals("四(二) 申报：“A4纸装订成册”", tree.root().get("reference").textValue());
    }

    @Test
    void whatIsLeftOpenIsToldWhereItOpens() {
        assertEquals(problem(2, "这里的“[”没有配对的“]”，或其中各项之间少了逗号：列表写成 [甲, 乙]"),
                problemsOf("round: luohu-2024\neligible: [ENTERPRISE, INDUSTRY_ASSOCIATION\nreference: 二\n"));
        assertEquals(problem(1, "这里的“{”没有配对的“}”，或其中各项之间少了逗号：写成 {键: 值, 键: 值}"),
                problemsOf("item: {code: FACULTY, max: 20\nnext: 1\n"));
        assertEquals(problem(2, "引号没有配对：这里以引号开始的值，须以同样的引号结束"), problemsOf("round: luohu-2024\ntitle: \"罗湖区\nnotice: x\n"));
    }

    @Test
    void whatYamlReservesIsNamed() {
        assertEquals(problem(2, "“@”不能放在值的开头：以它开头的文字请用引号括起来，如 \"@…\""),
                problemsOf("round: luohu-2024\nauthority: @罗湖区人力资源局\n"));
        assertEquals(problem(1, "双引号中的“\\”后面是无法识别的转义：请改用单引号括起这个值，或把“\\”写成“\\\\”"),
                problemsOf("title: \"罗湖\\q区\"\n"));
    }

    @Test
    void anIndentationSlipIsToldAtTheLineOutOfStep() {
        assertEquals(problem(3, "缩进不一致：这一行没有与上面同一级的各行对齐，同一级的键（或以“- ”开头的列表项）须从同一列开始"),
                problemsOf("paperCopy:\n  copies: 2\n reference: 四(二)\n"));
        assertEquals(problem(2, "这里不能写“键: 值”：请检查这一行的缩进是否与同一级的键对齐；若上一行的值中含有“: ”，请给那个值加上引号"),
                problemsOf("round: luohu-2024\n  title: 罗湖区\n"));
    }

    @Test
    void aFileNotInUtf8IsToldFromTheLineWhereItStopsBeingSo() {
        byte[] gbk = "round: luohu-2024\ntitle: 罗湖区\n".getBytes(java.nio.charset.Charset.forName("GBK"));
        assertEquals(problem(2, "文件不是 UTF-8 编码（这一行起无法识别）：请用 UTF-8 编码保存此文件"), problemsOf(gbk));
    }

    @Test
    void anInvisibleControlCharacterIsNamed() {
        assertEquals(problem(2, "这一行有不可见的控制字符（U+0001）：请删去它（常见于从其他软件复制来的文字）"),
                problemsOf("round: luohu-2024\ntitle: 罗湖\u0001区\n"));
    }
}

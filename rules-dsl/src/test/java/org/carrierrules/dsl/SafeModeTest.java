package org.carrierrules.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Safe mode refuses, with the line and the reason in Chinese, everything in a staff rule file that is
 * not a comment, a rule header or a sentence of the vocabulary. Each refusal below is of something a
 * rule file could otherwise use to run code in the host, or that Drools would refuse less clearly.
 * The expected messages are the ones a policy officer reads; they are written out in full.
 */
class SafeModeTest {
    /** The stages as rules-core defines them: the globals each engine sets. */
    private static final Stage ASSESSMENT = new Stage("受理审查", Set.of("findings", "round"));
    private static final Stage REVIEW = new Stage("跟踪管理", Set.of("grounds", "supervision", "asOf"));

    /** The bundled policy's rule files, in the rules-core source tree beside this module. */
    private static final Path BUNDLED_RULES = Path.of("../rules-core/src/main/resources/org/carrierrules/policies/luohu-2024/rules");

    private static final String CODE_RULE = "代码只能由大写英文字母、数字和下划线组成，如 MATERIAL_MISSING";

    private static List<RuleFileProblem> check(Stage stage, String... lines) {
        return new SafeMode(Vocabulary.bundled(), stage).check(String.join("\n", lines) + "\n");
    }

    private static List<RuleFileProblem> check(String... lines) {
        return check(ASSESSMENT, lines);
    }

    private static List<RuleFileProblem> one(int line, String message) {
        return List.of(new RuleFileProblem(line, message));
    }

    /** A whole, valid rule whose consequence is {@code then}; the refused line replaces it in each test. */
    private static String[] ruleWithConsequence(String then) {
        return new String[] {
            "// 二、申报对象",
            "rule \"申请单位未依法设立\"",
            "    @clause(\"二\")",
            "when",
            "    申请单位未依法设立",
            "then",
            "    " + then,
            "end"};
    }

    private static String[] ruleWithCondition(String when) {
        return new String[] {
            "rule \"申请单位未依法设立\"",
            "    @clause(\"二\")",
            "when",
            "    " + when,
            "then",
            "    不予受理，代码 NOT_LEGALLY_ESTABLISHED：申请单位未依法设立",
            "end"};
    }

    private static String[] withLineBefore(String line, String[] rule) {
        return Stream.concat(Stream.of(line), Stream.of(rule)).toArray(String[]::new);
    }

    @Test
    void theValidRuleOfTheseTestsPasses() {
        assertEquals(List.of(), check(ruleWithConsequence("不予受理，代码 NOT_LEGALLY_ESTABLISHED：申请单位未依法设立")));
        assertEquals(List.of(), check(ruleWithCondition("申请单位未依法设立")));
    }

    // ---- Java and DRL that would run code in the host -------------------------------------------

    @Test
    void anImport() {
        assertEquals(one(1, "规则文件中不允许 import、package 或 global：导入与全局变量由系统统一提供：import java.io.File;"),
                check(withLineBefore("import java.io.File;", ruleWithCondition("申请单位未依法设立"))));
    }

    @Test
    void aPackageAndAGlobal() {
        assertEquals(List.of(
                        new RuleFileProblem(1, "规则文件中不允许 import、package 或 global：导入与全局变量由系统统一提供：package rules.eligibility;"),
                        new RuleFileProblem(2, "规则文件中不允许 import、package 或 global：导入与全局变量由系统统一提供：global java.lang.Runtime runtime;")),
                check(Stream.concat(Stream.of("package rules.eligibility;", "global java.lang.Runtime runtime;"),
                        Stream.of(ruleWithCondition("申请单位未依法设立"))).toArray(String[]::new)));
    }

    @Test
    void systemExit() {
        assertEquals(one(7, "规则中不允许调用系统功能（System、Runtime、exit 等）：System.exit(0);"),
                check(ruleWithConsequence("System.exit(0);")));
    }

    @Test
    void theRuntime() {
        assertEquals(one(7, "规则中不允许调用系统功能（System、Runtime、exit 等）：Runtime.getRuntime().exec(\"rm -rf /\");"),
                check(ruleWithConsequence("Runtime.getRuntime().exec(\"rm -rf /\");")));
    }

    @Test
    void fileAccessThroughJavaIo() {
        assertEquals(one(7, "规则中不允许读写文件或访问网络：new java.io.File(\"/etc/passwd\").delete();"),
                check(ruleWithConsequence("new java.io.File(\"/etc/passwd\").delete();")));
    }

    @Test
    void fileAccessThroughFiles() {
        assertEquals(one(7, "规则中不允许读写文件或访问网络：Files.readString(Path.of(\"/etc/passwd\"));"),
                check(ruleWithConsequence("Files.readString(Path.of(\"/etc/passwd\"));")));
    }

    @Test
    void networkThroughAUrl() {
        assertEquals(one(7, "规则中不允许读写文件或访问网络：new java.net.URL(\"http://example.com/\").openStream();"),
                check(ruleWithConsequence("new java.net.URL(\"http://example.com/\").openStream();")));
    }

    @Test
    void networkThroughASocket() {
        assertEquals(one(7, "规则中不允许读写文件或访问网络：new Socket(\"example.com\", 80);"),
                check(ruleWithConsequence("new Socket(\"example.com\", 80);")));
    }

    @Test
    void reflectionThroughClassForName() {
        assertEquals(one(7, "规则中不允许使用反射：Class.forName(\"org.carrierrules.internal.Round\");"),
                check(ruleWithConsequence("Class.forName(\"org.carrierrules.internal.Round\");")));
    }

    @Test
    void reflectionThroughGetDeclaredMethod() {
        assertEquals(one(7, "规则中不允许使用反射：Round.class.getDeclaredMethod(\"title\").invoke(round);"),
                check(ruleWithConsequence("Round.class.getDeclaredMethod(\"title\").invoke(round);")));
    }

    @Test
    void eval() {
        assertEquals(one(4, "规则中不允许使用 eval：eval( round.title() != null )"),
                check(ruleWithCondition("eval( round.title() != null )")));
    }

    @Test
    void aFunctionDefinition() {
        assertEquals(one(1, "规则文件中不允许定义函数（function）：function void stop() { System.exit(0); }"),
                check(withLineBefore("function void stop() { System.exit(0); }", ruleWithCondition("申请单位未依法设立"))));
    }

    @Test
    void insertingAFact() {
        assertEquals(one(7, "规则中不允许直接增删改事实：insert( new Applicant() );"),
                check(ruleWithConsequence("insert( new Applicant() );")));
    }

    @Test
    void modifyingAFact() {
        assertEquals(one(7, "规则中不允许直接增删改事实：modify( $a ) { setName( \"x\" ) }"),
                check(ruleWithConsequence("modify( $a ) { setName( \"x\" ) }")));
    }

    @Test
    void creatingAnObject() {
        assertEquals(one(7, "规则中不允许创建 Java 对象（new）：java.util.List list = new java.util.ArrayList();"),
                check(ruleWithConsequence("java.util.List list = new java.util.ArrayList();")));
    }

    @Test
    void aRawDrlPatternIsNotASentence() {
        assertEquals(one(4, "这句话不在规则词汇表中：“Applicant( type == ApplicantType.OTHER )”"),
                check(ruleWithCondition("Applicant( type == ApplicantType.OTHER )")));
    }

    @Test
    void aRawDrlBindingIsCode() {
        assertEquals(one(4, "这是 DRL/Java 代码，不是规则词汇表中的句子：$a : Applicant()"),
                check(ruleWithCondition("$a : Applicant()")));
    }

    @Test
    void aRuleAttribute() {
        assertEquals(one(3, "规则中不允许设置规则属性（如 salience）：规则的先后不影响结论：salience 10"),
                check("rule \"申请单位未依法设立\"",
                        "    @clause(\"二\")",
                        "    salience 10",
                        "when",
                        "    申请单位未依法设立",
                        "then",
                        "    不予受理，代码 NOT_LEGALLY_ESTABLISHED：申请单位未依法设立",
                        "end"));
    }

    // ---- the two values a consequence takes: its code and its message ---------------------------

    @Test
    void aMessageThatTriesToCloseItsStringAndRunCode() {
        // The message is put between ASCII double quotes in the generated DRL: a quote would end it.
        assertEquals(one(7, "说明文字中不能有英文双引号 \" 或反斜杠 \\，请改用中文引号“”"),
                check(ruleWithConsequence("不予受理，代码 NOT_LEGALLY_ESTABLISHED：未依法设立\"); System.exit(0); (\"")));
    }

    @Test
    void aMessageWithABackslash() {
        assertEquals(one(7, "说明文字中不能有英文双引号 \" 或反斜杠 \\，请改用中文引号“”"),
                check(ruleWithConsequence("不予受理，代码 NOT_LEGALLY_ESTABLISHED：未依法设立\\u0022")));
    }

    @Test
    void chineseQuotesInAMessageAreFine() {
        assertEquals(List.of(), check(ruleWithConsequence("不予受理，代码 NOT_LEGALLY_ESTABLISHED：申请单位“未依法设立”")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not_legally_established", "Not_Legally_Established", "NOT-LEGALLY-ESTABLISHED",
        "1_NOT_ESTABLISHED", "_NOT_ESTABLISHED", "未依法设立"})
    void aMalformedCode(String code) {
        assertEquals(one(7, "代码“" + code + "”不合规范：" + CODE_RULE),
                check(ruleWithConsequence("不予受理，代码 " + code + "：申请单位未依法设立")));
    }

    @Test
    void anUnknownSlot() {
        assertEquals(one(7, "说明中的占位“{不存在}”不存在；可用的占位有：申请单位类型、登记地、本区、本轮、载体类型、提交时间、"
                        + "申报时间、材料名称、材料代码、文件名、实交份数、应交份数、纸张、PDF份数、申报单位名称、发现日期、载体职责、"
                        + "未培训年份、连续年数"),
                check(ruleWithConsequence("不予受理，代码 NOT_LEGALLY_ESTABLISHED：{不存在}未依法设立")));
    }

    @Test
    void aSlotWhoseValueTheConditionsDoNotBind() {
        // 申请单位未依法设立 binds nothing; {登记地} needs 申请单位不在本区登记.
        assertEquals(one(7, "说明中的占位“{登记地}”在本规则的条件中没有出现，无法填写；请在 when 下使用提供此信息的条件句"),
                check(ruleWithConsequence("不予受理，代码 NOT_LEGALLY_ESTABLISHED：登记在{登记地}的单位未依法设立")));
    }

    @Test
    void aSlotWhoseArgumentTheConditionsDoNotBind() {
        // {载体职责} is supervision.duties($carrierType): the rule must bind $carrierType.
        assertEquals(one(6, "说明中的占位“{载体职责}”在本规则的条件中没有出现，无法填写；请在 when 下使用提供此信息的条件句"),
                check(REVIEW, "rule \"载体失联\"",
                        "    @clause(\"五\")",
                        "when",
                        "    发现载体失联",
                        "then",
                        "    通知改正，代码 LOST_CONTACT：载体失联，不能履行{载体职责}",
                        "end"));
    }

    @Test
    void slotsBoundByTheConditionsOrTakenFromTheRoundAreFine() {
        assertEquals(List.of(), check("rule \"申请单位不在本区登记\"",
                "    @clause(\"二\")",
                "when",
                "    申请单位不在本区登记",
                "then",
                "    不予受理，代码 NOT_REGISTERED_IN_DISTRICT：申请单位登记在“{登记地}”，不是{本区}的单位（{本轮}）",
                "end"));
    }

    // ---- sentences and slots of the other stage, which its sessions could not run -------------

    @Test
    void aConsequenceOfTheOtherStage() {
        assertEquals(one(7, "这句话属于另一环节，不能用在受理审查的规则中：“通知改正，代码 NOT_LEGALLY_ESTABLISHED：申请单位未依法设立”"),
                check(ruleWithConsequence("通知改正，代码 NOT_LEGALLY_ESTABLISHED：申请单位未依法设立")));
    }

    @Test
    void aConditionOfTheOtherStage() {
        assertEquals(one(4, "这句话属于另一环节，不能用在跟踪管理的规则中：“申请单位类型不在本轮申报对象之内”"),
                check(REVIEW, "rule \"申请单位类型不在本轮申报对象之内\"",
                        "    @clause(\"二\")",
                        "when",
                        "    申请单位类型不在本轮申报对象之内",
                        "then",
                        "    通知改正，代码 APPLICANT_TYPE_NOT_ELIGIBLE：申请单位类型不符",
                        "end"));
    }

    @Test
    void aSlotOfTheOtherStage() {
        assertEquals(one(7, "说明中的占位“{连续年数}”属于另一环节，不能用在受理审查的规则中"),
                check(ruleWithConsequence("不予受理，代码 NOT_LEGALLY_ESTABLISHED：申请单位未依法设立{连续年数}年")));
    }

    // ---- the shape of a rule --------------------------------------------------------------------

    @Test
    void aRuleWithoutClause() {
        assertEquals(one(1, "规则“申请单位未依法设立”须在规则名下一行注明且只注明一个依据条款，如 @clause(\"四(二)\")"),
                check("rule \"申请单位未依法设立\"",
                        "when",
                        "    申请单位未依法设立",
                        "then",
                        "    不予受理，代码 NOT_LEGALLY_ESTABLISHED：申请单位未依法设立",
                        "end"));
    }

    @Test
    void aRuleWithTwoClauses() {
        assertEquals(one(1, "规则“申请单位未依法设立”须在规则名下一行注明且只注明一个依据条款，如 @clause(\"四(二)\")"),
                check("rule \"申请单位未依法设立\"",
                        "    @clause(\"二\")",
                        "    @clause(\"三\")",
                        "when",
                        "    申请单位未依法设立",
                        "then",
                        "    不予受理，代码 NOT_LEGALLY_ESTABLISHED：申请单位未依法设立",
                        "end"));
    }

    @Test
    void anUnfinishedRule() {
        assertEquals(one(2, "规则“申请单位未依法设立”没有写完：每条规则须依次有 when、then 和 end"),
                check("// 最后一条规则少了 end",
                        "rule \"申请单位未依法设立\"",
                        "    @clause(\"二\")",
                        "when",
                        "    申请单位未依法设立",
                        "then",
                        "    不予受理，代码 NOT_LEGALLY_ESTABLISHED：申请单位未依法设立"));
    }

    @Test
    void aSentenceOutsideARule() {
        assertEquals(one(1, "规则之外只能写注释（以 // 或 # 开头）或以 rule \"规则名称\" 开始一条新规则：申请单位未依法设立"),
                check(withLineBefore("申请单位未依法设立", ruleWithCondition("申请单位未依法设立"))));
    }

    @Test
    void aSentenceBetweenTheRuleNameAndWhen() {
        assertEquals(one(2, "规则名之后只能写 @clause(\"条款\")，然后写 when：申请单位未依法设立"),
                check("rule \"申请单位未依法设立\"",
                        "    申请单位未依法设立",
                        "    @clause(\"二\")",
                        "when",
                        "    申请单位未依法设立",
                        "then",
                        "    不予受理，代码 NOT_LEGALLY_ESTABLISHED：申请单位未依法设立",
                        "end"));
    }

    @Test
    void aMistypedSentenceSuggestsTheNearestOne() {
        assertEquals(one(4, "这句话不在规则词汇表中：“申请单位未依法成立”；是否想写：“申请单位未依法设立”？"),
                check(ruleWithCondition("申请单位未依法成立")));
    }

    @Test
    void aConsequenceUnderWhenIsNotACondition() {
        assertEquals(one(4, "这是结论句，应写在 then 之下：“不予受理，代码 NOT_LEGALLY_ESTABLISHED：申请单位未依法设立”"),
                check(ruleWithCondition("不予受理，代码 NOT_LEGALLY_ESTABLISHED：申请单位未依法设立")));
    }

    @Test
    void aSentenceAboutTheMaterialNeedsTheConditionThatNamesIt() {
        assertEquals(one(4, "“申报单位未提交该材料”要用到前面条件中的信息，请在它之前（when 之下）先写：“本类载体须提交的材料”"),
                check(ruleWithCondition("申报单位未提交该材料")));
    }

    // ---- whole files ----------------------------------------------------------------------------

    static Stream<Path> bundledRuleFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(BUNDLED_RULES)) {
            return walk.filter(path -> path.toString().endsWith(".dslr")).sorted().toList().stream();
        }
    }

    @Test
    void theBundledRuleFilesAreFound() throws IOException {
        assertEquals(List.of("eligibility/eligibility.dslr", "materials/electronic-copy.dslr", "materials/paper-copy.dslr",
                        "materials/scans.dslr", "revocation/revocation.dslr"),
                bundledRuleFiles().map(path -> BUNDLED_RULES.relativize(path).toString().replace('\\', '/')).toList());
    }

    @ParameterizedTest
    @MethodSource("bundledRuleFiles")
    void everyBundledRuleFilePassesInItsStage(Path file) throws IOException {
        Stage stage = file.getParent().getFileName().toString().equals("revocation") ? REVIEW : ASSESSMENT;
        assertEquals(List.of(), new SafeMode(Vocabulary.bundled(), stage).check(Files.readString(file, StandardCharsets.UTF_8)));
    }

    @Test
    void theRevocationRulesCannotRunInTheAssessmentStage() throws IOException {
        String revocation = Files.readString(BUNDLED_RULES.resolve("revocation/revocation.dslr"), StandardCharsets.UTF_8);
        List<RuleFileProblem> problems = new SafeMode(Vocabulary.bundled(), ASSESSMENT).check(revocation);
        assertFalse(problems.isEmpty());
        assertTrue(problems.stream().allMatch(p -> p.message().contains("属于另一环节")), problems::toString);
    }

    @Test
    void commentsAndBlankLinesAreFine() {
        assertEquals(List.of(), check(
                "// 二、申报对象",
                "# 井号开头的也是注释",
                "",
                "   ",
                "rule \"申请单位未依法设立\"",
                "    // 依据条款",
                "    @clause(\"二\")",
                "",
                "when",
                "    # 条件",
                "    申请单位未依法设立",
                "",
                "then",
                "    // 结论：说明中也可以写 System.exit(0) 之类的注释，注释不会执行",
                "    不予受理，代码 NOT_LEGALLY_ESTABLISHED：申请单位未依法设立",
                "end",
                "",
                "// 文件末尾的注释"));
    }

    @Test
    void windowsLineEndingsAreFine() {
        String text = String.join("\r\n", ruleWithConsequence("不予受理，代码 NOT_LEGALLY_ESTABLISHED：申请单位未依法设立")) + "\r\n";
        assertEquals(List.of(), new SafeMode(Vocabulary.bundled(), ASSESSMENT).check(text));
    }

    @Test
    void everyProblemOfAFileIsReportedInLineOrder() {
        assertEquals(List.of(
                        new RuleFileProblem(1, "规则文件中不允许 import、package 或 global：导入与全局变量由系统统一提供：import java.io.File;"),
                        new RuleFileProblem(6, "这句话不在规则词汇表中：“申请单位未依法成立”；是否想写：“申请单位未依法设立”？"),
                        new RuleFileProblem(8, "规则中不允许调用系统功能（System、Runtime、exit 等）：System.exit(0);"),
                        new RuleFileProblem(10, "规则“纸质材料未装订成册”须在规则名下一行注明且只注明一个依据条款，如 @clause(\"四(二)\")"),
                        new RuleFileProblem(15, "代码“paper_not_bound”不合规范：" + CODE_RULE),
                        new RuleFileProblem(15, "说明中的占位“{登记地}”在本规则的条件中没有出现，无法填写；请在 when 下使用提供此信息的条件句"),
                        new RuleFileProblem(17, "规则“纸质材料未编制目录”没有写完：每条规则须依次有 when、then 和 end")),
                check("import java.io.File;",
                        "",
                        "rule \"申请单位未依法设立\"",
                        "    @clause(\"二\")",
                        "when",
                        "    申请单位未依法成立",
                        "then",
                        "    System.exit(0);",
                        "end",
                        "rule \"纸质材料未装订成册\"",
                        "when",
                        "    未提交纸质材料",
                        "    提交了纸质材料",
                        "then",
                        "    通知补正，代码 paper_not_bound：{登记地}的纸质材料未装订成册",
                        "end",
                        "rule \"纸质材料未编制目录\"",
                        "    @clause(\"四(二)\")",
                        "when",
                        "    提交了纸质材料",
                        "    - 未编制目录"));
    }
}

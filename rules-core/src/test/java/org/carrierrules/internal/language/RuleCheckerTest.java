package org.carrierrules.internal.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.carrierrules.assessment.Severity;
import org.carrierrules.policy.PolicyProblem;
import org.carrierrules.supervision.SupervisionOutcome;

/** The checker: vocabulary, stage, variables, constraints, the code catalogue and message slots. */
class RuleCheckerTest {
    private static String rule(String when, String then) {
        return "rule \"规则\"\n    @clause(\"四(二)\")\nwhen\n" + when + "then\n    " + then + "\nend\n";
    }

    private static List<String> problems(String when, String then) {
        return StaffFiles.check(rule(when, then)).messages();
    }

    @Test
    void aSentenceOutsideTheVocabularyIsNamedWithTheSentenceMeant() {
        assertEquals(List.of("4:这句话不在规则词汇表中：“申请单位未依法成立”；是否想写：“申请单位未依法设立”？"),
                problems("    申请单位未依法成立\n", "不予受理，代码 NOT_LEGALLY_ESTABLISHED：未依法设立"));
    }

    @Test
    void conditionsAndConclusionsInTheWrongPartAreNamedAsSuch() {
        assertEquals(List.of("4:这是结论句，应写在 then 之下：“不予受理，代码 NOT_LEGALLY_ESTABLISHED：x”",
                        "6:这是条件句，应写在 when 之下、then 之前：“申请单位未依法设立”"),
                problems("    不予受理，代码 NOT_LEGALLY_ESTABLISHED：x\n", "申请单位未依法设立"));
    }

    @Test
    void aSentenceOfAnotherStageIsRefused() {
        assertEquals(List.of("4:这句话属于另一环节，不能用在受理审查（rules/eligibility/、rules/materials/）的规则中：“发现载体失联”",
                        "6:这句话属于另一环节，不能用在受理审查（rules/eligibility/、rules/materials/）的规则中：“报请取消认定，代码 LOST_CONTACT：失联”",
                        "6:代码 LOST_CONTACT 属于跟踪管理（rules/supervision/），不能用在受理审查（rules/eligibility/、rules/materials/）的规则中"),
                problems("    发现载体失联\n", "报请取消认定，代码 LOST_CONTACT：失联"));
    }

    @Test
    void aSentenceThatNeedsAnEarlierOneSaysWhichToWriteFirst() {
        assertEquals(List.of("4:“申报单位未提交该材料”要用到前面条件中的信息，请在它之前（when 之下）先写：“本类载体须提交的材料”",
                        "6:“通知补正该材料，代码 …：…”要用到前面条件中的信息，请在它之前（when 之下）先写：“本类载体须提交的材料”"),
                problems("    申报单位未提交该材料\n", "通知补正该材料，代码 MATERIAL_MISSING：缺少材料"));
    }

    @Test
    void twoConditionsThatBindTheSameThingAreRefused() {
        assertEquals(List.of("5:“申报单位提交了材料清单以外的材料”与本规则第4行的条件说的是同一事物（同一信息只能由一个条件提供）：请删去其中一句，或分成两条规则"),
                problems("    本类载体须提交的材料\n    申报单位提交了材料清单以外的材料\n", "提示，代码 MATERIAL_NOT_REQUIRED：x"));
    }

    @Test
    void aConstraintMustConstrainWhatTheSentenceAboveMatched() {
        assertEquals(List.of("6:附加条件“- 不是A4纸”限定的是纸质材料，不能写在“申报单位提交了该材料”之下；请写在“提交了纸质材料”之下"),
                problems("    本类载体须提交的材料\n    申报单位提交了该材料\n    - 不是A4纸\n", "通知补正该材料，代码 MATERIAL_SKEWED：x"));
    }

    @Test
    void theCodeMustBeInTheCatalogueOfTheStageWithTheWeightOfTheConclusion() {
        assertEquals(List.of("6:代码“material_skewed”不合规范：代码只能由大写英文字母、数字和下划线组成，如 MATERIAL_MISSING"),
                problems("    未提交纸质材料\n", "通知补正，代码 material_skewed：x"));
        List<String> unknown = problems("    未提交纸质材料\n", "通知补正，代码 PAPER_LOST：x");
        assertEquals(1, unknown.size());
        assertTrue(unknown.get(0).startsWith("6:代码 PAPER_LOST 不在代码目录中：受理审查（rules/eligibility/、rules/materials/）可用的代码有 APPLICANT_TYPE_NOT_ELIGIBLE、"), unknown::toString);
        assertTrue(unknown.get(0).endsWith("；新的代码须先在 codes.yaml 中声明其环节与结论"), unknown::toString);
        assertEquals(List.of("6:代码 PAPER_COPY_MISSING 的结论是“通知补正”，与本规则所写的“不予受理”不一致：请改用相符的结论句，或换一个代码"),
                problems("    未提交纸质材料\n", "不予受理，代码 PAPER_COPY_MISSING：x"));
    }

    @Test
    void aCodeThePolicyDeclaresMayBeUsedWithItsWeight() {
        List<PolicyProblem> declaring = new ArrayList<>();
        CodeCatalogue codes = CodeCatalogue.library().with(List.of(
                new CodeCatalogue.Code("PAPER_LOST", Stage.ASSESSMENT, Severity.DEFECT, null, "四(二)", "codes.yaml"),
                new CodeCatalogue.Code("STUDIO_CLOSED", Stage.SUPERVISION, null, SupervisionOutcome.REVOKE, "五", "codes.yaml")),
                "codes.yaml", Map.of(), declaring);
        assertEquals(List.of(), declaring);
        StaffFiles.Result assessment = StaffFiles.check(rule("    未提交纸质材料\n", "通知补正，代码 PAPER_LOST：纸质材料遗失")
                .getBytes(StandardCharsets.UTF_8), Stage.ASSESSMENT, codes);
        assertEquals(List.of(), assessment.problems());
        StaffFiles.Result revoking = StaffFiles.check(rule("    发现载体外迁\n", "通知改正，代码 STUDIO_CLOSED：关闭")
                .getBytes(StandardCharsets.UTF_8), Stage.SUPERVISION, codes);
        assertEquals(List.of("6:代码 STUDIO_CLOSED 的结论是“报请取消认定”，与本规则所写的“通知改正”不一致：请改用相符的结论句，或换一个代码"),
                revoking.messages());
    }

    @Test
    void theCatalogueRefusesADeclarationThatCouldNotStand() {
        List<PolicyProblem> problems = new ArrayList<>();
        CodeCatalogue.library().with(List.of(
                new CodeCatalogue.Code("MATERIAL_MISSING", Stage.ASSESSMENT, Severity.NOTE, null, "四(二)", "codes.yaml"),
                new CodeCatalogue.Code("bad code", Stage.ASSESSMENT, Severity.NOTE, null, "四(二)", "codes.yaml"),
                new CodeCatalogue.Code("WEIGHTLESS", Stage.SUPERVISION, Severity.NOTE, null, "五", "codes.yaml"),
                new CodeCatalogue.Code("MY_REASON", Stage.ALLOCATION, Severity.INELIGIBLE, null, "三", "codes.yaml"),
                new CodeCatalogue.Code("OWN_EXCLUSION", Stage.ALLOCATION, null, null, "三", "codes.yaml")),
                "codes.yaml", Map.of("MATERIAL_MISSING", 3), problems);
        assertEquals(4, problems.size(), problems::toString);
        assertEquals("代码 MY_REASON 属于评审与名额分配，政策只能新增不参加排名的理由，其 severity 应为 NOT_RANKED",
                problems.get(3).message());
        assertEquals(3, problems.get(0).line());
        assertTrue(problems.get(0).message().contains("已由本库（合同规定的代码）定义"), problems::toString);
    }

    @Test
    void messageSlotsMustExistBelongToTheStageAndBeFilledByTheConditions() {
        assertEquals(List.of("6:说明中的占位“{材料名}”不存在；可用的占位有：申请单位类型、登记地、本区、本轮、载体类型、提交时间、申报时间、"
                        + "材料名称、材料代码、文件名、实交份数、应交份数、纸张、PDF份数、申报单位名称、评审得分、合格分、发现日期、载体职责、未培训年份、连续年数",
                        "6:说明中的占位“{连续年数}”属于另一环节，不能用在受理审查（rules/eligibility/、rules/materials/）的规则中",
                        "6:说明中的占位“{文件名}”在本规则的条件中没有出现，无法填写；请在 when 下使用提供此信息的条件句"),
                problems("    未提交纸质材料\n", "通知补正，代码 PAPER_COPY_MISSING：{材料名}{连续年数}{文件名}"));
    }

    @Test
    void quotesBackslashesAndCodeInAMessageAreOnlyWordsTheGeneratedRulesNeverContain() {
        String hostile = "\"); System.exit(1); //\\ 申请单位未依法设立 ${ @{ end rule";
        StaffFiles.Result result = StaffFiles.check(StaffFiles.rule("材料扫描件歪斜 salience 9 end", hostile));
        assertEquals(List.of(), result.problems());
        assertEquals(hostile, ((Message.Text) result.rules().get(0).message().parts().get(0)).text());
        assertFalse(result.drl().contains("System"), result::drl);
        assertFalse(result.drl().contains("salience"), result::drl);
        assertFalse(result.drl().contains("材料"), result::drl);
    }

    @Test
    void ruleNamesAreUniqueAcrossThePolicy() {
        RuleChecker checker = new RuleChecker(Vocabulary.bundled(), CodeCatalogue.library());
        checker.reserve("同类载体按评审得分排名", "本库的评审与名额分配规则");
        List<PolicyProblem> problems = new ArrayList<>();
        RuleTree tree = RuleFileParser.parse("a.dslr", (StaffFiles.rule("同类载体按评审得分排名", "x") + StaffFiles.rule("甲", "x")
                + StaffFiles.rule("甲", "y")).getBytes(StandardCharsets.UTF_8), problems);
        List<CheckedRule> rules = checker.check(tree, Stage.ASSESSMENT, problems);
        assertEquals(List.of("a.dslr 第1行：规则名称重复：“同类载体按评审得分排名”，每条规则须有唯一的名称",
                "a.dslr 第19行：规则名称重复：“甲”，每条规则须有唯一的名称"), problems.stream().map(PolicyProblem::toString).toList());
        assertEquals(List.of("甲"), rules.stream().map(CheckedRule::name).toList());
    }
}

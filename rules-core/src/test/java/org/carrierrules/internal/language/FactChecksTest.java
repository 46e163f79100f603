package org.carrierrules.internal.language;

import static org.carrierrules.internal.language.FactRules.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.carrierrules.internal.facts.RoundParameters;
import org.carrierrules.internal.policy.FactsFile;
import org.carrierrules.policy.PolicyProblem;

/**
 * What the checker refuses in a fact sentence, and what {@code facts.yaml} and {@code parameters.yaml} may not
 * say: each at its line, with the reason in Chinese and what to write instead.
 */
class FactChecksTest {
    private static final String PARAMETER_NAMES = "「最低年培训人数」「最短成立年限」「最低场地面积」「成立基准日」「试点开放」";
    private static final String LABELS = "年培训人数、场地面积、以线上平台开展培训、列入失信惩戒名单、成立日期、备注、领办人职业资格";

    private static List<String> problem(String sentence) {
        return problems(sentence, "x");
    }

    @Test
    void anUnknownFactIsNamedWithTheNearestDeclared() {
        assertEquals(List.of("4:“年培训人”不是已声明的事实：facts.yaml 中声明的有 " + LABELS + "；是否想写“年培训人数”？；新的事实须先在 facts.yaml 中声明"
                        + "：“申请单位未填写年培训人”"),
                problem("申请单位未填写年培训人"));
        assertEquals(List.of("4:“注册资本不少于100”不是已声明的事实：facts.yaml 中声明的有 " + LABELS
                        + "；新的事实须先在 facts.yaml 中声明：“申请单位的注册资本不少于100”"),
                problem("申请单位的注册资本不少于100"));
    }

    @Test
    void aPolicyThatDeclaresNoFactsSaysWhereToDeclareThem() {
        assertEquals(List.of("4:本政策没有声明任何事实：“申请单位的…”这类句子要用到的事实，须先在 facts.yaml 中声明（名称、类型、单位、依据条款）"
                        + "：“申请单位的年培训人数少于1000”"),
                StaffFiles.check(FactRules.assessmentRule("申请单位的年培训人数少于1000", "x")).messages());
    }

    @Test
    void anUnknownParameterListsTheRoundsParameters() {
        assertEquals(List.of("4:参数「最低人数」不存在；parameters.yaml 中的参数有 " + PARAMETER_NAMES + "：“申请单位的年培训人数少于「最低人数」”"),
                problem("申请单位的年培训人数少于「最低人数」"));
        assertEquals(List.of("4:参数「截止日」不存在；parameters.yaml 中的参数有 " + PARAMETER_NAMES + "：“申请单位的成立日期早于「截止日」”"),
                problem("申请单位的成立日期早于「截止日」"));
    }

    @Test
    void aComparisonMustBeOneTheFactsKindAllows() {
        assertEquals(List.of("4:“成立日期”是日期，其后不能写“少于2020-01-01”：可写 不早于…、不晚于…、早于…、晚于…、距申报截止不满…年、距申报截止已满…年"
                        + "：“申请单位的成立日期少于2020-01-01”"),
                problem("申请单位的成立日期少于2020-01-01"));
        assertEquals(List.of("4:“年培训人数”是整数，其后不能写“早于2020-01-01”：可写 不少于…、不多于…、不等于…、少于…、多于…、等于…"
                        + "：“申请单位的年培训人数早于2020-01-01”"),
                problem("申请单位的年培训人数早于2020-01-01"));
        assertEquals(List.of("4:“列入失信惩戒名单”是是否，其后不能写“少于1”：可写 为是、为否：“申请单位的列入失信惩戒名单少于1”"),
                problem("申请单位的列入失信惩戒名单少于1"));
        assertEquals(List.of("4:“备注”是文本，规则不比较文本：可写“申请单位未填写备注”或“申请单位已填写备注”：“申请单位的备注等于1”"),
                problem("申请单位的备注等于1"));
        assertEquals(List.of("4:“领办人职业资格”是选项，其后不能写“少于技师”：可写 是…之一、不是…之一：“申请单位的领办人职业资格少于技师”"),
                problem("申请单位的领办人职业资格少于技师"));
    }

    @Test
    void aNumberOrParameterMustHaveTheFactsUnit() {
        assertEquals(List.of("4:数 1000元的单位“元”与年培训人数的单位“人”不一致：“申请单位的年培训人数少于1000元”"),
                problem("申请单位的年培训人数少于1000元"));
        assertEquals(List.of("4:参数「最短成立年限」的单位“年”与年培训人数的单位“人”不一致：“申请单位的年培训人数少于「最短成立年限」”"),
                problem("申请单位的年培训人数少于「最短成立年限」"));
        assertEquals(List.of("4:参数「最低年培训人数」之后只能写它的单位“人”或不写，不能写“元”：“申请单位的年培训人数少于「最低年培训人数」元”"),
                problem("申请单位的年培训人数少于「最低年培训人数」元"));
        assertEquals(List.of("4:参数「最低年培训人数」的单位“人”与年数的单位“年”不一致：“申请单位的成立日期距申报截止不满「最低年培训人数」年”"),
                problem("申请单位的成立日期距申报截止不满「最低年培训人数」年"));
    }

    @Test
    void aParameterMustBeOfTheFactsKind() {
        assertEquals(List.of("4:参数「成立基准日」是日期，不能与年培训人数（数值）比较：“申请单位的年培训人数少于「成立基准日」”"),
                problem("申请单位的年培训人数少于「成立基准日」"));
        assertEquals(List.of("4:参数「最短成立年限」是整数，不能与成立日期（日期）比较：“申请单位的成立日期早于「最短成立年限」”"),
                problem("申请单位的成立日期早于「最短成立年限」"));
        assertEquals(List.of("4:年数须是整数：“申请单位的成立日期距申报截止已满1.5年”"), problem("申请单位的成立日期距申报截止已满1.5年"));
    }

    @Test
    void aDateMustBeOneThatExists() {
        assertEquals(List.of("4:“2019-02-30”不是存在的日期：“申请单位的成立日期早于2019-02-30”"), problem("申请单位的成立日期早于2019-02-30"));
        assertEquals(List.of("4:“去年”不是日期：写作 2020-01-01 或 2020年1月1日，或写“申报截止日”，或用「」括起的日期参数：“申请单位的成立日期早于去年”"),
                problem("申请单位的成立日期早于去年"));
    }

    @Test
    void anUnknownChoiceOrTypeListsWhatMayBeWritten() {
        assertEquals(List.of("4:“高级技工”不是“领办人职业资格”的选项：可写 首席技师、高级技师、技师、高级工：“申请单位的领办人职业资格是高级技工之一”"),
                problem("申请单位的领办人职业资格是高级技工之一"));
        assertEquals(List.of("4:“技能大师室”不是载体类型：可写 高技能人才培训基地、技能大师工作室、乡村振兴技能工作站；是否想写“技能大师工作室”？"
                        + "：“载体类型是技能大师室”"),
                problem("载体类型是技能大师室"));
        assertEquals(List.of("4:“公司”不是申请单位类型：可写 企业、行业协会、职业培训机构、高等学校、职业院校、技工院校、其他事业单位、个体工商户、"
                        + "民办非企业单位、机关、其他：“申请单位类型是公司”"),
                problem("申请单位类型是公司"));
    }

    @Test
    void orMustFollowAFactSentence() {
        String or = "“或者”须接在一句关于事实、参数或类型的条件句之后，表示两句有一句成立即可";
        assertEquals(List.of("4:" + or), problem("或者 申请单位的年培训人数少于1000"));
        assertEquals(List.of("5:" + or), problem("未提交纸质材料\n或者 申请单位的年培训人数少于1000"));
    }

    @Test
    void orAndNotCannotBeUsedWithAVocabularySentence() {
        String refused = "“或者”和“并非”只能用于关于事实、参数和类型的条件句（如“申请单位的年培训人数少于1000人”），不能用于“未提交纸质材料”：请把它写成另一条规则";
        assertEquals(List.of("5:" + refused), problem("申请单位的年培训人数少于1000\n或者 未提交纸质材料"));
        assertEquals(List.of("4:" + refused), problem("并非未提交纸质材料"));
    }

    @Test
    void aConstraintCannotStandUnderAFactSentence() {
        assertEquals(List.of("5:关于事实和类型的条件句之下不能写附加条件（以 - 开头）：把它写成另一句条件"),
                problem("申请单位的年培训人数少于1000\n- 扫描件歪斜"));
    }

    @Test
    void aFactOrParameterSlotNeedsAFactSentenceInTheRule() {
        String needs = "说明中的占位“{%s}”要用到申报的事实，本规则却没有关于事实、参数或类型的条件句：请在 when 下写一句，如“申请单位的…少于…”";
        assertEquals(List.of("6:" + needs.formatted("年培训人数"), "6:" + needs.formatted("最低年培训人数")),
                problems("未提交纸质材料", "{年培训人数}{最低年培训人数}"));
    }

    @Test
    void anUnknownSlotListsTheFactsAndParametersToo() {
        List<String> found = problems("申请单位的年培训人数少于1000", "{年培训数}");
        assertEquals(1, found.size(), found::toString);
        assertTrue(found.get(0).startsWith("6:说明中的占位“{年培训数}”不存在；可用的占位有："), found::toString);
        assertTrue(found.get(0).endsWith("，以及本政策的事实和参数 " + LABELS + "、最低年培训人数、最短成立年限、最低场地面积、成立基准日、试点开放"),
                found::toString);
    }

    @Test
    void inSupervisionOnlyTheCarrierTypeMayBeAsked() {
        String supervision = "跟踪管理的载体只有载体类型可问：申报单位的事实和类型只能用在受理审查（rules/eligibility/、rules/materials/）和评审与名额分配（rules/allocation/）的规则中";
        for (String sentence : List.of("申请单位的年培训人数少于1000", "申请单位类型是企业", "申请单位未填写年培训人数")) {
            assertEquals(List.of("4:" + supervision + "：“" + sentence + "”"),
                    FactRules.check(FactRules.rule(sentence + "\n发现载体失联", "报请取消认定，代码 LOST_CONTACT：失联"), Stage.SUPERVISION)
                            .messages(), sentence);
        }
        assertEquals(List.of("7:说明中的占位“{年培训人数}”属于另一环节，不能用在跟踪管理（rules/supervision/）的规则中"),
                FactRules.check(FactRules.rule("载体类型是技能大师工作室\n发现载体失联", "报请取消认定，代码 LOST_CONTACT：{年培训人数}"),
                        Stage.SUPERVISION).messages());
    }

    // --- facts.yaml ---

    private static List<String> factsProblems(String facts) {
        List<PolicyProblem> problems = new ArrayList<>();
        FactsFile.read(FactRules.files("reference: 测试\nfacts:\n" + facts, FactRules.PARAMETERS), problems);
        return problems.stream().map(p -> p.file() + ":" + p.line() + ":" + p.message()).toList();
    }

    private static final String GOOD = "  - {key: annualTrainees, label: 年培训人数, type: 整数, unit: 人, clause: 测试}\n";

    @Test
    void aFactsKeyMustBeAnIdentifierAndUnique() {
        assertEquals(List.of("facts.yaml:4:key“Annual trainees”不合规范：须是以小写英文字母开头的英文字母和数字（至多40个），如 annualTrainees"),
                factsProblems(GOOD + "  - {key: Annual trainees, label: 人数, type: 整数, clause: 测试}\n"));
        assertEquals(List.of("facts.yaml:4:key“annualTrainees”与第1项重复"),
                factsProblems(GOOD + "  - {key: annualTrainees, label: 人数, type: 整数, clause: 测试}\n"));
    }

    @Test
    void aFactsLabelMustBeANameAndUnique() {
        assertEquals(List.of("facts.yaml:4:label“年培训人数”与第1项重复：规则按名称找事实，名称须唯一"),
                factsProblems(GOOD + "  - {key: trainees, label: 年培训人数, type: 整数, clause: 测试}\n"));
        assertEquals(List.of("facts.yaml:4:label“年培训、人数”不合规范：须是1至30个字的名称，不含空格、「」、{}、顿号、逗号或冒号，如 年培训人数"),
                factsProblems(GOOD + "  - {key: trainees, label: 年培训、人数, type: 整数, clause: 测试}\n"));
    }

    @Test
    void aFactsTypeMustBeOneOfTheWords() {
        assertEquals(List.of("facts.yaml:4:type“数字”不是可用的类型：可写 整数、小数、是否、日期、文本、选项"),
                factsProblems(GOOD + "  - {key: trainees, label: 人数, type: 数字, clause: 测试}\n"));
    }

    @Test
    void onlyANumberHasAUnit() {
        assertEquals(List.of("facts.yaml:4:只有整数和小数可以有单位（unit），“线上”是是否"),
                factsProblems(GOOD + "  - {key: online, label: 线上, type: 是否, unit: 个, clause: 测试}\n"));
    }

    @Test
    void aChoiceListsTwoOrMoreWellFormedValuesAndOnlyAChoiceDoes() {
        assertEquals(List.of("facts.yaml:4:类型为选项的事实须在 choices 中列出至少两个选项，如 SENIOR_TECHNICIAN: 高级技师"),
                factsProblems(GOOD + "  - {key: leader, label: 领办人, type: 选项, clause: 测试}\n"));
        assertEquals(List.of("facts.yaml:5:类型为选项的事实须在 choices 中列出至少两个选项，如 SENIOR_TECHNICIAN: 高级技师"),
                factsProblems(GOOD + "  - {key: leader, label: 领办人, type: 选项, clause: 测试,\n      choices: {TECHNICIAN: 技师}}\n"));
        assertEquals(List.of("facts.yaml:9:选项代码“technician”不合规范：须由大写英文字母、数字和下划线组成，如 SENIOR_TECHNICIAN",
                        "facts.yaml:10:选项名称“技师”重复：规则按名称写选项，名称须唯一"),
                factsProblems(GOOD + "  - key: leader\n    label: 领办人\n    type: 选项\n    clause: 测试\n    choices:\n"
                        + "      technician: 技师\n      SENIOR_TECHNICIAN: 技师\n"));
        assertEquals(List.of("facts.yaml:5:只有类型为选项的事实才写 choices，“人数”是整数"),
                factsProblems(GOOD + "  - {key: trainees, label: 人数, type: 整数, clause: 测试,\n      choices: {A: 甲, B: 乙}}\n"));
    }

    @Test
    void aClauseMustBeGiven() {
        assertEquals(List.of("facts.yaml:4:缺少 facts[1].clause（依据条款）"),
                factsProblems(GOOD + "  - {key: trainees, label: 人数, type: 整数, clause: \" \"}\n"));
    }

    // --- parameters.yaml ---

    private static List<String> parameterProblems(String parameters) {
        List<PolicyProblem> problems = new ArrayList<>();
        RoundParameters read = RoundParameters.read(FactRules.files(FactRules.FACTS, "parameters:\n" + parameters), problems);
        if (!problems.isEmpty()) {
            assertEquals(0, read.all().size(), "a wrong parameters.yaml gives no parameters");
        }
        return problems.stream().map(p -> p.file() + ":" + p.line() + ":" + p.message()).toList();
    }

    @Test
    void aParameterHasValueOrValuesNotBoth() {
        String oneOf = "parameters.yaml:2:参数“甲”须写 value（对所有申报适用的一个值）或 values（按类型区分的值），二者选一";
        assertEquals(List.of(oneOf), parameterProblems("  - {name: 甲, type: 整数, reference: 测试}\n"));
        assertEquals(List.of(oneOf), parameterProblems("  - {name: 甲, type: 整数, reference: 测试, value: 1, values: [{value: 2}]}\n"));
    }

    @Test
    void aParametersValueIsOfItsKind() {
        assertEquals(List.of("parameters.yaml:2:值须为整数，实为 1.5"), parameterProblems("  - {name: 甲, type: 整数, reference: 测试, value: 1.5}\n"));
        assertEquals(List.of("parameters.yaml:2:值须为日期，写作 2020-01-01，实为 \"2019-02-30\""),
                parameterProblems("  - {name: 甲, type: 日期, reference: 测试, value: \"2019-02-30\"}\n"));
        assertEquals(List.of("parameters.yaml:5:值须为是否，写作 true 或 false，实为 \"是\""),
                parameterProblems("  - name: 甲\n    type: 是否\n    reference: 测试\n    value: 是\n"));
    }

    @Test
    void casesMayNotOverlap() {
        assertEquals(List.of("parameters.yaml:8:参数“甲”的 values 第2项与第1项适用于同一类申报：每类申报只能有一个值，请让两项的 carrierTypes 或 applicantTypes 互不相交"),
                parameterProblems("""
                          - name: 甲
                            type: 整数
                            reference: 测试
                            values:
                              - carrierTypes: [HIGH_SKILL_TRAINING_BASE, SKILL_MASTER_STUDIO]
                                value: 1
                              - carrierTypes: [SKILL_MASTER_STUDIO]
                                applicantTypes: [ENTERPRISE]
                                value: 2
                        """));
        assertEquals(List.of(), parameterProblems("""
                  - name: 甲
                    type: 整数
                    reference: 测试
                    values:
                      - {carrierTypes: [HIGH_SKILL_TRAINING_BASE], applicantTypes: [ENTERPRISE], value: 1}
                      - {carrierTypes: [HIGH_SKILL_TRAINING_BASE], applicantTypes: [TRAINING_INSTITUTION], value: 2}
                      - {carrierTypes: [SKILL_MASTER_STUDIO], value: 3}
                """));
    }

    @Test
    void parameterNamesAreUnique() {
        assertEquals(List.of("parameters.yaml:3:参数名称“甲”重复：规则按名称找参数，名称须唯一"),
                parameterProblems("  - {name: 甲, type: 整数, reference: 测试, value: 1}\n  - {name: 甲, type: 整数, reference: 测试, value: 2}\n"));
    }

    @Test
    void aParameterCannotBeAChoice() {
        assertEquals(List.of("parameters.yaml:2:type“选项”不是参数可用的类型：可写 整数、小数、是否、日期、文本"),
                parameterProblems("  - {name: 甲, type: 选项, reference: 测试, value: A}\n"));
        assertEquals(List.of("parameters.yaml:2:只有整数和小数可以有单位（unit），参数“甲”是日期"),
                parameterProblems("  - {name: 甲, type: 日期, unit: 天, reference: 测试, value: \"2020-01-01\"}\n"));
    }
}

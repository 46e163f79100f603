package org.carrierrules.internal.language;

import static org.carrierrules.internal.language.FactRules.application;
import static org.carrierrules.internal.language.FactRules.holds;
import static org.carrierrules.internal.language.FactRules.message;
import static org.carrierrules.internal.language.FactRules.sound;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.carrierrules.CarrierType;
import org.carrierrules.application.ApplicantType;
import org.carrierrules.application.FactValues;
import org.carrierrules.internal.facts.FactTest;
import org.carrierrules.internal.facts.RoundParameters;

/** Every kind of fact sentence (contract: "Facts a policy declares"): what it reads as, when it holds, what its message shows. */
class FactSentencesTest {
    private static FactValues trainees(long n) {
        return FactValues.builder().number("annualTrainees", n).build();
    }

    private static FactValues established(String date) {
        return FactValues.builder().date("establishedOn", LocalDate.parse(date)).build();
    }

    private static FactValues leader(String key) {
        return FactValues.builder().text("leaderQualification", key).build();
    }

    /** Each comparison word against 1000, 1000人 and 「最低年培训人数」 (1000 for a training institution's base), at 999, 1000, 1001. */
    @ParameterizedTest
    @CsvSource({"少于,true,false,false", "不少于,false,true,true", "多于,false,false,true", "不多于,true,true,false",
            "等于,false,true,false", "不等于,true,false,true"})
    void eachNumberComparisonWithALiteralALiteralWithItsUnitAndAParameter(String word, boolean at999, boolean at1000,
                                                                          boolean at1001) {
        for (String operand : List.of("1000", "1000人", "「最低年培训人数」", "「最低年培训人数」人")) {
            CheckedRule rule = sound("申请单位的年培训人数" + word + operand);
            String what = word + operand;
            assertEquals(at999, holds(rule, trainees(999)), what);
            assertEquals(at1000, holds(rule, trainees(1000)), what);
            assertEquals(at1001, holds(rule, trainees(1001)), what);
            assertFalse(holds(rule, FactValues.none()), what + ": a fact left out compares as nothing");
            assertEquals("annualTrainees", rule.fact());
        }
    }

    @Test
    void spacesInASentenceAreNotPartOfIt() {
        CheckedRule rule = sound("申请单位的年培训人数 少于 1000 人");
        assertTrue(holds(rule, trainees(999)));
        assertFalse(holds(rule, trainees(1000)));
    }

    @Test
    void aDecimalFactComparesWithADecimalParameter() {
        CheckedRule rule = sound("申请单位的场地面积少于「最低场地面积」");
        assertTrue(holds(rule, FactValues.builder().number("floorArea", new BigDecimal("80.49")).build()));
        assertFalse(holds(rule, FactValues.builder().number("floorArea", new BigDecimal("80.50")).build()));
        assertTrue(holds(sound("申请单位的场地面积不少于80.5平方米"), FactValues.builder().number("floorArea", new BigDecimal("80.5")).build()));
    }

    /** The parameter's value is the one its case gives the application's types; none given: the comparison does not hold. */
    @Test
    void aParameterTakesTheValueForTheApplicationsTypes() {
        CheckedRule rule = sound("申请单位的年培训人数少于「最低年培训人数」");
        assertTrue(holds(rule, CarrierType.HIGH_SKILL_TRAINING_BASE, ApplicantType.TRAINING_INSTITUTION, trainees(999)));
        assertFalse(holds(rule, CarrierType.HIGH_SKILL_TRAINING_BASE, ApplicantType.ENTERPRISE, trainees(999)));
        assertTrue(holds(rule, CarrierType.HIGH_SKILL_TRAINING_BASE, ApplicantType.ENTERPRISE, trainees(199)));
        assertFalse(holds(rule, CarrierType.SKILL_MASTER_STUDIO, ApplicantType.TRAINING_INSTITUTION, trainees(1)));
    }

    @ParameterizedTest
    @CsvSource({"早于,true,false,false", "不早于,false,true,true", "晚于,false,false,true", "不晚于,true,true,false"})
    void eachDateComparisonWithAnIsoDateAChineseDateAndADateParameter(String word, boolean before, boolean on, boolean after) {
        for (String operand : List.of("2020-01-01", "2020年1月1日", "「成立基准日」")) {
            CheckedRule rule = sound("申请单位的成立日期" + word + operand);
            String what = word + operand;
            assertEquals(before, holds(rule, established("2019-12-31")), what);
            assertEquals(on, holds(rule, established("2020-01-01")), what);
            assertEquals(after, holds(rule, established("2020-01-02")), what);
            assertEquals("establishedOn", rule.fact());
        }
    }

    @Test
    void aDateComparesWithTheDayTheWindowCloses() {
        CheckedRule rule = sound("申请单位的成立日期晚于申报截止日");
        assertFalse(holds(rule, established("2024-08-25")));
        assertTrue(holds(rule, established("2024-08-26")));
        assertTrue(holds(sound("申请单位的成立日期不晚于申报截止日"), established("2024-08-25")));
    }

    /** Exactly N years on the closing day counts as 已满 (the extended example's scenario "申报截止当日成立满两年"). */
    @Test
    void yearsBeforeTheCloseWithALiteralAndAParameterCountTheClosingDayAsFull() {
        for (String years : List.of("2", "「最短成立年限」")) {
            CheckedRule notYet = sound("申请单位的成立日期距申报截止不满" + years + "年");
            CheckedRule full = sound("申请单位的成立日期距申报截止已满" + years + "年");
            assertFalse(holds(notYet, established("2022-08-25")), years);
            assertTrue(holds(full, established("2022-08-25")), years);
            assertTrue(holds(notYet, established("2022-08-26")), years);
            assertFalse(holds(full, established("2022-08-26")), years);
            assertFalse(holds(notYet, FactValues.none()), years);
            assertFalse(holds(full, FactValues.none()), years);
        }
    }

    @Test
    void aYesNoFactIsYesOrNo() {
        CheckedRule yes = sound("申请单位的列入失信惩戒名单为是");
        CheckedRule no = sound("申请单位的列入失信惩戒名单为否");
        FactValues on = FactValues.builder().yesNo("onCreditBlacklist", true).build();
        FactValues off = FactValues.builder().yesNo("onCreditBlacklist", false).build();
        assertTrue(holds(yes, on));
        assertFalse(holds(yes, off));
        assertFalse(holds(no, on));
        assertTrue(holds(no, off));
        assertFalse(holds(yes, FactValues.none()));
        assertFalse(holds(no, FactValues.none()));
        assertEquals("onCreditBlacklist", yes.fact());
    }

    @Test
    void aChoiceIsAmongTheLabelsListedOrNotOrIsOneValue() {
        CheckedRule among = sound("申请单位的领办人职业资格是高级技师、技师之一");
        CheckedRule notAmong = sound("申请单位的领办人职业资格不是首席技师、高级技师之一");
        CheckedRule one = sound("申请单位的领办人职业资格是高级工");
        assertTrue(holds(among, leader("TECHNICIAN")));
        assertTrue(holds(among, leader("SENIOR_TECHNICIAN")));
        assertFalse(holds(among, leader("CHIEF_TECHNICIAN")));
        assertTrue(holds(notAmong, leader("TECHNICIAN")));
        assertFalse(holds(notAmong, leader("CHIEF_TECHNICIAN")));
        assertTrue(holds(one, leader("SENIOR_WORKER")));
        assertFalse(holds(one, leader("TECHNICIAN")));
        assertFalse(holds(among, FactValues.none()));
        assertFalse(holds(notAmong, FactValues.none()), "a value left out is neither among nor out of the list");
        assertEquals(new FactTest.OneOf("leaderQualification", java.util.Set.of("SENIOR_TECHNICIAN", "TECHNICIAN"), true), among.test());
    }

    @Test
    void aFactLeftOutOrGiven() {
        CheckedRule left = sound("申请单位未填写年培训人数");
        CheckedRule given = sound("申请单位已填写备注");
        assertTrue(holds(left, FactValues.none()));
        assertFalse(holds(left, trainees(0)));
        assertTrue(holds(given, FactValues.builder().text("remarks", "x").build()));
        assertFalse(holds(given, trainees(1)));
        assertEquals("annualTrainees", left.fact());
    }

    @Test
    void theCarrierTypeInAssessment() {
        CheckedRule among = sound("载体类型是高技能人才培训基地、技能大师工作室之一");
        CheckedRule one = sound("载体类型是乡村振兴技能工作站");
        CheckedRule not = sound("载体类型不是乡村振兴技能工作站");
        for (CarrierType type : CarrierType.values()) {
            boolean rural = type == CarrierType.RURAL_REVITALIZATION_STATION;
            assertEquals(!rural, holds(among, type, ApplicantType.ENTERPRISE, FactValues.none()), type::name);
            assertEquals(rural, holds(one, type, ApplicantType.ENTERPRISE, FactValues.none()), type::name);
            assertEquals(!rural, holds(not, type, ApplicantType.ENTERPRISE, FactValues.none()), type::name);
        }
        assertNull(among.fact(), "a sentence about the types names no fact");
    }

    @Test
    void theCarrierTypeInSupervision() {
        StaffFiles.Result result = FactRules.check(FactRules.rule("载体类型是技能大师工作室\n发现载体失联",
                "报请取消认定，代码 LOST_CONTACT：{发现日期}发现载体失联"), Stage.SUPERVISION);
        assertEquals(List.of(), result.messages());
        CheckedRule rule = result.rules().get(0);
        assertTrue(rule.test().test(new FactTest.Subject(CarrierType.SKILL_MASTER_STUDIO, null, FactValues.none(), null, RoundParameters.none())));
        assertFalse(rule.test().test(new FactTest.Subject(CarrierType.HIGH_SKILL_TRAINING_BASE, null, FactValues.none(), null, RoundParameters.none())));
        String drl = DrlGenerator.generate(Stage.SUPERVISION, result.rules());
        assertTrue(drl.contains("$facts : Carrier( conditions.holdsForCarrier(0, this) )"), drl);
    }

    @Test
    void theApplicantType() {
        CheckedRule among = sound("申请单位类型是企业、行业协会之一");
        CheckedRule not = sound("申请单位类型不是企业");
        CarrierType base = CarrierType.HIGH_SKILL_TRAINING_BASE;
        assertTrue(holds(among, base, ApplicantType.INDUSTRY_ASSOCIATION, FactValues.none()));
        assertFalse(holds(among, base, ApplicantType.VOCATIONAL_COLLEGE, FactValues.none()));
        assertTrue(holds(not, base, ApplicantType.VOCATIONAL_COLLEGE, FactValues.none()));
        assertFalse(holds(not, base, ApplicantType.ENTERPRISE, FactValues.none()));
    }

    /** {@code A / 或者 B / C} is (A or B) and C. */
    @Test
    void orJoinsASentenceToTheOneAboveItAndTheGroupsMustAllHold() {
        CheckedRule rule = sound("申请单位的列入失信惩戒名单为是\n或者 申请单位的年培训人数少于100\n载体类型是高技能人才培训基地");
        for (boolean a : new boolean[] {false, true}) {
            for (boolean b : new boolean[] {false, true}) {
                for (CarrierType type : CarrierType.values()) {
                    boolean c = type == CarrierType.HIGH_SKILL_TRAINING_BASE;
                    FactValues facts = FactValues.builder().yesNo("onCreditBlacklist", a).number("annualTrainees", b ? 99 : 100).build();
                    assertEquals((a || b) && c, holds(rule, type, ApplicantType.ENTERPRISE, facts), a + " " + b + " " + type);
                }
            }
        }
        assertEquals("onCreditBlacklist", rule.fact(), "the first fact the sentences name");
    }

    @Test
    void notNegatesOneSentenceAndMayFollowOr() {
        CheckedRule rule = sound("并非申请单位的以线上平台开展培训为是");
        assertTrue(holds(rule, FactValues.builder().yesNo("onlinePlatform", false).build()));
        assertTrue(holds(rule, FactValues.none()), "并非 a sentence that does not hold of a fact left out holds");
        assertFalse(holds(rule, FactValues.builder().yesNo("onlinePlatform", true).build()));
        CheckedRule orNot = sound("申请单位的年培训人数少于100\n或者 并非 申请单位已填写年培训人数");
        assertTrue(holds(orNot, FactValues.none()));
        assertTrue(holds(orNot, trainees(99)));
        assertFalse(holds(orNot, trainees(100)));
    }

    @Test
    void messagesShowFactsAndParametersAsTheNoticeWrites() {
        CheckedRule rule = sound("申请单位的年培训人数少于「最低年培训人数」",
                "年培训人数{年培训人数}人，少于{最低年培训人数}人；成立于{成立日期}；领办人{领办人职业资格}；线上{以线上平台开展培训}；"
                        + "失信{列入失信惩戒名单}；面积{场地面积}，须{最低场地面积}；备注{备注}");
        FactValues facts = FactValues.builder().number("annualTrainees", 999).date("establishedOn", LocalDate.of(2022, 8, 26))
                .text("leaderQualification", "SENIOR_TECHNICIAN").yesNo("onlinePlatform", true).yesNo("onCreditBlacklist", false)
                .number("floorArea", new BigDecimal("120.50")).build();
        assertEquals("年培训人数999人，少于1000人；成立于2022年8月26日；领办人高级技师；线上是；失信否；面积120.50，须80.5；备注未填写",
                message(rule, application(CarrierType.HIGH_SKILL_TRAINING_BASE, ApplicantType.TRAINING_INSTITUTION, facts)));
        assertEquals("年培训人数999人，少于未设定人；成立于未填写；领办人未填写；线上未填写；失信未填写；面积未填写，须80.5；备注未填写",
                message(rule, application(CarrierType.SKILL_MASTER_STUDIO, ApplicantType.TRAINING_INSTITUTION, trainees(999))));
    }

    @Test
    void aSlotOfATypeSentenceRuleShowsTheFactsToo() {
        CheckedRule rule = sound("载体类型是高技能人才培训基地", "{年培训人数}/{最短成立年限}");
        assertEquals("1200/2", message(rule, application(CarrierType.HIGH_SKILL_TRAINING_BASE, ApplicantType.ENTERPRISE, trainees(1200))));
    }

    /** Only the rule's index reaches the generated text; a stage without fact sentences declares no global. */
    @Test
    void theGeneratedRuleAsksTheConditionsByIndexOnly() {
        StaffFiles.Result result = FactRules.check(FactRules.assessmentRule("未提交纸质材料", "x")
                .replace("规则", "甲") + FactRules.assessmentRule("申请单位的年培训人数少于1000人\n未提交纸质材料", "y"), Stage.ASSESSMENT);
        assertEquals(List.of(), result.messages());
        String drl = result.drl();
        assertTrue(drl.contains("global org.carrierrules.internal.facts.FactConditions conditions;"), drl);
        // The rule's other sentence on the application is in the same pattern, before the test.
        assertTrue(drl.contains("$facts : AssessedApplication( paperCopy == null, conditions.holdsFor(1, this) )"), drl);
        assertFalse(drl.contains("年培训人数"), drl);
        assertFalse(drl.contains("holdsFor(0"), drl);
        assertFalse(DrlGenerator.generate(Stage.ASSESSMENT, List.of(result.rules().get(0))).contains(DrlGenerator.CONDITIONS), drl);
    }
}

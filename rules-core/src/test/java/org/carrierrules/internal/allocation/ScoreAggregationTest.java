package org.carrierrules.internal.allocation;

import static org.carrierrules.CarrierType.HIGH_SKILL_TRAINING_BASE;
import static org.carrierrules.internal.allocation.ExpertSheets.sheet;
import static org.carrierrules.internal.allocation.ExpertSheets.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.carrierrules.InvalidInputException;
import org.carrierrules.allocation.ExpertReview;
import org.carrierrules.allocation.ExpertReviewScore;
import org.carrierrules.allocation.ExpertReviewScore.ExpertTotal;
import org.carrierrules.allocation.ExpertScore;
import org.carrierrules.internal.facts.Rubric;
import org.carrierrules.internal.policy.BundledPolicyFiles;

/**
 * Scores of 四(四) 评审打分 on the bundled rubric. Every total and mean is worked out by hand in the
 * comments, and every expected value is written out, not computed.
 */
class ScoreAggregationTest {
    private static final String APPLICATION = "LH2024-003";
    private final Rubric rubric = BundledPolicyFiles.rubric();

    // 14+14+17+11+7+7 = 70
    private static final ExpertScore E70 = sheet("E2", "14", "14", "17", "11", "7", "7");
    // 15+15+19+12+7+7 = 75
    private static final ExpertScore E75 = sheet("E2", "15", "15", "19", "12", "7", "7");
    // 16+16+20+12+8+8 = 80
    private static final ExpertScore E80 = sheet("E4", "16", "16", "20", "12", "8", "8");
    // 16+16+21+12+8+8 = 81
    private static final ExpertScore E81 = sheet("E3", "16", "16", "21", "12", "8", "8");
    // 17+17+21+13+8+9 = 85
    private static final ExpertScore E85 = sheet("E5", "17", "17", "21", "13", "8", "9");
    // 18+18+22+14+9+9 = 90
    private static final ExpertScore E90 = sheet("E1", "18", "18", "22", "14", "9", "9");
    // 20+20+25+15+10+9 = 99
    private static final ExpertScore E99 = sheet("E3", "20", "20", "25", "15", "10", "9");

    private ExpertReviewScore score(ExpertScore... sheets) {
        return ScoreAggregation.score(rubric, HIGH_SKILL_TRAINING_BASE, new ExpertReview(APPLICATION, true, List.of(sheets)));
    }

    private static ExpertScore renamed(ExpertScore sheet, String expert) {
        return new ExpertScore(expert, sheet.items());
    }

    @Test
    void withFiveExpertsTheHighestAndLowestAreDropped() {
        // 70, 80, 85, 90, 99: drop 70 and 99, (80 + 85 + 90) / 3 = 255 / 3 = 85.00.
        ExpertReviewScore result = score(E90, E70, E99, E80, E85);
        assertEquals(new BigDecimal("85.00"), result.score());
        assertEquals(List.of(
                new ExpertTotal("E1", new BigDecimal("90"), false),
                new ExpertTotal("E2", new BigDecimal("70"), true),
                new ExpertTotal("E3", new BigDecimal("99"), true),
                new ExpertTotal("E4", new BigDecimal("80"), false),
                new ExpertTotal("E5", new BigDecimal("85"), false)), result.expertTotals());
        assertEquals(APPLICATION, result.applicationId());
    }

    @Test
    void withThreeExpertsThePlainMeanIsRoundedToTwoDecimals() {
        // (70 + 75 + 81) / 3 = 226 / 3 = 75.333… → 75.33; nothing dropped.
        ExpertReviewScore result = score(renamed(E70, "E1"), E75, E81);
        assertEquals(new BigDecimal("75.33"), result.score());
        assertEquals(List.of(false, false, false), result.expertTotals().stream().map(ExpertTotal::dropped).toList());
    }

    @Test
    void onlyOneOfSeveralEqualHighestAndLowestTotalsIsDropped() {
        // 70, 70, 80, 90, 99, 99: drop one 70 and one 99, (70 + 80 + 90 + 99) / 4 = 339 / 4 = 84.75.
        ExpertReviewScore result = score(renamed(E70, "A"), renamed(E70, "B"), renamed(E80, "C"), renamed(E90, "D"),
                renamed(E99, "E"), renamed(E99, "F"));
        assertEquals(new BigDecimal("84.75"), result.score());
        assertEquals(List.of(true, false, false, false, true, false),
                result.expertTotals().stream().map(ExpertTotal::dropped).toList());
    }

    @Test
    void fiveEqualTotalsStillDropTwo() {
        ExpertReviewScore result = score(renamed(E80, "A"), renamed(E80, "B"), renamed(E80, "C"), renamed(E80, "D"), renamed(E80, "E"));
        assertEquals(new BigDecimal("80.00"), result.score());
        assertEquals(2, result.expertTotals().stream().filter(ExpertTotal::dropped).count());
    }

    @Test
    void aThirdDecimalOfFiveRoundsUp() {
        // 80.00 and 80.01: 160.01 / 2 = 80.005 → 80.01 (half up; half even would give 80.00).
        ExpertScore e8001 = sheet("E2", "16", "16", "20", "12", "8", "8.01");
        assertEquals(new BigDecimal("80.01"), score(renamed(E80, "E1"), e8001).score());
        // 70, 70, 70, 70.02 (four experts, none dropped): 280.02 / 4 = 70.005 → 70.01.
        ExpertScore e7002 = sheet("D", "14", "14", "17", "11", "7", "7.02");
        assertEquals(new BigDecimal("70.01"),
                score(renamed(E70, "A"), renamed(E70, "B"), renamed(E70, "C"), e7002).score());
    }

    @Test
    void aThirdDecimalBelowFiveRoundsDown() {
        // 80.00 and 80.009: 160.009 / 2 = 80.0045 → 80.00.
        ExpertScore e80009 = sheet("E2", "16", "16", "20", "12", "8", "8.009");
        assertEquals(new BigDecimal("80.00"), score(renamed(E80, "E1"), e80009).score());
    }

    @Test
    void fullAndZeroMarksAreAccepted() {
        // (100 + 0) / 2 = 50.00.
        ExpertScore full = sheet("E1", "20", "20", "25", "15", "10", "10");
        ExpertScore none = sheet("E2", "0", "0", "0", "0", "0", "0");
        assertEquals(new BigDecimal("50.00"), score(full, none).score());
    }

    private InvalidInputException rejected(ExpertScore... sheets) {
        return assertThrows(InvalidInputException.class, () -> score(sheets));
    }

    @Test
    void anUnknownItemIsNamed() {
        InvalidInputException e = rejected(E90, with(E70, "INNOVATION", "5"));
        assertEquals("reviews[LH2024-003].expertScores[E2].items.INNOVATION", e.field());
        assertEquals("申报 LH2024-003 专家 E2 的评分项 INNOVATION 不在评分细则中高技能人才培训基地的评分表内，该类的评分项应为：FOUNDATION（基础条件）、FACULTY（师资力量）、"
                + "TRAINING_PERFORMANCE（培训业绩）、INDUSTRY_FIT（产业契合度）、MANAGEMENT（管理制度）、PLAN（建设方案与示范效应）", e.problem());
    }

    @Test
    void aMissingItemIsNamed() {
        InvalidInputException e = rejected(E90, with(E70, "FACULTY", null));
        assertEquals("reviews[LH2024-003].expertScores[E2].items.FACULTY", e.field());
        assertEquals("申报 LH2024-003 专家 E2 的评分项 FACULTY（师资力量）没有打分：每位专家须对每个评分项打分", e.problem());
    }

    @Test
    void negativePointsAreNamed() {
        InvalidInputException e = rejected(E90, with(E70, "FACULTY", "-1"));
        assertEquals("reviews[LH2024-003].expertScores[E2].items.FACULTY", e.field());
        assertEquals("申报 LH2024-003 专家 E2 的评分项 FACULTY（师资力量）的得分 -1 不能为负数", e.problem());
    }

    @Test
    void pointsAboveTheItemsMaximumAreNamed() {
        InvalidInputException e = rejected(E90, with(E70, "FACULTY", "20.5"));
        assertEquals("reviews[LH2024-003].expertScores[E2].items.FACULTY", e.field());
        assertEquals("申报 LH2024-003 专家 E2 的评分项 FACULTY（师资力量）的得分 20.5 超过该项满分 20", e.problem());
    }

    @Test
    void aRepeatedExpertIsNamed() {
        InvalidInputException e = rejected(E90, E70, E75);
        assertEquals("reviews[LH2024-003].expertScores[E2]", e.field());
        assertEquals("申报 LH2024-003 中专家 E2 的评分出现了不止一次：每位专家对每个申报只能有一份评分", e.problem());
    }

    @Test
    void aReviewWithoutExpertsIsNamed() {
        InvalidInputException e = rejected();
        assertEquals("reviews[LH2024-003].expertScores", e.field());
        assertEquals("申报 LH2024-003 没有任何专家评分：评审须由专家打分，至少需要一位专家的评分", e.problem());
    }
}

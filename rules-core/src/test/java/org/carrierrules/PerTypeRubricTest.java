package org.carrierrules;

import static org.carrierrules.CarrierType.HIGH_SKILL_TRAINING_BASE;
import static org.carrierrules.CarrierType.RURAL_REVITALIZATION_STATION;
import static org.carrierrules.CarrierType.SKILL_MASTER_STUDIO;
import static org.carrierrules.Rounds.accepted;
import static org.carrierrules.Rounds.round;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.carrierrules.allocation.Allocation;
import org.carrierrules.allocation.AllocationEntry;
import org.carrierrules.allocation.AllocationReason;
import org.carrierrules.allocation.AllocationSettings;
import org.carrierrules.allocation.AllocationStatus;
import org.carrierrules.allocation.ExpertReview;
import org.carrierrules.allocation.ExpertScore;
import org.carrierrules.application.Application;
import org.carrierrules.internal.allocation.ExpertSheets;

/**
 * A round whose carrier types are scored on different tables (四(四) 评审打分; test resource
 * {@code per-type-rubric/}): 高技能人才培训基地 on the common items with passing score 65, 技能大师工作室 on items of
 * its own with passing score 70 and trimming from 3 experts, 乡村振兴技能工作站 on the common table (60). Every
 * score is worked out by hand in the comments.
 */
class PerTypeRubricTest {
    /** The studio table's items and their full marks, written out by hand: 30 + 30 + 20 + 20 = 100. */
    private static final Map<String, BigDecimal> STUDIO_SHARES = studioShares();

    @TempDir
    static Path temp;
    private static CarrierRules perType;

    @BeforeAll
    static void load() {
        perType = CarrierRules.fromDirectory(PolicyCopies.copyWith(temp, "per-type-rubric"));
    }

    private static Map<String, BigDecimal> studioShares() {
        Map<String, BigDecimal> shares = new LinkedHashMap<>();
        shares.put("MASTER_SKILL", new BigDecimal("0.30"));
        shares.put("INHERITANCE", new BigDecimal("0.30"));
        shares.put("TECHNICAL_BREAKTHROUGH", new BigDecimal("0.20"));
        shares.put("PLAN", new BigDecimal("0.20"));
        return shares;
    }

    /** A studio expert's sheet totalling {@code total}, spread over the studio items by their full marks: 80 is 24 + 24 + 16 + 16. */
    private static ExpertScore studioSheet(String expert, String total) {
        Map<String, BigDecimal> items = new LinkedHashMap<>();
        STUDIO_SHARES.forEach((code, share) -> items.put(code, new BigDecimal(total).multiply(share)));
        return new ExpertScore(expert, items);
    }

    /** A studio review, site visit passed, its experts E1, E2, … giving these totals on the studio items. */
    private static ExpertReview studioReview(String applicationId, String... totals) {
        List<ExpertScore> sheets = new ArrayList<>();
        for (int i = 0; i < totals.length; i++) {
            sheets.add(studioSheet("E" + (i + 1), totals[i]));
        }
        return new ExpertReview(applicationId, true, sheets);
    }

    private static AllocationEntry entry(Allocation allocation, String id) {
        return allocation.entry(id).orElseThrow(() -> new AssertionError("no entry for " + id));
    }

    private static void assertEntry(Allocation allocation, String id, AllocationStatus status, String score, Integer rank, String... codes) {
        AllocationEntry entry = entry(allocation, id);
        assertEquals(status, entry.status(), id);
        assertEquals(new BigDecimal(score), entry.score(), id);
        assertEquals(rank, entry.rank(), id);
        assertEquals(List.of(codes), entry.reasons().stream().map(AllocationReason::code).toList(), id);
    }

    /**
     * 技能大师工作室 (2 places, passing score 70): S1 85, S2 75 and S3 72 are scored on the studio items and ranked
     * 1 to 3; S1 and S2 are candidates, S3 is outside the quota; S4's 69 is below the studio's 70.
     */
    @Test
    void studiosScoredOnTheStudioItemsAreRanked() {
        List<Application> applications = List.of(
                accepted("S1", SKILL_MASTER_STUDIO, "2024-08-13T09:00"),
                accepted("S2", SKILL_MASTER_STUDIO, "2024-08-14T09:00"),
                accepted("S3", SKILL_MASTER_STUDIO, "2024-08-15T09:00"),
                accepted("S4", SKILL_MASTER_STUDIO, "2024-08-16T09:00"));
        Allocation allocation = perType.allocate(round(applications,
                List.of(studioReview("S1", "85"), studioReview("S2", "75"), studioReview("S3", "72"), studioReview("S4", "69")), List.of()));

        assertEntry(allocation, "S1", AllocationStatus.CANDIDATE, "85.00", 1, "WITHIN_QUOTA");
        assertEntry(allocation, "S2", AllocationStatus.CANDIDATE, "75.00", 2, "WITHIN_QUOTA");
        assertEntry(allocation, "S3", AllocationStatus.NOT_SELECTED, "72.00", 3, "QUOTA_FILLED");
        assertEntry(allocation, "S4", AllocationStatus.NOT_RANKED, "69.00", null, "BELOW_PASSING_SCORE");
        assertEquals("专家评审得分69.00分，未达到合格分70分，不参加排名", entry(allocation, "S4").reasons().get(0).message());
    }

    @Test
    void aStudioSheetWithAnItemOfTheBasesTableIsRefusedNamingTheFieldAndTheStudioItems() {
        ExpertScore withFaculty = ExpertSheets.with(studioSheet("E2", "80"), "FACULTY", "15");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> perType.allocate(round(
                List.of(accepted("S1", SKILL_MASTER_STUDIO, "2024-08-13T09:00")),
                List.of(new ExpertReview("S1", true, List.of(studioSheet("E1", "80"), withFaculty))), List.of())));
        assertEquals("reviews[S1].expertScores[E2].items.FACULTY", e.field());
        assertEquals("申报 S1 专家 E2 的评分项 FACULTY 不在评分细则中技能大师工作室的评分表内，该类的评分项应为：MASTER_SKILL（大师技艺水平）、"
                + "INHERITANCE（技艺传承与带徒）、TECHNICAL_BREAKTHROUGH（技术攻关成果）、PLAN（建设方案与示范效应）", e.problem());
    }

    @Test
    void aBaseSheetWithAnItemOfTheStudiosTableIsRefused() {
        ExpertScore withMastery = ExpertSheets.with(ExpertSheets.totalling("E1", "80"), "MASTER_SKILL", "20");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> perType.allocate(round(
                List.of(accepted("H1", HIGH_SKILL_TRAINING_BASE, "2024-08-13T09:00")),
                List.of(new ExpertReview("H1", true, List.of(withMastery))), List.of())));
        assertEquals("reviews[H1].expertScores[E1].items.MASTER_SKILL", e.field());
    }

    @Test
    void aStudioSheetOnTheCommonItemsIsRefused() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> perType.allocate(round(
                List.of(accepted("S1", SKILL_MASTER_STUDIO, "2024-08-13T09:00")), List.of(Rounds.scored("S1", "80")), List.of())));
        // The first item not in the studio's table, by code.
        assertEquals("reviews[S1].expertScores[E1].items.FACULTY", e.field());
    }

    /**
     * The same 62 points: below the bases' 65, so H1 is not ranked, while R1 reaches the stations' 60 and is the
     * candidate; in the bundled round, one passing score of 60 for all, H1 is a candidate too. S1's 68 is below the
     * studios' 70.
     */
    @Test
    void thePassingScoreOfEachTypeDecidesWhoIsRanked() {
        List<Application> applications = List.of(
                accepted("H1", HIGH_SKILL_TRAINING_BASE, "2024-08-13T09:00"),
                accepted("R1", RURAL_REVITALIZATION_STATION, "2024-08-13T09:00"));
        List<ExpertReview> reviews = List.of(Rounds.scored("H1", "62"), Rounds.scored("R1", "62"));

        Allocation perTypeOutcome = perType.allocate(round(applications, reviews, List.of()));
        assertEntry(perTypeOutcome, "H1", AllocationStatus.NOT_RANKED, "62.00", null, "BELOW_PASSING_SCORE");
        assertEquals("专家评审得分62.00分，未达到合格分65分，不参加排名", entry(perTypeOutcome, "H1").reasons().get(0).message());
        assertEntry(perTypeOutcome, "R1", AllocationStatus.CANDIDATE, "62.00", 1, "WITHIN_QUOTA");

        Allocation bundledOutcome = CarrierRules.bundled().allocate(round(applications, reviews, List.of()));
        assertEntry(bundledOutcome, "H1", AllocationStatus.CANDIDATE, "62.00", 1, "WITHIN_QUOTA");
        assertEntry(bundledOutcome, "R1", AllocationStatus.CANDIDATE, "62.00", 1, "WITHIN_QUOTA");

        Allocation studio = perType.allocate(round(List.of(accepted("S1", SKILL_MASTER_STUDIO, "2024-08-13T09:00")),
                List.of(studioReview("S1", "68")), List.of()));
        assertEntry(studio, "S1", AllocationStatus.NOT_RANKED, "68.00", null, "BELOW_PASSING_SCORE");
    }

    /**
     * Three experts giving 70, 80 and 99: the studio's table drops the highest and lowest from 3 experts on, so
     * S1 has 80.00; the bases' (from 5) keeps all three, so H1 has (70 + 80 + 99) / 3 = 83.00.
     */
    @Test
    void eachTypeTrimsFromItsOwnNumberOfExperts() {
        Allocation allocation = perType.allocate(round(
                List.of(accepted("S1", SKILL_MASTER_STUDIO, "2024-08-13T09:00"), accepted("H1", HIGH_SKILL_TRAINING_BASE, "2024-08-13T09:00")),
                List.of(studioReview("S1", "70", "80", "99"), Rounds.review("H1", true, "70", "80", "99")), List.of()));
        assertEquals(new BigDecimal("80.00"), entry(allocation, "S1").score());
        assertEquals(new BigDecimal("83.00"), entry(allocation, "H1").score());
    }

    @Test
    void theSettingsGiveEachTypesScoring() {
        AllocationSettings settings = perType.allocationSettings();
        assertEquals(Map.of(
                HIGH_SKILL_TRAINING_BASE, new AllocationSettings.Scoring(new BigDecimal("100"), new BigDecimal("65"), 5),
                SKILL_MASTER_STUDIO, new AllocationSettings.Scoring(new BigDecimal("100"), new BigDecimal("70"), 3),
                RURAL_REVITALIZATION_STATION, new AllocationSettings.Scoring(new BigDecimal("100"), new BigDecimal("60"), 5)),
                settings.byCarrierType());
        // The figures at the top are the first open type's, 高技能人才培训基地.
        assertEquals(new BigDecimal("65"), settings.passingScore());
        assertEquals(5, settings.trimFromExperts());

        AllocationSettings bundled = CarrierRules.bundled().allocationSettings();
        assertEquals(new BigDecimal("60"), bundled.passingScore());
        for (CarrierType type : CarrierType.values()) {
            assertEquals(new AllocationSettings.Scoring(new BigDecimal("100"), new BigDecimal("60"), 5), bundled.byCarrierType().get(type));
        }
    }
}

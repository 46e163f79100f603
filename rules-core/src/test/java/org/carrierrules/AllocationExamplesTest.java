package org.carrierrules;

import static org.carrierrules.CarrierType.HIGH_SKILL_TRAINING_BASE;
import static org.carrierrules.CarrierType.RURAL_REVITALIZATION_STATION;
import static org.carrierrules.CarrierType.SKILL_MASTER_STUDIO;
import static org.carrierrules.Rounds.accepted;
import static org.carrierrules.Rounds.ineligible;
import static org.carrierrules.Rounds.review;
import static org.carrierrules.Rounds.round;
import static org.carrierrules.Rounds.scored;
import static org.carrierrules.Rounds.toSupplement;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.carrierrules.allocation.Allocation;
import org.carrierrules.allocation.AllocationEntry;
import org.carrierrules.allocation.AllocationReason;
import org.carrierrules.allocation.AllocationStatus;
import org.carrierrules.allocation.ExpertReview;
import org.carrierrules.allocation.Objection;
import org.carrierrules.allocation.RoundSubmission;
import org.carrierrules.application.Application;
import org.carrierrules.notice.CalendarYearMissingException;

/**
 * Examples of the round's outcome (三 名额, 四(四) 评审, 四(五) 公示) on the bundled round: quotas 3 / 2 / 1,
 * passing score 60, no backfill after an upheld objection. Every score, rank and status is worked out
 * by hand in the comments.
 */
class AllocationExamplesTest {
    private static final CarrierRules RULES = CarrierRules.bundled();

    private static AllocationEntry entry(Allocation allocation, String id) {
        return allocation.entry(id).orElseThrow(() -> new AssertionError("no entry for " + id));
    }

    private static void assertEntry(Allocation allocation, String id, AllocationStatus status, String score, Integer rank,
                                    String... codes) {
        AllocationEntry entry = entry(allocation, id);
        assertEquals(status, entry.status(), id);
        assertEquals(score == null ? null : new BigDecimal(score), entry.score(), id);
        assertEquals(rank, entry.rank(), id);
        assertEquals(List.of(codes), entry.reasons().stream().map(AllocationReason::code).toList(), id);
        entry.reasons().forEach(r -> assertFalse(r.message().isBlank() || r.rule().isBlank(), r::toString));
    }

    private static String message(Allocation allocation, String id, String code) {
        return entry(allocation, id).reasons(code).get(0).message();
    }

    /**
     * 高技能人才培训基地 (3 places): H1 90, H2 85 (objection upheld), H3 80, H4 75 and H10 60 are ranked 1 to 5;
     * H1 and H3 are candidates, H2's place stays vacant, H4 and H10 are outside the quota. H5 (需补正) and H6
     * (机关) are not accepted, H7 has no review, H8 failed the site visit, H9 has 59.99 < 60.
     * 技能大师工作室 (2 places): nobody applied, both places vacant and not given to another type.
     * 乡村振兴技能工作站 (1 place): R1 70 with an objection not upheld is the candidate; R2 failed the site visit
     * and scored 50.
     */
    @Test
    void everyStatusAndReasonOfOneRound() {
        List<Application> applications = List.of(
                accepted("H1", HIGH_SKILL_TRAINING_BASE, "2024-08-13T09:00"),
                accepted("H2", HIGH_SKILL_TRAINING_BASE, "2024-08-14T09:00"),
                accepted("H3", HIGH_SKILL_TRAINING_BASE, "2024-08-15T09:00"),
                accepted("H4", HIGH_SKILL_TRAINING_BASE, "2024-08-16T09:00"),
                toSupplement(accepted("H5", HIGH_SKILL_TRAINING_BASE, "2024-08-16T10:00")),
                ineligible(accepted("H6", HIGH_SKILL_TRAINING_BASE, "2024-08-16T11:00")),
                accepted("H7", HIGH_SKILL_TRAINING_BASE, "2024-08-17T09:00"),
                accepted("H8", HIGH_SKILL_TRAINING_BASE, "2024-08-18T09:00"),
                accepted("H9", HIGH_SKILL_TRAINING_BASE, "2024-08-19T09:00"),
                accepted("H10", HIGH_SKILL_TRAINING_BASE, "2024-08-20T09:00"),
                accepted("R1", RURAL_REVITALIZATION_STATION, "2024-08-21T09:00"),
                accepted("R2", RURAL_REVITALIZATION_STATION, "2024-08-22T09:00"));
        List<ExpertReview> reviews = List.of(scored("H1", "90"), scored("H2", "85"), scored("H3", "80"), scored("H4", "75"),
                scored("H5", "95"), review("H8", false, "88", "88", "88"), scored("H9", "59.99"), scored("H10", "60"),
                scored("R1", "70"), review("R2", false, "50", "50", "50"));
        List<Objection> objections = List.of(new Objection("H2", true), new Objection("R1", false));

        Allocation allocation = RULES.allocate(round(applications, reviews, objections));

        assertEquals(applications.stream().map(Application::id).toList(),
                allocation.entries().stream().map(AllocationEntry::applicationId).toList());
        assertEntry(allocation, "H1", AllocationStatus.CANDIDATE, "90.00", 1, "WITHIN_QUOTA");
        assertEntry(allocation, "H2", AllocationStatus.REMOVED_BY_OBJECTION, "85.00", 2, "OBJECTION_UPHELD");
        assertEntry(allocation, "H3", AllocationStatus.CANDIDATE, "80.00", 3, "WITHIN_QUOTA");
        assertEntry(allocation, "H4", AllocationStatus.NOT_SELECTED, "75.00", 4, "QUOTA_FILLED");
        assertEntry(allocation, "H5", AllocationStatus.NOT_RANKED, "95.00", null, "NOT_ACCEPTED");
        assertEntry(allocation, "H6", AllocationStatus.NOT_RANKED, null, null, "NOT_ACCEPTED");
        assertEntry(allocation, "H7", AllocationStatus.NOT_RANKED, null, null, "NOT_REVIEWED");
        assertEntry(allocation, "H8", AllocationStatus.NOT_RANKED, "88.00", null, "SITE_VISIT_FAILED");
        assertEntry(allocation, "H9", AllocationStatus.NOT_RANKED, "59.99", null, "BELOW_PASSING_SCORE");
        assertEntry(allocation, "H10", AllocationStatus.NOT_SELECTED, "60.00", 5, "QUOTA_FILLED");
        assertEntry(allocation, "R1", AllocationStatus.CANDIDATE, "70.00", 1, "WITHIN_QUOTA", "OBJECTION_NOT_UPHELD");
        assertEntry(allocation, "R2", AllocationStatus.NOT_RANKED, "50.00", null, "SITE_VISIT_FAILED", "BELOW_PASSING_SCORE");
        assertEquals(Map.of(HIGH_SKILL_TRAINING_BASE, 1, SKILL_MASTER_STUDIO, 2, RURAL_REVITALIZATION_STATION, 0),
                allocation.vacancies());
        assertEquals(RULES.policy(), allocation.policy());

        assertEquals("在高技能人才培训基地中排名第4，本类名额3家已满，未列入候选名单", message(allocation, "H4", "QUOTA_FILLED"));
        assertEquals("在高技能人才培训基地中排名第2列入候选名单，公示期间异议成立，取消候选资格；本轮不递补，该名额空缺",
                message(allocation, "H2", "OBJECTION_UPHELD"));
        assertEquals("受理审查结论为“需补正”，未予受理的申报不参加评审排名", message(allocation, "H5", "NOT_ACCEPTED"));
        assertEquals("专家评审得分59.99分，未达到合格分60分，不参加排名", message(allocation, "H9", "BELOW_PASSING_SCORE"));
    }

    @Test
    void everyReasonCitesItsClause() {
        Allocation allocation = RULES.allocate(round(
                List.of(accepted("H1", HIGH_SKILL_TRAINING_BASE, "2024-08-13T09:00"),
                        accepted("H2", HIGH_SKILL_TRAINING_BASE, "2024-08-14T09:00"),
                        accepted("H7", HIGH_SKILL_TRAINING_BASE, "2024-08-17T09:00"),
                        toSupplement(accepted("H5", HIGH_SKILL_TRAINING_BASE, "2024-08-16T10:00"))),
                List.of(scored("H1", "90"), scored("H2", "85")),
                List.of(new Objection("H2", true))));
        assertEquals("三", entry(allocation, "H1").reasons().get(0).clause());
        assertEquals("四(五)", entry(allocation, "H2").reasons().get(0).clause());
        assertEquals("四(四)", entry(allocation, "H7").reasons().get(0).clause());
        assertEquals("四(三)", entry(allocation, "H5").reasons().get(0).clause());
    }

    @Test
    void fiveExpertsDropTheHighestAndLowestAndThreeDoNot() {
        // Five experts 90, 70, 99, 80, 85: drop 70 and 99, (90 + 80 + 85) / 3 = 85.00.
        // Three experts 70, 75, 81: (70 + 75 + 81) / 3 = 226 / 3 = 75.333… → 75.33.
        Allocation allocation = RULES.allocate(round(
                List.of(accepted("S1", SKILL_MASTER_STUDIO, "2024-08-20T09:00"), accepted("S2", SKILL_MASTER_STUDIO, "2024-08-20T10:00")),
                List.of(review("S1", true, "90", "70", "99", "80", "85"), review("S2", true, "70", "75", "81")),
                List.of()));
        assertEntry(allocation, "S1", AllocationStatus.CANDIDATE, "85.00", 1, "WITHIN_QUOTA");
        assertEntry(allocation, "S2", AllocationStatus.CANDIDATE, "75.33", 2, "WITHIN_QUOTA");
    }

    @Test
    void aTieAcrossTheQuotaLineIsDecidedBySubmissionTime() {
        // 技能大师工作室, 2 places: S1 90; S2 and S3 both 80, S3 submitted a day earlier, so S3 is second and S2 third.
        Allocation allocation = RULES.allocate(round(
                List.of(accepted("S1", SKILL_MASTER_STUDIO, "2024-08-19T09:00"),
                        accepted("S2", SKILL_MASTER_STUDIO, "2024-08-21T10:00"),
                        accepted("S3", SKILL_MASTER_STUDIO, "2024-08-20T10:00")),
                List.of(scored("S1", "90"), scored("S2", "80"), scored("S3", "80")),
                List.of()));
        assertEntry(allocation, "S1", AllocationStatus.CANDIDATE, "90.00", 1, "WITHIN_QUOTA");
        assertEntry(allocation, "S3", AllocationStatus.CANDIDATE, "80.00", 2, "WITHIN_QUOTA", "TIE_BROKEN_BY_SUBMISSION_TIME");
        assertEntry(allocation, "S2", AllocationStatus.NOT_SELECTED, "80.00", 3, "QUOTA_FILLED", "TIE_BROKEN_BY_SUBMISSION_TIME");
        assertEquals("与S2评审得分相同（80.00分），因提交时间较早排在其前，列入候选名单",
                message(allocation, "S3", "TIE_BROKEN_BY_SUBMISSION_TIME"));
        assertEquals("与S3评审得分相同（80.00分），因提交时间较晚排在其后，未能列入候选名单",
                message(allocation, "S2", "TIE_BROKEN_BY_SUBMISSION_TIME"));
    }

    @Test
    void aTieThatDecidesNoPlaceIsNotReported() {
        // 高技能人才培训基地, 3 places: H1 and H2 both 80 are both candidates; the earlier H2 ranks first.
        Allocation allocation = RULES.allocate(round(
                List.of(accepted("H1", HIGH_SKILL_TRAINING_BASE, "2024-08-21T10:00"), accepted("H2", HIGH_SKILL_TRAINING_BASE, "2024-08-20T10:00")),
                List.of(scored("H1", "80"), scored("H2", "80")),
                List.of()));
        assertEntry(allocation, "H2", AllocationStatus.CANDIDATE, "80.00", 1, "WITHIN_QUOTA");
        assertEntry(allocation, "H1", AllocationStatus.CANDIDATE, "80.00", 2, "WITHIN_QUOTA");
    }

    @Test
    void aTieAtTheSameMomentIsDecidedById() {
        // 乡村振兴技能工作站, 1 place: LH-B and LH-A both 77, submitted at the same moment: LH-A comes first.
        Allocation allocation = RULES.allocate(round(
                List.of(accepted("LH-B", RURAL_REVITALIZATION_STATION, "2024-08-20T10:00"),
                        accepted("LH-A", RURAL_REVITALIZATION_STATION, "2024-08-20T10:00")),
                List.of(scored("LH-B", "77"), scored("LH-A", "77")),
                List.of()));
        assertEntry(allocation, "LH-A", AllocationStatus.CANDIDATE, "77.00", 1, "WITHIN_QUOTA", "TIE_BROKEN_BY_ID");
        assertEntry(allocation, "LH-B", AllocationStatus.NOT_SELECTED, "77.00", 2, "QUOTA_FILLED", "TIE_BROKEN_BY_ID");
    }

    @Test
    void anUnusedQuotaStaysVacantAndNeverMovesToAnotherType() {
        // Five ranked 高技能人才培训基地 applications and no other type: still only 3 candidates, 2 + 1 places vacant.
        List<Application> applications = List.of(
                accepted("H1", HIGH_SKILL_TRAINING_BASE, "2024-08-13T09:00"), accepted("H2", HIGH_SKILL_TRAINING_BASE, "2024-08-14T09:00"),
                accepted("H3", HIGH_SKILL_TRAINING_BASE, "2024-08-15T09:00"), accepted("H4", HIGH_SKILL_TRAINING_BASE, "2024-08-16T09:00"),
                accepted("H5", HIGH_SKILL_TRAINING_BASE, "2024-08-17T09:00"));
        Allocation allocation = RULES.allocate(round(applications,
                List.of(scored("H1", "95"), scored("H2", "90"), scored("H3", "85"), scored("H4", "80"), scored("H5", "75")), List.of()));
        assertEquals(List.of("H1", "H2", "H3"), allocation.entries(HIGH_SKILL_TRAINING_BASE, AllocationStatus.CANDIDATE).stream()
                .map(AllocationEntry::applicationId).toList());
        assertEquals(List.of("H4", "H5"), allocation.entries(HIGH_SKILL_TRAINING_BASE, AllocationStatus.NOT_SELECTED).stream()
                .map(AllocationEntry::applicationId).toList());
        assertEquals(Map.of(HIGH_SKILL_TRAINING_BASE, 0, SKILL_MASTER_STUDIO, 2, RURAL_REVITALIZATION_STATION, 1), allocation.vacancies());
    }

    /** H1 90, H2 85, H3 80, H4 75, H5 70, all 高技能人才培训基地 (3 places); an objection against H2 is upheld. */
    private static RoundSubmission objectionToTheSecond(Objection... more) {
        List<Objection> objections = new java.util.ArrayList<>(List.of(new Objection("H2", true)));
        objections.addAll(List.of(more));
        return round(List.of(
                        accepted("H1", HIGH_SKILL_TRAINING_BASE, "2024-08-13T09:00"), accepted("H2", HIGH_SKILL_TRAINING_BASE, "2024-08-14T09:00"),
                        accepted("H3", HIGH_SKILL_TRAINING_BASE, "2024-08-15T09:00"), accepted("H4", HIGH_SKILL_TRAINING_BASE, "2024-08-16T09:00"),
                        accepted("H5", HIGH_SKILL_TRAINING_BASE, "2024-08-17T09:00")),
                List.of(scored("H1", "90"), scored("H2", "85"), scored("H3", "80"), scored("H4", "75"), scored("H5", "70")),
                objections);
    }

    @Test
    void anUpheldObjectionLeavesThePlaceVacantByDefault() {
        Allocation allocation = RULES.allocate(objectionToTheSecond());
        assertEntry(allocation, "H1", AllocationStatus.CANDIDATE, "90.00", 1, "WITHIN_QUOTA");
        assertEntry(allocation, "H2", AllocationStatus.REMOVED_BY_OBJECTION, "85.00", 2, "OBJECTION_UPHELD");
        assertEntry(allocation, "H3", AllocationStatus.CANDIDATE, "80.00", 3, "WITHIN_QUOTA");
        assertEntry(allocation, "H4", AllocationStatus.NOT_SELECTED, "75.00", 4, "QUOTA_FILLED");
        assertEntry(allocation, "H5", AllocationStatus.NOT_SELECTED, "70.00", 5, "QUOTA_FILLED");
        assertEquals(1, allocation.vacancies().get(HIGH_SKILL_TRAINING_BASE));
    }

    @Test
    void withBackfillTheNextRankedTakesThePlace(@TempDir Path temp) {
        CarrierRules backfilling = backfilling(temp);

        Allocation allocation = backfilling.allocate(objectionToTheSecond());

        assertEntry(allocation, "H2", AllocationStatus.REMOVED_BY_OBJECTION, "85.00", 2, "OBJECTION_UPHELD");
        assertEntry(allocation, "H4", AllocationStatus.CANDIDATE, "75.00", 4, "BACKFILLED_AFTER_OBJECTION");
        assertEntry(allocation, "H5", AllocationStatus.NOT_SELECTED, "70.00", 5, "QUOTA_FILLED");
        assertEquals(0, allocation.vacancies().get(HIGH_SKILL_TRAINING_BASE));
        assertEquals("在高技能人才培训基地中排名第2列入候选名单，公示期间异议成立，取消候选资格；该名额由同类中排名其后的单位依次递补",
                message(allocation, "H2", "OBJECTION_UPHELD"));
        assertEquals("在高技能人才培训基地中排名第4，排名在前的候选单位公示期间异议成立被取消，依次递补列入候选名单",
                message(allocation, "H4", "BACKFILLED_AFTER_OBJECTION"));
    }

    @Test
    void backfillPassesOverAnotherUpheldObjection(@TempDir Path temp) {
        // H2 and H4 both removed: H1, H3 and then H5 are the candidates.
        Allocation allocation = backfilling(temp).allocate(objectionToTheSecond(new Objection("H4", true)));
        assertEntry(allocation, "H4", AllocationStatus.REMOVED_BY_OBJECTION, "75.00", 4, "OBJECTION_UPHELD");
        assertEntry(allocation, "H5", AllocationStatus.CANDIDATE, "70.00", 5, "BACKFILLED_AFTER_OBJECTION");
        assertEquals(0, allocation.vacancies().get(HIGH_SKILL_TRAINING_BASE));
    }

    @Test
    void anObjectionToAnApplicationThatWasNeverRankedChangesNothing() {
        Allocation allocation = RULES.allocate(round(
                List.of(accepted("H1", HIGH_SKILL_TRAINING_BASE, "2024-08-13T09:00"), accepted("H7", HIGH_SKILL_TRAINING_BASE, "2024-08-17T09:00")),
                List.of(scored("H1", "90")),
                List.of(new Objection("H7", true))));
        assertEntry(allocation, "H1", AllocationStatus.CANDIDATE, "90.00", 1, "WITHIN_QUOTA");
        assertEntry(allocation, "H7", AllocationStatus.NOT_RANKED, null, null, "NOT_REVIEWED", "OBJECTION_UPHELD");
    }

    @Test
    void quotasComeFromTheRoundData(@TempDir Path temp) {
        Path policy = PolicyCopies.copy(temp);
        PolicyCopies.edit(policy, "round.yaml", "SKILL_MASTER_STUDIO: 2", "SKILL_MASTER_STUDIO: 1");
        CarrierRules oneStudio = CarrierRules.fromDirectoryUntested(policy);

        Allocation allocation = oneStudio.allocate(round(
                List.of(accepted("S1", SKILL_MASTER_STUDIO, "2024-08-19T09:00"), accepted("S2", SKILL_MASTER_STUDIO, "2024-08-20T09:00")),
                List.of(scored("S1", "90"), scored("S2", "80")), List.of()));

        assertEntry(allocation, "S1", AllocationStatus.CANDIDATE, "90.00", 1, "WITHIN_QUOTA");
        assertEntry(allocation, "S2", AllocationStatus.NOT_SELECTED, "80.00", 2, "QUOTA_FILLED");
        assertEquals("在技能大师工作室中排名第2，本类名额1家已满，未列入候选名单", message(allocation, "S2", "QUOTA_FILLED"));
        assertEquals(0, allocation.vacancies().get(SKILL_MASTER_STUDIO));
    }

    @Test
    void theNoticeStartsOnTheFirstWorkingDayAfterTheWindowUnlessGiven() {
        RoundSubmission submission = round(List.of(accepted("H1", HIGH_SKILL_TRAINING_BASE, "2024-08-13T09:00")), List.of(), List.of());
        // The window closes Sunday 2024-08-25; Monday 08-26 to Friday 08-30 are five working days.
        Allocation byDefault = RULES.allocate(submission);
        assertEquals(LocalDate.parse("2024-08-26"), byDefault.noticePeriod().start());
        assertEquals(LocalDate.parse("2024-08-30"), byDefault.noticePeriod().end());
        assertFalse(byDefault.noticeStartGiven());
        // holidays.md's worked example: from Wednesday 2024-09-11, 09-14 worked, 09-15..17 off, so 09-18.
        Allocation given = RULES.allocate(submission, LocalDate.parse("2024-09-11"));
        assertEquals(LocalDate.parse("2024-09-18"), given.noticePeriod().end());
        assertTrue(given.noticeStartGiven());
    }

    @Test
    void theNoticePeriodOfTheFacade() {
        assertEquals(LocalDate.parse("2024-09-18"), RULES.noticePeriod(LocalDate.parse("2024-09-11")).end());
        // Two working days from Saturday 2024-09-28: Sunday 09-29 (调休上班) and Monday 09-30.
        assertEquals(List.of(LocalDate.parse("2024-09-29"), LocalDate.parse("2024-09-30")),
                RULES.noticePeriod(LocalDate.parse("2024-09-28"), 2).workingDays());
        // Monday 2025-12-29, 30, 31, then 2026, for which there is no calendar.
        CalendarYearMissingException missing = org.junit.jupiter.api.Assertions.assertThrows(CalendarYearMissingException.class,
                () -> RULES.noticePeriod(LocalDate.parse("2025-12-29")));
        assertEquals(2026, missing.year());
    }

    @Test
    void anApplicationWithoutAReviewHasNeitherScoreNorRank() {
        Allocation allocation = RULES.allocate(round(List.of(accepted("H7", HIGH_SKILL_TRAINING_BASE, "2024-08-17T09:00")), List.of(), List.of()));
        assertNull(entry(allocation, "H7").score());
        assertNull(entry(allocation, "H7").rank());
    }

    static CarrierRules backfilling(Path temp) {
        Path policy = PolicyCopies.copy(temp);
        PolicyCopies.edit(policy, "round.yaml", "backfillAfterUpheldObjection: false", "backfillAfterUpheldObjection: true");
        return CarrierRules.fromDirectoryUntested(policy);
    }
}

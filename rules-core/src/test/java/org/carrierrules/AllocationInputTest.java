package org.carrierrules;

import static org.carrierrules.CarrierType.HIGH_SKILL_TRAINING_BASE;
import static org.carrierrules.Rounds.accepted;
import static org.carrierrules.Rounds.round;
import static org.carrierrules.Rounds.scored;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.carrierrules.allocation.ExpertReview;
import org.carrierrules.allocation.ExpertScore;
import org.carrierrules.allocation.Objection;
import org.carrierrules.allocation.RoundSubmission;
import org.carrierrules.application.Application;
import org.carrierrules.internal.allocation.ExpertSheets;
import org.carrierrules.policy.PolicyException;
import org.carrierrules.policy.PolicyProblem;

/**
 * A round that cannot be decided on is refused, naming the application, expert and item; a policy
 * without the allocation stage's data does not load (the data itself: {@link AllocationPolicyTest}).
 */
class AllocationInputTest {
    private static final CarrierRules RULES = CarrierRules.bundled();
    private static final List<Application> TWO = List.of(
            accepted("H1", HIGH_SKILL_TRAINING_BASE, "2024-08-13T09:00"), accepted("H2", HIGH_SKILL_TRAINING_BASE, "2024-08-14T09:00"));

    @Test
    void aReviewOfAnUnknownApplication() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> round(TWO, List.of(scored("H9", "80")), List.of()));
        assertEquals("reviews[H9]", e.field());
        assertEquals("评审结果所属的申报 H9 不在本轮的申报之中，请核对申报编号", e.problem());
    }

    @Test
    void aSecondReviewOfOneApplication() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> round(TWO, List.of(scored("H1", "80"), scored("H1", "70")), List.of()));
        assertEquals("reviews[H1]", e.field());
        assertTrue(e.problem().startsWith("申报 H1 有不止一份评审结果"), e::problem);
    }

    @Test
    void anObjectionToAnUnknownApplication() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> round(TWO, List.of(), List.of(new Objection("H9", true))));
        assertEquals("objections[H9]", e.field());
    }

    @Test
    void theSameApplicationTwice() {
        // One id again is another version (四(三) 补正) only when submitted at another time.
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> round(List.of(TWO.get(0), TWO.get(0)), List.of(), List.of()));
        assertEquals("applications[1].submittedAt", e.field());
    }

    @Test
    void anotherRoundsInput() {
        RoundSubmission futian = new RoundSubmission("futian-2024", TWO, List.of(), List.of());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> RULES.allocate(futian));
        assertEquals("round", e.field());
        assertTrue(e.problem().contains("futian-2024") && e.problem().contains("luohu-2024"), e::problem);
    }

    @Test
    void anItemAboveItsMaximumNamesApplicationExpertAndItem() {
        ExpertScore tooHigh = ExpertSheets.with(ExpertSheets.totalling("E2", "80"), "FACULTY", "21");
        ExpertReview review = new ExpertReview("H2", true, List.of(ExpertSheets.totalling("E1", "80"), tooHigh));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> RULES.allocate(round(TWO, List.of(review), List.of())));
        assertEquals("reviews[H2].expertScores[E2].items.FACULTY", e.field());
        assertEquals("申报 H2 专家 E2 的评分项 FACULTY（师资力量）的得分 21 超过该项满分 20", e.problem());
    }

    @Test
    void aReviewWithoutExperts() {
        ExpertReview none = new ExpertReview("H1", true, List.of());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> RULES.allocate(round(TWO, List.of(none), List.of())));
        assertEquals("reviews[H1].expertScores", e.field());
    }

    @Test
    void aRoundWithoutNoticePeriodDoesNotLoad(@TempDir Path temp) {
        Path policy = PolicyCopies.copy(temp);
        PolicyCopies.edit(policy, "round.yaml", "  workingDays: 5", "  workingDays: 0");
        List<PolicyProblem> problems = assertThrows(PolicyException.class, () -> CarrierRules.fromDirectory(policy)).problems();
        assertEquals(List.of(new PolicyProblem("round.yaml", 50, "noticePeriod.workingDays（公示的工作日天数）应至少为1，实为0")), problems);
    }

    @Test
    void aMissingBackfillSettingIsNamed(@TempDir Path temp) {
        Path policy = PolicyCopies.copy(temp);
        PolicyCopies.edit(policy, "round.yaml", "  backfillAfterUpheldObjection: false\n", "");
        List<PolicyProblem> problems = assertThrows(PolicyException.class, () -> CarrierRules.fromDirectory(policy)).problems();
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).message().contains("allocation.backfillAfterUpheldObjection"), problems.get(0)::message);
    }
}

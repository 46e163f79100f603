package org.carrierrules;

import static org.carrierrules.CarrierType.HIGH_SKILL_TRAINING_BASE;
import static org.carrierrules.Rounds.accepted;
import static org.carrierrules.Rounds.ineligible;
import static org.carrierrules.Rounds.round;
import static org.carrierrules.Rounds.scored;
import static org.carrierrules.Rounds.toSupplement;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.carrierrules.allocation.Allocation;
import org.carrierrules.allocation.AllocationEntry;
import org.carrierrules.allocation.AllocationStatus;
import org.carrierrules.allocation.SubmittedVersion;
import org.carrierrules.allocation.VersionUse;
import org.carrierrules.application.Application;
import org.carrierrules.assessment.Acceptance;
import org.carrierrules.policy.PolicyException;

/**
 * 四(三) 受理: "申报材料不齐全或者不符合法定形式的，应当通知补正材料". An application told to supplement comes back
 * corrected under the same id; the round decides on it when it came by the bundled round's deadline
 * (supplement.deadline: 2024-09-06 18:00 Beijing time, illustrative), and the entry's history shows every version.
 */
class ResubmissionTest {
    private static final CarrierRules RULES = CarrierRules.bundled();

    @TempDir
    Path temp;

    /** The same application as {@code original}, sent at another time (Beijing time), complete. */
    private static Application at(Application original, String beijingTime) {
        return new Application(original.id(), original.carrierType(), Instant.parse(beijingTime + ":00+08:00"),
                original.applicant(), original.materials(), original.paperCopy(), original.electronicCopy(), original.facts());
    }

    private static AllocationEntry entry(Allocation allocation, String id) {
        return allocation.entry(id).orElseThrow();
    }

    private static List<VersionUse> uses(AllocationEntry entry) {
        return entry.history().stream().map(SubmittedVersion::use).toList();
    }

    @Test
    void aCorrectionByTheDeadlineIsDecidedOnAndFiledWhenTheApplicationWas() {
        Application complete = accepted("H1", HIGH_SKILL_TRAINING_BASE, "2024-08-20T09:00");
        Allocation allocation = RULES.allocate(round(List.of(toSupplement(complete), at(complete, "2024-09-02T10:00")),
                List.of(scored("H1", "80")), List.of()));

        AllocationEntry h1 = entry(allocation, "H1");
        assertEquals(AllocationStatus.CANDIDATE, h1.status());
        assertEquals(List.of(VersionUse.SUPERSEDED, VersionUse.DECIDED_ON), uses(h1));
        assertEquals(List.of(Acceptance.SUPPLEMENT_REQUIRED, Acceptance.ACCEPTED),
                h1.history().stream().map(SubmittedVersion::acceptance).toList());
        assertEquals("2024年9月2日10:00:00于申报截止后提交，受理审查结论为“受理”；在补正期限2024年9月6日18:00:00之前，据此决定",
                h1.history().get(1).note());
        assertEquals("四(三)", h1.history().get(1).clause());
        // One assessment per record given, in input order: the correction passes the window, filed on 20 August.
        assertEquals(List.of(Acceptance.SUPPLEMENT_REQUIRED, Acceptance.ACCEPTED),
                allocation.assessments().stream().map(a -> a.acceptance()).toList());
    }

    @Test
    void aCorrectionAfterTheDeadlineIsNotTakenAndTheApplicationStaysToBeSupplemented() {
        Application complete = accepted("H1", HIGH_SKILL_TRAINING_BASE, "2024-08-20T09:00");
        Allocation allocation = RULES.allocate(round(List.of(at(complete, "2024-09-09T09:00"), toSupplement(complete)),
                List.of(scored("H1", "80")), List.of()));

        AllocationEntry h1 = entry(allocation, "H1");
        assertEquals(AllocationStatus.NOT_RANKED, h1.status());
        assertEquals("NOT_ACCEPTED", h1.reasons().get(0).code());
        // In the order submitted, whatever the order given.
        assertEquals(List.of(VersionUse.DECIDED_ON, VersionUse.AFTER_DEADLINE), uses(h1));
        assertTrue(h1.history().get(1).note().endsWith("晚于补正期限2024年9月6日18:00:00，未予采纳"), h1.history().get(1).note());
    }

    @Test
    void aVersionAfterTheWindowOfAnApplicationNotToldToSupplementIsNotTaken() {
        Application complete = accepted("H1", HIGH_SKILL_TRAINING_BASE, "2024-08-20T09:00");
        Allocation allocation = RULES.allocate(round(List.of(ineligible(complete), at(complete, "2024-09-02T10:00")),
                List.of(scored("H1", "80")), List.of()));

        assertEquals(List.of(VersionUse.DECIDED_ON, VersionUse.NOT_CALLED_FOR), uses(entry(allocation, "H1")));
        assertEquals(AllocationStatus.NOT_RANKED, entry(allocation, "H1").status());
    }

    @Test
    void withinTheWindowTheLatestVersionIsTheApplication() {
        Application complete = accepted("H1", HIGH_SKILL_TRAINING_BASE, "2024-08-20T09:00");
        Allocation allocation = RULES.allocate(round(List.of(toSupplement(complete), at(complete, "2024-08-24T09:00")),
                List.of(scored("H1", "80")), List.of()));

        assertEquals(List.of(VersionUse.SUPERSEDED, VersionUse.DECIDED_ON), uses(entry(allocation, "H1")));
        assertEquals(AllocationStatus.CANDIDATE, entry(allocation, "H1").status());
    }

    @Test
    void anApplicationThatCameOnceHasNoHistory() {
        Allocation allocation = RULES.allocate(round(List.of(accepted("H1", HIGH_SKILL_TRAINING_BASE, "2024-08-20T09:00")),
                List.of(scored("H1", "80")), List.of()));
        assertEquals(List.of(), entry(allocation, "H1").history());
    }

    @Test
    void twoVersionsSubmittedAtTheSameTimeAreRefusedNamingTheSecond() {
        Application complete = accepted("H1", HIGH_SKILL_TRAINING_BASE, "2024-08-20T09:00");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> round(List.of(complete, toSupplement(complete)), List.of(), List.of()));
        assertEquals("applications[1].submittedAt", e.field());
    }

    /** A round that sets no deadline takes no correction: the history says so. */
    @Test
    void aRoundWithoutADeadlineTakesNoCorrection() throws IOException {
        Path policy = PolicyCopies.copy(temp);
        String round = Files.readString(policy.resolve("round.yaml"), StandardCharsets.UTF_8);
        Files.writeString(policy.resolve("round.yaml"), round.substring(0, round.indexOf("\nsupplement:")) + "\n", StandardCharsets.UTF_8);
        Application complete = accepted("H1", HIGH_SKILL_TRAINING_BASE, "2024-08-20T09:00");
        Allocation allocation = CarrierRules.fromDirectory(policy).allocate(round(List.of(toSupplement(complete),
                at(complete, "2024-09-02T10:00")), List.of(scored("H1", "80")), List.of()));

        AllocationEntry h1 = entry(allocation, "H1");
        assertEquals(List.of(VersionUse.DECIDED_ON, VersionUse.AFTER_DEADLINE), uses(h1));
        assertTrue(h1.history().get(1).note().endsWith("本轮未设定补正期限，申报截止后提交的版本不予采纳"), h1.history().get(1).note());
        assertNull(h1.history().get(1).clause());
    }

    @Test
    void aDeadlineBeforeTheWindowClosesIsAProblemAtItsLine() {
        Path policy = PolicyCopies.copy(temp);
        PolicyCopies.edit(policy, "round.yaml", "  deadline: 2024-09-06T18:00:00", "  deadline: 2024-08-20T18:00:00");
        PolicyException e = assertThrows(PolicyException.class, () -> CarrierRules.fromDirectoryUntested(policy));
        assertEquals(1, e.problems().size(), e.problems()::toString);
        assertTrue(e.problems().get(0).toString().startsWith("round.yaml 第"), e.problems()::toString);
        assertTrue(e.problems().get(0).message().contains("补正期限（supplement.deadline 2024-08-20T18:00）应晚于申报截止时间"),
                e.problems()::toString);
    }
}

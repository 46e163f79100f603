package org.carrierrules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.carrierrules.allocation.Allocation;
import org.carrierrules.allocation.AllocationEntry;
import org.carrierrules.allocation.AllocationReason;
import org.carrierrules.allocation.AllocationStatus;
import org.carrierrules.allocation.RoundSubmission;
import org.carrierrules.application.Application;
import org.carrierrules.application.FactValues;

/**
 * A policy's own rule of 排名资格 (四(四)), here a district's 失信惩戒名单 on a declared fact, keeps out exactly the
 * applications it names, and the round decides the others as if those had never applied: an application kept out
 * takes no rank, no place and no part in a tie.
 */
class RankingEligibilityPropertiesTest {
    private static final long SEED = 20240825L;
    private static final int EXAMPLES = 120;
    private static final String FLAG = "onDishonestyList";
    private static final String CODE = "ON_DISHONESTY_LIST";

    @TempDir
    static Path temp;
    private static CarrierRules bundled;
    private static CarrierRules withList;

    @BeforeAll
    static void load() throws IOException {
        bundled = CarrierRules.bundled();
        Path policy = PolicyCopies.copy(temp);
        Files.writeString(policy.resolve("facts.yaml"), """
                reference: 示例
                facts:
                  - {key: onDishonestyList, label: 列入失信惩戒名单, type: 是否, clause: 示例}
                """, StandardCharsets.UTF_8);
        Files.writeString(policy.resolve("codes.yaml"), """
                codes:
                  - {code: ON_DISHONESTY_LIST, stage: ALLOCATION, severity: NOT_RANKED, clause: 示例, label: 列入失信惩戒名单}
                """, StandardCharsets.UTF_8);
        Files.writeString(policy.resolve("rules/allocation/dishonesty.dslr"), """
                rule "列入失信惩戒名单的不参加排名"
                    @clause("示例")
                when
                    申请单位的列入失信惩戒名单为是
                then
                    不参加排名，代码 ON_DISHONESTY_LIST：申请单位列入失信惩戒名单，不参加排名
                end
                """, StandardCharsets.UTF_8);
        withList = CarrierRules.fromDirectory(policy);
    }

    /** The round with each application's flag, drawn beside it; an application without a drawn flag is not on the list. */
    private static RoundSubmission flagged(RoundSubmission round, List<Boolean> flags) {
        List<Application> applications = new ArrayList<>();
        for (int i = 0; i < round.applications().size(); i++) {
            boolean on = i < flags.size() && flags.get(i);
            applications.add(round.applications().get(i).withFacts(FactValues.builder().yesNo(FLAG, on).build()));
        }
        return new RoundSubmission(round.round(), applications, round.reviews(), round.objections());
    }

    private static Set<String> onList(RoundSubmission round) {
        return round.applications().stream().filter(a -> Boolean.TRUE.equals(a.facts().values().get(FLAG)))
                .map(Application::id).collect(Collectors.toSet());
    }

    /**
     * The round without the applications on the list, their reviews and objections, and with no facts (the bundled
     * policy declares none and refuses them).
     */
    private static RoundSubmission without(RoundSubmission round, Set<String> ids) {
        return new RoundSubmission(round.round(),
                round.applications().stream().filter(a -> !ids.contains(a.id())).map(a -> a.withFacts(FactValues.none())).toList(),
                round.reviews().stream().filter(r -> !ids.contains(r.applicationId())).toList(),
                round.objections().stream().filter(o -> !ids.contains(o.applicationId())).toList());
    }

    @Test
    void anApplicationOnTheListIsNotRankedForThatReasonWhateverElseHoldsOfIt() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES)
                .forAll(AllocationPropertiesTest.rounds(), lists().of(booleans().all()).ofSizeBetween(0, 24))
                .checkAssert((specs, flags) -> {
                    RoundSubmission round = flagged(AllocationPropertiesTest.submission(specs), flags);
                    Allocation allocation = withList.allocate(round);
                    for (String id : onList(round)) {
                        AllocationEntry entry = allocation.entry(id).orElseThrow();
                        assertEquals(AllocationStatus.NOT_RANKED, entry.status(), id);
                        assertNull(entry.rank(), id);
                        assertTrue(entry.reasons().stream().map(AllocationReason::code).anyMatch(CODE::equals), id);
                    }
                    allocation.entries().stream().filter(e -> !onList(round).contains(e.applicationId()))
                            .forEach(e -> assertTrue(e.reasons().stream().noneMatch(r -> r.code().equals(CODE)), e::toString));
                });
    }

    @Test
    void theOthersAreDecidedAsIfThoseOnTheListHadNeverApplied() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES)
                .forAll(AllocationPropertiesTest.rounds(), lists().of(booleans().all()).ofSizeBetween(0, 24))
                .checkAssert((specs, flags) -> {
                    RoundSubmission round = flagged(AllocationPropertiesTest.submission(specs), flags);
                    Set<String> listed = onList(round);
                    Allocation kept = withList.allocate(round);
                    Allocation alone = bundled.allocate(without(round, listed));
                    List<AllocationEntry> others = kept.entries().stream().filter(e -> !listed.contains(e.applicationId())).toList();
                    assertEquals(alone.entries(), others);
                    assertEquals(alone.vacancies(), kept.vacancies());
                });
    }

    /** Off the list, the policy decides every round exactly as the bundled one: the rule adds nothing of its own. */
    @Test
    void withNobodyOnTheListTheRoundIsDecidedAsByTheBundledPolicy() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(AllocationPropertiesTest.rounds()).checkAssert(specs -> {
            RoundSubmission round = AllocationPropertiesTest.submission(specs);
            Allocation listed = withList.allocate(flagged(round, List.of()));
            assertEquals(bundled.allocate(round).entries(), listed.entries());
        });
    }
}

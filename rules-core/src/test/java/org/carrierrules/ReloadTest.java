package org.carrierrules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.carrierrules.application.Applicant;
import org.carrierrules.application.Application;
import org.carrierrules.assessment.Acceptance;
import org.carrierrules.assessment.Assessment;
import org.carrierrules.policy.PolicyException;
import org.carrierrules.policy.PolicyProblem;
import org.carrierrules.policy.ReloadResult;
import org.carrierrules.policy.ScenarioResult;

/**
 * Reloading a staff-edited policy: a broken edit or one whose scenarios fail never goes live; a
 * good one replaces the old policy atomically, and no decision ever mixes the two.
 */
class ReloadTest {
    /** Registered as “罗湖” only: not one of the district's accepted spellings until the good edit adds it. */
    private static Application shortDistrictName() {
        Application app = ValidApplications.base();
        Applicant a = app.applicant();
        return new Application(app.id(), app.carrierType(), app.submittedAt(),
                new Applicant(a.name(), a.creditCode(), a.type(), true, true, "罗湖"), app.materials(), app.paperCopy(),
                app.electronicCopy());
    }

    private static final String ALSO_WRITTEN = "alsoWritten: [深圳市罗湖区, 广东省深圳市罗湖区]";
    private static final String GOOD_EDIT = "alsoWritten: [深圳市罗湖区, 广东省深圳市罗湖区, 罗湖]";

    /**
     * One gate: a directory whose own scenarios fail is refused at start-up exactly as a reload refuses it, so a
     * restart never serves what a reload would not; a tool may still load it untested.
     */
    @Test
    void aPolicyWhoseScenariosFailIsRefusedAtStartUpAsAtReload(@TempDir Path temp) {
        Path policy = PolicyCopies.copy(temp);
        CarrierRules serving = CarrierRules.fromDirectory(policy);
        PolicyCopies.edit(policy, "round.yaml", "closes: 2024-08-25T18:00:00", "closes: 2024-08-25T17:00:00");

        ReloadResult reload = serving.reload();
        PolicyException startUp = assertThrows(PolicyException.class, () -> CarrierRules.fromDirectory(policy));

        assertEquals(ReloadResult.Outcome.REFUSED_SCENARIOS_FAILED, reload.outcome());
        List<String> refusedAtReload = reload.scenarios().failed().stream().map(ScenarioResult::name).toList();
        List<String> refusedAtStartUp = startUp.failedScenarios().orElseThrow().failed().stream().map(ScenarioResult::name).toList();
        assertEquals(refusedAtReload, refusedAtStartUp);
        assertTrue(refusedAtStartUp.stream().anyMatch(name -> name.contains("18时整")), refusedAtStartUp::toString);
        PolicyProblem first = startUp.problems().get(0);
        assertTrue(first.file().startsWith("scenarios/") && first.line() > 0, first::toString);
        assertTrue(first.message().startsWith("场景“") && first.message().contains("”未通过："), first::message);
        assertTrue(startUp.getMessage().startsWith("政策的场景测试未全部通过，未投入使用"), startUp::getMessage);

        CarrierRules untested = CarrierRules.fromDirectoryUntested(policy);
        assertNotEquals(serving.policy(), untested.policy());
        assertFalse(untested.runScenarios().passed());
    }

    @Test
    void brokenAndFailingEditsKeepTheOldPolicyAndAGoodEditGoesLive(@TempDir Path temp) {
        Path policy = PolicyCopies.copy(temp);
        CarrierRules rules = CarrierRules.fromDirectory(policy);
        PolicyRef old = rules.policy();
        assertEquals(Acceptance.NOT_ACCEPTED, rules.assess(shortDistrictName()).acceptance());

        PolicyCopies.edit(policy, "rules/materials/paper-copy.dslr", "    未提交纸质材料\n", "    System.exit(0)\n");
        ReloadResult broken = rules.reload();
        assertFalse(broken.applied());
        assertEquals(old, broken.serving());
        assertTrue(broken.problems().get(0).message().startsWith("规则文件只能写规则词汇表中的句子，不能写程序代码"), broken.problems()::toString);
        assertNull(broken.scenarios());
        PolicyCopies.edit(policy, "rules/materials/paper-copy.dslr", "    System.exit(0)\n", "    未提交纸质材料\n");

        PolicyCopies.edit(policy, "round.yaml", "closes: 2024-08-25T18:00:00", "closes: 2024-08-25T17:00:00");
        ReloadResult failing = rules.reload();
        assertFalse(failing.applied());
        assertEquals(old, rules.policy());
        assertTrue(failing.scenarios().failed().stream().anyMatch(r -> r.name().contains("18时整")), failing::toString);
        PolicyCopies.edit(policy, "round.yaml", "closes: 2024-08-25T17:00:00", "closes: 2024-08-25T18:00:00");

        PolicyCopies.edit(policy, "round.yaml", ALSO_WRITTEN, GOOD_EDIT);
        ReloadResult good = rules.reload();
        assertTrue(good.applied(), good::toString);
        assertNotEquals(old, rules.policy());
        assertEquals(good.serving(), rules.policy());
        assertEquals(Acceptance.ACCEPTED, rules.assess(shortDistrictName()).acceptance());
    }

    @Test
    void assessmentsDuringReloadsNeverMixVersions(@TempDir Path temp) throws Exception {
        Path policy = PolicyCopies.copy(temp);
        CarrierRules rules = CarrierRules.fromDirectory(policy);
        String oldFingerprint = rules.policy().fingerprint();
        Application probe = shortDistrictName();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicBoolean reloaded = new AtomicBoolean(false);
        ConcurrentLinkedQueue<Assessment> seen = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Assessment> begunAfterReload = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<Integer>> workers = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            workers.add(pool.submit(() -> {
                int n = 0;
                while (running.get()) {
                    boolean after = reloaded.get();
                    Assessment assessment = rules.assess(probe);
                    seen.add(assessment);
                    if (after) {
                        begunAfterReload.add(assessment);
                    }
                    n++;
                }
                return n;
            }));
        }
        try {
            PolicyCopies.edit(policy, "rules/eligibility/eligibility.dslr", "    申请单位未依法设立\n", "    import java.io.File\n");
            assertFalse(rules.reload().applied());
            List<Assessment> beforeGoodEdit = new ArrayList<>(seen);
            PolicyCopies.edit(policy, "rules/eligibility/eligibility.dslr", "    import java.io.File\n", "    申请单位未依法设立\n");
            PolicyCopies.edit(policy, "round.yaml", ALSO_WRITTEN, GOOD_EDIT);
            assertTrue(rules.reload().applied());
            reloaded.set(true);
            String newFingerprint = rules.policy().fingerprint();
            int afterReload = seen.size();
            while (seen.size() < afterReload + 300) {
                Thread.onSpinWait();
            }
            running.set(false);
            int total = 0;
            for (Future<Integer> worker : workers) {
                total += worker.get(60, TimeUnit.SECONDS);
            }

            assertEquals(total, seen.size(), "one result per call, none lost");
            assertTrue(beforeGoodEdit.stream().allMatch(a -> a.policy().fingerprint().equals(oldFingerprint)));
            Map<String, Acceptance> byVersion = Map.of(oldFingerprint, Acceptance.NOT_ACCEPTED, newFingerprint, Acceptance.ACCEPTED);
            for (Assessment a : seen) {
                assertEquals(byVersion.get(a.policy().fingerprint()), a.acceptance(), "a decision mixed versions: " + a);
            }
            // Not "the last result added is new": a worker may stall between deciding and adding an old result.
            assertFalse(begunAfterReload.isEmpty());
            assertTrue(begunAfterReload.stream().allMatch(a -> a.policy().fingerprint().equals(newFingerprint)),
                    "a call begun after the reload was answered by the old policy");
        } finally {
            running.set(false);
            pool.shutdownNow();
        }
    }

    @Test
    void aReloadWithNothingChangedSaysSoAndKeepsThePolicy(@TempDir Path temp) {
        Path policy = PolicyCopies.copy(temp);
        CarrierRules rules = CarrierRules.fromDirectory(policy);
        PolicyRef before = rules.policy();
        ReloadResult unchanged = rules.reload();
        assertEquals(ReloadResult.Outcome.UNCHANGED, unchanged.outcome());
        assertFalse(unchanged.applied());
        assertSame(before, rules.policy());
        // A scenario file counts too: a changed test is a change, although it does not decide.
        PolicyCopies.edit(policy, "scenarios/eligibility.yaml", "再写预期结论。", "再写预期结论（改过）。");
        assertEquals(ReloadResult.Outcome.APPLIED, rules.reload().outcome());
        PolicyCopies.edit(policy, "rules/materials/paper-copy.dslr", "    未提交纸质材料\n", "    未交纸质材料\n");
        assertEquals(ReloadResult.Outcome.REFUSED_BROKEN, rules.reload().outcome());
    }

    @Test
    void aWatchReloadsWhenAFileChanges(@TempDir Path temp) throws Exception {
        Path policy = PolicyCopies.copy(temp);
        CarrierRules rules = CarrierRules.fromDirectory(policy);
        BlockingQueue<ReloadResult> results = new LinkedBlockingQueue<>();
        try (PolicyWatch watch = rules.watch(Duration.ofMillis(50), results::add)) {
            PolicyCopies.edit(policy, "round.yaml", ALSO_WRITTEN, GOOD_EDIT);
            ReloadResult result = results.poll(30, TimeUnit.SECONDS);
            assertTrue(result != null && result.applied(), String.valueOf(result));
            assertEquals(Acceptance.ACCEPTED, rules.assess(shortDistrictName()).acceptance());
        }
    }

    @Test
    void theBundledPolicyHasNothingToReload() {
        assertThrows(IllegalStateException.class, () -> CarrierRules.bundled().reload());
    }
}

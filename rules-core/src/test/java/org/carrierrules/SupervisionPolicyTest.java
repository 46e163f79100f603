package org.carrierrules;

import static org.carrierrules.Carriers.carrier;
import static org.carrierrules.Carriers.date;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.carrierrules.policy.PolicyException;
import org.carrierrules.policy.PolicyProblem;
import org.carrierrules.supervision.Carrier;
import org.carrierrules.supervision.SupervisionDecision;
import org.carrierrules.supervision.SupervisionInfo;
import org.carrierrules.supervision.SupervisionOutcome;

/**
 * The supervision rules take their numbers from {@code round.yaml}, and a policy directory whose
 * supervision block or supervision rules are wrong does not load.
 */
class SupervisionPolicyTest {
    private static final String IDLE_YEARS = "idleYears: 3";
    private static final String MISSING_AS_ZERO = "missingYearCountsAsZero: true";

    @Test
    void theBundledRoundReadsFiveAsTheContractDoes() {
        SupervisionInfo supervision = CarrierRules.bundled().supervision();

        assertEquals(3, supervision.idleYears());
        assertTrue(supervision.missingYearCountsAsZero());
        assertEquals("市人力资源保障部门", supervision.revokingAuthority());
        assertTrue(supervision.reference().startsWith("五"), supervision.reference());
    }

    @Test
    void theNumberOfIdleYearsIsRoundData(@TempDir Path temp) {
        Path policy = PolicyCopies.copy(temp);
        PolicyCopies.edit(policy, "round.yaml", IDLE_YEARS, "idleYears: 2");
        Carrier twoIdleYears = carrier("2020-06-01", Map.of(2021, 0, 2022, 0, 2023, 50));

        assertEquals(SupervisionOutcome.KEEP, CarrierRules.bundled().supervise(twoIdleYears, date("2024-01-01")).outcome());
        SupervisionDecision decision = CarrierRules.fromDirectoryUntested(policy).supervise(twoIdleYears, date("2024-01-01"));
        assertEquals(SupervisionOutcome.REVOKE, decision.outcome());
        assertTrue(decision.grounds().get(0).message().contains("连续2年"), decision.grounds().get(0).message());
    }

    @Test
    void whetherAMissingYearCountsAsZeroIsRoundData(@TempDir Path temp) {
        Path policy = PolicyCopies.copy(temp);
        PolicyCopies.edit(policy, "round.yaml", MISSING_AS_ZERO, "missingYearCountsAsZero: false");
        Carrier unrecorded = carrier("2019-05-01", Map.of(2020, 300, 2022, 0));

        assertEquals(SupervisionOutcome.REVOKE, CarrierRules.bundled().supervise(unrecorded, date("2024-01-01")).outcome());
        assertEquals(SupervisionOutcome.KEEP, CarrierRules.fromDirectoryUntested(policy).supervise(unrecorded, date("2024-01-01")).outcome());
    }

    @Test
    void aBadSupervisionBlockIsReportedInFull(@TempDir Path temp) {
        Path policy = PolicyCopies.copy(temp);
        PolicyCopies.edit(policy, "round.yaml", IDLE_YEARS, "idleYears: 0");
        PolicyCopies.edit(policy, "round.yaml", "    RURAL_REVITALIZATION_STATION: 开展涉农", "    RURAL_REVITALIZATION_STATION: \"\"\n    # 开展涉农");

        PolicyException e = assertThrows(PolicyException.class, () -> CarrierRules.fromDirectory(policy));

        assertEquals(List.of("round.yaml 第87行：supervision.idleYears 应至少为1（通知五：“连续3年未从事相关培训活动”），实为0",
                        "round.yaml 第96行：缺少 supervision.duties.RURAL_REVITALIZATION_STATION（不能为空）"),
                e.problems().stream().map(PolicyProblem::toString).toList());
    }

    /** What cannot be read is all told at once, before what the values mean is checked. */
    @Test
    void anUnreadableSupervisionBlockIsReportedInFull(@TempDir Path temp) {
        Path policy = PolicyCopies.copy(temp);
        PolicyCopies.edit(policy, "round.yaml", IDLE_YEARS, "idleYears: 三");
        PolicyCopies.edit(policy, "round.yaml", "  revokingAuthority: 市人力资源保障部门\n", "");

        PolicyException e = assertThrows(PolicyException.class, () -> CarrierRules.fromDirectory(policy));

        assertEquals(List.of("round.yaml 第84行：缺少 supervision.revokingAuthority", "round.yaml 第87行：“supervision.idleYears”的值“三”不是有效的整数"),
                e.problems().stream().map(PolicyProblem::toString).toList());
    }

    @Test
    void aRoundWithoutSupervisionDoesNotLoad(@TempDir Path temp) throws IOException {
        Path policy = PolicyCopies.copy(temp);
        Path round = policy.resolve("round.yaml");
        String text = Files.readString(round, StandardCharsets.UTF_8);
        Files.writeString(round, text.substring(0, text.indexOf("\nsupervision:")), StandardCharsets.UTF_8);

        PolicyException e = assertThrows(PolicyException.class, () -> CarrierRules.fromDirectory(policy));

        assertEquals(List.of("round.yaml 第4行：缺少 supervision"), e.problems().stream().map(PolicyProblem::toString).toList());
    }

    /** Every supervision rule must cite its clause; one that drops it is refused with its line. */
    @Test
    void aRevocationRuleWithoutClauseIsRefused(@TempDir Path temp) {
        Path policy = PolicyCopies.copy(temp);
        PolicyCopies.edit(policy, "rules/supervision/supervision.dslr", "rule \"载体外迁\"\n    @clause(\"五\")\n", "rule \"载体外迁\"\n");

        PolicyException e = assertThrows(PolicyException.class, () -> CarrierRules.fromDirectory(policy));

        assertEquals(1, e.problems().size(), e.getMessage());
        assertEquals("rules/supervision/supervision.dslr", e.problems().get(0).file());
        assertTrue(e.problems().get(0).message().contains("载体外迁"), e::getMessage);
    }

    /**
     * A directory's stages compile at once (assessment on the calling thread, allocation and supervision on a
     * second one); a problem in two of them is still reported, together, in the order of the stages, however
     * the compilations interleave.
     */
    @Test
    void problemsInBothStagesAreReportedTogetherInStageOrder(@TempDir Path temp) {
        Path policy = PolicyCopies.copy(temp);
        PolicyCopies.edit(policy, "rules/supervision/supervision.dslr", "rule \"载体外迁\"\n    @clause(\"五\")\n", "rule \"载体外迁\"\n");
        PolicyCopies.edit(policy, "rules/eligibility/eligibility.dslr", "rule \"申请单位未依法设立\"\n    @clause(\"二\")\n",
                "rule \"申请单位未依法设立\"\n");

        PolicyException e = assertThrows(PolicyException.class, () -> CarrierRules.fromDirectory(policy));

        assertEquals(List.of("rules/eligibility/eligibility.dslr", "rules/supervision/supervision.dslr"),
                e.problems().stream().map(PolicyProblem::file).toList(), e::getMessage);
    }
}

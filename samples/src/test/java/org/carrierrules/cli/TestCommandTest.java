package org.carrierrules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.carrierrules.PolicyCopies;

/**
 * What {@code test} shows staff when scenarios fail: each failed scenario names what differs (the material, the
 * field, the message), and the scenarios that fail only because a base of scenarios/bases.yaml no longer fits are
 * listed once, under the base at its line, rather than one by one.
 */
class TestCommandTest {
    private static final String HINT = "        请按现行政策修改这份样例，不必逐个修改场景；若本政策下已不会有这样的样例（如本轮不开放这类载体），"
            + "就给这些场景写上它们假设的 round:。这些场景是：\n";

    private static Path copy(Path temp) {
        Path policy = temp.resolve("policy");
        assertEquals(0, Run.of("init", policy.toString()).exitCode());
        return policy;
    }

    private static Run failing(Path policy) {
        Run run = Run.of("test", policy.toString());
        assertEquals(CarrierRulesCommand.SCENARIOS_FAILED, run.exitCode(), run.err());
        assertEquals("", run.err());
        return run;
    }

    /** The lines that begin a failed entry, scenario or base. */
    private static List<String> failedEntries(Run run) {
        return run.out().lines().filter(line -> line.startsWith("失败  ")).map(line -> line.substring(0, line.indexOf("  ", 4))).toList();
    }

    @Test
    void aNewRequiredMaterialIsOneEntryPerBaseAtItsLineNamingTheMaterial(@TempDir Path temp) {
        Path policy = copy(temp);
        PolicyCopies.edit(policy, "materials.yaml", "  RURAL_TRAINING_PLAN: 涉农培训帮扶方案\n",
                "  RURAL_TRAINING_PLAN: 涉农培训帮扶方案\n  SAFETY_CERT: 安全生产证明材料\n");
        PolicyCopies.edit(policy, "materials.yaml", "TRAINING_RECORD]", "TRAINING_RECORD, SAFETY_CERT]");

        Run run = failing(policy);
        String missing = "        多出 MATERIAL_MISSING（材料 SAFETY_CERT 安全生产证明材料）：缺少安全生产证明材料\n";
        assertTrue(run.out().endsWith("失败  scenarios/bases.yaml:4  样例“合格的高技能人才培训基地申报”已不符合本政策，以它为基础的 20 个场景只因此未通过\n"
                + missing + HINT
                + "          scenarios/eligibility.yaml 第4、23、30、52、61、78、84、93、99、105行\n"
                + "          scenarios/materials.yaml 第3、37、64、80、86、92、118、124、130、157行\n"
                + "失败  scenarios/bases.yaml:29  样例“合格的技能大师工作室申报”已不符合本政策，以它为基础的 16 个场景只因此未通过\n"
                + missing + HINT
                + "          scenarios/allocation.yaml 第4、13、21、33、41、52行\n"
                + "          scenarios/eligibility.yaml 第7、14行\n"
                + "          scenarios/materials.yaml 第22、31、43、49、58、98、104、136行\n"
                + "失败  scenarios/bases.yaml:54  样例“合格的乡村振兴技能工作站申报”已不符合本政策，以它为基础的 9 个场景只因此未通过\n"
                + missing + HINT
                + "          scenarios/eligibility.yaml 第10、40、46、68行\n"
                + "          scenarios/materials.yaml 第12、71、110、142、151行\n"
                + "\n"
                + "场景 59 个：通过 14 个，失败 45 个\n"
                + "14 passed, 45 failed\n"), run.out());
        assertEquals(List.of("失败  scenarios/bases.yaml:4", "失败  scenarios/bases.yaml:29", "失败  scenarios/bases.yaml:54"), failedEntries(run));
    }

    @Test
    void threePaperCopiesNameTheFindingAndItsFieldBothUnderTheBasesAndInTheScenarioOnItsOwn(@TempDir Path temp) {
        Path policy = copy(temp);
        PolicyCopies.edit(policy, "round.yaml", "  copies: 2", "  copies: 3");

        Run run = failing(policy);
        assertTrue(run.out().contains("失败  scenarios/materials.yaml:86  纸质材料只交一份，通知补正\n"
                + "        没有出现预期的说明“纸质材料应一式2份，实交1份”；实际说明为：PAPER_COPIES_INSUFFICIENT（字段 paperCopy.copies）："
                + "纸质材料应一式3份，实交1份\n"
                + "通过  scenarios/materials.yaml:92  纸质材料多交一份不影响受理\n"), run.out());
        assertTrue(run.out().contains("失败  scenarios/bases.yaml:4  样例“合格的高技能人才培训基地申报”已不符合本政策，以它为基础的 17 个场景只因此未通过\n"
                + "        多出 PAPER_COPIES_INSUFFICIENT（字段 paperCopy.copies）：纸质材料应一式3份，实交2份\n" + HINT), run.out());
        assertEquals(List.of("失败  scenarios/materials.yaml:86", "失败  scenarios/bases.yaml:4", "失败  scenarios/bases.yaml:29",
                "失败  scenarios/bases.yaml:54"), failedEntries(run));
        assertTrue(run.out().endsWith("场景 59 个：通过 16 个，失败 43 个\n16 passed, 43 failed\n"), run.out());
    }

    @Test
    void aSingleScenarioWrittenWrongSaysWhatIsExtraAndWhatIsMissing(@TempDir Path temp) {
        Path policy = copy(temp);
        PolicyCopies.edit(policy, "scenarios/eligibility.yaml", "codes: [NOT_LEGALLY_ESTABLISHED]}",
                "codes: [NOT_REGISTERED_IN_DISTRICT]}");

        Run run = failing(policy);
        assertTrue(run.out().contains("失败  scenarios/eligibility.yaml:46  未依法设立的单位不予受理\n"
                + "        多出 NOT_LEGALLY_ESTABLISHED（字段 applicant.legallyEstablished）：申请单位未依法设立\n"
                + "        少了 NOT_REGISTERED_IN_DISTRICT（字段 applicant.registeredDistrict）\n"
                + "通过  "), run.out());
        assertEquals(List.of("失败  scenarios/eligibility.yaml:46"), failedEntries(run));
        assertTrue(run.out().endsWith("场景 59 个：通过 58 个，失败 1 个\n58 passed, 1 failed\n"), run.out());
    }
}

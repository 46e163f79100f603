package org.carrierrules.internal.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.carrierrules.policy.PolicyProblem;

/** The material catalogue and what each carrier type must hand in: what a policy officer is told when a code is wrong. */
class MaterialsFileTest {
    private static final String MATERIALS = "materials.yaml";
    private static final String BUNDLED = new String(BundledPolicyFiles.read().bytes(MATERIALS), StandardCharsets.UTF_8);
    private static final String STUDIO = "    SKILL_MASTER_STUDIO: [MASTER_CREDENTIALS, STUDIO_PLAN]";

    private static List<PolicyProblem> problemsAfter(String from, String to) {
        assertTrue(BUNDLED.contains(from), from);
        List<PolicyProblem> problems = new ArrayList<>();
        YamlData.Located<MaterialsFile> materials = YamlData.located(MATERIALS,
                BUNDLED.replace(from, to).getBytes(StandardCharsets.UTF_8), MaterialsFile.class, problems);
        RoundChecks.check(materials.content(), materials.problems());
        return problems;
    }

    private static int lineOf(String text) {
        return BUNDLED.substring(0, BUNDLED.indexOf(text)).split("\n", -1).length;
    }

    @Test
    void aCodeOffByALetterSuggestsTheCodeMeant() {
        assertEquals(List.of(new PolicyProblem(MATERIALS, lineOf(STUDIO),
                        "required.byCarrierType.SKILL_MASTER_STUDIO 中的材料代码 STUDO_PLAN 未在 catalogue 中定义；是否想写：“STUDIO_PLAN”？")),
                problemsAfter(STUDIO, "    SKILL_MASTER_STUDIO: [MASTER_CREDENTIALS, STUDO_PLAN]"));
        assertEquals(List.of(new PolicyProblem(MATERIALS, lineOf("  common:"),
                        "required.common 中的材料代码 APPLICATON_FORM 未在 catalogue 中定义；是否想写：“APPLICATION_FORM”？")),
                problemsAfter("  common: [APPLICATION_FORM,", "  common: [APPLICATON_FORM,"));
    }

    @Test
    void aCodeThatOnlySharesAnEndingSuggestsNothing() {
        assertEquals(List.of(new PolicyProblem(MATERIALS, lineOf(STUDIO),
                        "required.byCarrierType.SKILL_MASTER_STUDIO 中的材料代码 SAFETY_PLAN 未在 catalogue 中定义")),
                problemsAfter(STUDIO, "    SKILL_MASTER_STUDIO: [MASTER_CREDENTIALS, STUDIO_PLAN, SAFETY_PLAN]"));
    }

    @Test
    void aCodeListedTwiceIsToldAtItsItem() {
        String studio = "    SKILL_MASTER_STUDIO:\n      - MASTER_CREDENTIALS\n      - STUDIO_PLAN\n      - TRAINING_RECORD";
        int line = lineOf(STUDIO) + 3;
        assertEquals(List.of(new PolicyProblem(MATERIALS, line,
                        "required.byCarrierType.SKILL_MASTER_STUDIO 中的材料代码 TRAINING_RECORD 已在 required.common 中，不必重复列出")),
                problemsAfter(STUDIO, studio));
    }

    @Test
    void aMaterialWithoutANameIsToldAtItsKey() {
        assertEquals(List.of(new PolicyProblem(MATERIALS, lineOf("  FACULTY:"), "材料 FACULTY 没有名称（catalogue.FACULTY）")),
                problemsAfter("  FACULTY: 师资队伍情况", "  FACULTY: ''"));
    }
}

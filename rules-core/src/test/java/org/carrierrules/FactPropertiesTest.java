package org.carrierrules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.carrierrules.application.ApplicantType;
import org.carrierrules.application.Application;
import org.carrierrules.application.FactValues;
import org.carrierrules.assessment.Assessment;
import org.carrierrules.testing.RepositoryFiles;

/** Invariants of declared facts over generated applications (QuickTheories, fixed seeds, bounded runs). */
class FactPropertiesTest {
    private static final long SEED = 20240825L;
    private static final int EXAMPLES = 200;
    private static final String SCALE = "TRAINING_SCALE_TOO_SMALL";

    private static boolean scaleFound(CarrierRules rules, ApplicantType applicant, int trainees) {
        Application base = ValidApplications.of(CarrierType.HIGH_SKILL_TRAINING_BASE, applicant)
                .withFacts(FactValues.builder().number("annualTrainees", trainees).yesNo("onlinePlatform", false)
                        .date("establishedOn", LocalDate.of(2012, 4, 16)).yesNo("onCreditBlacklist", false).build());
        return rules.assess(base).findings().stream().anyMatch(f -> f.code().equals(SCALE));
    }

    /** 「最低年培训人数」 of the extended example: 200 for enterprises and industry associations, 1000 for the others. */
    private static int threshold(ApplicantType applicant) {
        return applicant == ApplicantType.ENTERPRISE || applicant == ApplicantType.INDUSTRY_ASSOCIATION ? 200 : 1000;
    }

    @Test
    void raisingTheTrainingScaleNeverAddsTheFindingAndAtTheThresholdItIsGone() {
        CarrierRules extended = CarrierRules.fromDirectoryUntested(RepositoryFiles.path("samples/policies/extended-example"));
        qt().withFixedSeed(SEED).withExamples(EXAMPLES)
                .forAll(arbitrary().pick(ApplicationGenerators.ELIGIBLE), integers().between(0, 2500), integers().between(0, 1500))
                .checkAssert((applicant, trainees, raise) -> {
                    boolean before = scaleFound(extended, applicant, trainees);
                    boolean after = scaleFound(extended, applicant, trainees + raise);
                    assertFalse(after && !before, () -> applicant + " " + trainees + " → " + (trainees + raise));
                    assertEquals(trainees < threshold(applicant), before, () -> applicant + " " + trainees);
                });
    }

    /** A policy that declares facts its rules never use decides exactly as before (contract: "a policy that declares nothing …"). */
    @Test
    void declaringNothingTheRulesUseDecidesAsBefore(@TempDir Path temp) throws IOException {
        Path copy = PolicyCopies.copy(temp);
        Files.writeString(copy.resolve("facts.yaml"), "reference: 无\nfacts: []\n", StandardCharsets.UTF_8);
        Files.writeString(copy.resolve("parameters.yaml"),
                "parameters:\n  - {name: 未用参数, type: 整数, unit: 人, reference: 测试, value: 1}\n", StandardCharsets.UTF_8);
        CarrierRules bundled = CarrierRules.bundled();
        CarrierRules declaring = CarrierRules.fromDirectory(copy);
        qt().withFixedSeed(SEED).withExamples(EXAMPLES)
                .forAll(ApplicationGenerators.valid().zip(integers().between(0, Mutations.masks()), Mutations::apply))
                .checkAssert(app -> {
                    Assessment before = bundled.assess(app);
                    Assessment after = declaring.assess(app);
                    assertEquals(before.acceptance(), after.acceptance(), app::toString);
                    assertEquals(before.findings(), after.findings(), app::toString);
                    assertTrue(after.findings().stream().allMatch(f -> f.fact() == null), after::toString);
                });
    }
}

package org.carrierrules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import org.carrierrules.application.Application;
import org.carrierrules.application.Material;
import org.carrierrules.assessment.Acceptance;
import org.carrierrules.assessment.Assessment;
import org.carrierrules.assessment.Severity;
import org.carrierrules.json.ApplicationJson;

/** Invariants of 受理审查 over generated applications (QuickTheories, fixed seeds, bounded runs). */
class AssessmentPropertiesTest {
    private static final CarrierRules RULES = CarrierRules.bundled();
    private static final long SEED = 20240729L;
    private static final int EXAMPLES = 300;

    private static Gen<Application> mutated() {
        return ApplicationGenerators.valid().zip(integers().between(0, Mutations.masks()), Mutations::apply);
    }

    @Test
    void aFullyValidApplicationOfAnyTypeAndEligibleApplicantIsAccepted() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(ApplicationGenerators.valid()).checkAssert(app -> {
            Assessment assessment = RULES.assess(app);
            assertEquals(List.of(), assessment.findings(), app::toString);
            assertEquals(Acceptance.ACCEPTED, assessment.acceptance());
        });
    }

    @Test
    void removingAnyOneRequiredMaterialAsksForExactlyThatMaterial() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES)
                .forAll(ApplicationGenerators.valid(), integers().between(0, 5))
                .assuming((app, i) -> i < app.materials().size())
                .checkAssert((app, i) -> {
                    String removed = app.materials().get(i).code();
                    List<Material> rest = new ArrayList<>(app.materials());
                    rest.remove((int) i);

                    Assessment assessment = RULES.assess(app.withMaterials(rest));

                    assertEquals(Acceptance.SUPPLEMENT_REQUIRED, assessment.acceptance());
                    assertEquals(List.of("MATERIAL_MISSING:" + removed), assessment.findings().stream()
                            .map(f -> f.code() + ":" + f.material()).toList());
                });
    }

    @Test
    void acceptanceFollowsFromTheSeveritiesOfTheFindingsAlone() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES)
                .forAll(ApplicationGenerators.valid(), integers().between(0, Mutations.masks()))
                .checkAssert((app, mask) -> {
                    List<Mutations.Mutation> applied = Mutations.of(mask);
                    Assessment assessment = RULES.assess(Mutations.apply(app, mask));

                    Acceptance expected = applied.stream().anyMatch(Mutations.Mutation::makesIneligible)
                            ? Acceptance.NOT_ACCEPTED
                            : applied.isEmpty() ? Acceptance.ACCEPTED : Acceptance.SUPPLEMENT_REQUIRED;
                    assertEquals(expected, assessment.acceptance(), () -> applied.toString());
                    assertEquals(Acceptance.of(assessment.findings()), assessment.acceptance());
                    assertEquals(assessment.findings().stream().noneMatch(f -> f.severity() == Severity.INELIGIBLE),
                            assessment.eligible());
                });
    }

    @Test
    void theOrderOfMaterialsNeverChangesTheResult() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(mutated(), longs().all()).checkAssert((app, seed) ->
                assertEquals(RULES.assess(app),
                        RULES.assess(app.withMaterials(ApplicationGenerators.shuffled(app.materials(), seed)))));
    }

    @Test
    void theOrderOfApplicationsInABatchNeverChangesAnyResult() {
        qt().withFixedSeed(SEED).withExamples(60)
                .forAll(lists().of(mutated()).ofSizeBetween(1, 12), longs().all())
                .checkAssert((apps, seed) -> {
                    List<Application> batch = new ArrayList<>();
                    for (int i = 0; i < apps.size(); i++) {
                        Application a = apps.get(i);
                        batch.add(new Application("LH2024-" + i, a.carrierType(), a.submittedAt(), a.applicant(),
                                a.materials(), a.paperCopy(), a.electronicCopy()));
                    }
                    List<Application> shuffled = ApplicationGenerators.shuffled(batch, seed);
                    assertEquals(byId(RULES.assessAll(batch)), byId(RULES.assessAll(shuffled)));
                    assertEquals(shuffled.stream().map(Application::id).toList(),
                            RULES.assessAll(shuffled).stream().map(Assessment::applicationId).toList());
                });
    }

    @Test
    void applicationsSurviveAJsonRoundTrip() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(mutated()).checkAssert(app ->
                assertEquals(app, ApplicationJson.read(ApplicationJson.write(app))));
    }

    private static Map<String, Assessment> byId(List<Assessment> assessments) {
        return assessments.stream().collect(Collectors.toMap(Assessment::applicationId, Function.identity()));
    }
}

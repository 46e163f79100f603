package org.carrierrules.internal.assessment;

import java.util.List;
import java.util.Map;

import org.carrierrules.CarrierType;
import org.carrierrules.PolicyRef;
import org.carrierrules.application.Application;
import org.carrierrules.application.ElectronicFile;
import org.carrierrules.application.FactSchema;
import org.carrierrules.application.Material;
import org.carrierrules.assessment.Acceptance;
import org.carrierrules.assessment.Assessment;
import org.carrierrules.assessment.Finding;
import org.carrierrules.internal.engine.CompiledStage;
import org.carrierrules.internal.engine.StageSession;
import org.carrierrules.internal.facts.AssessedApplication;
import org.carrierrules.internal.facts.ElectronicFileItem;
import org.carrierrules.internal.facts.FactConditions;
import org.carrierrules.internal.facts.MaterialItem;
import org.carrierrules.internal.facts.RequiredMaterial;
import org.carrierrules.internal.facts.Round;
import org.carrierrules.internal.language.CheckedRule;
import org.carrierrules.internal.language.DrlGenerator;
import org.carrierrules.internal.language.PolicyTerms;
import org.carrierrules.internal.language.Vocabulary;

/**
 * Runs the eligibility and materials rules over one application (二 to 四(三)). Each assessment gets its own
 * collector and a session of its own ({@link StageSession}), so any number of threads may assess at once.
 */
public final class AssessmentEngine {
    static final String FINDINGS = "findings";
    static final String ROUND = "round";

    private final StageSession session;
    private final Round round;
    private final List<CheckedRule> rules;
    private final PolicyRef policy;
    /** The rules' fact sentences, or null when no rule has any (the stage then declares no such global). */
    private final FactConditions conditions;

    private final FactSchema factSchema;

    public AssessmentEngine(CompiledStage stage, Round round, PolicyTerms terms, PolicyRef policy) {
        this.session = StageSession.of(stage);
        this.factSchema = terms.facts();
        this.rules = stage.rules();
        this.round = round;
        this.policy = policy;
        this.conditions = DrlGenerator.usesFacts(rules)
                ? new FactConditions(rules.stream().map(CheckedRule::test).toList(), round.closes().toLocalDate(), terms.parameters()) : null;
    }

    /**
     * @throws org.carrierrules.InvalidInputException naming the fact, when the application's facts are not those its
     *                                                policy declares: every way in (the facade, the round's allocation,
     *                                                a scenario) passes here
     */
    public Assessment assess(Application given) {
        Application application = factSchema.conform(given);
        FindingCollector collector = new FindingCollector(rules, round);
        List<RequiredMaterial> required = round.requiredMaterials(application.carrierType());
        Map<String, Object> globals = conditions == null
                ? Map.of(FINDINGS, collector, ROUND, round, Vocabulary.REQUIRED_MATERIALS, required)
                : Map.of(FINDINGS, collector, ROUND, round, Vocabulary.REQUIRED_MATERIALS, required, DrlGenerator.CONDITIONS, conditions);
        session.run(globals, facts -> insertFacts(facts, application, required));
        List<Finding> findings = collector.findings();
        Acceptance acceptance = Acceptance.of(findings);
        return new Assessment(application.id(), application.carrierType(),
                acceptance != Acceptance.NOT_ACCEPTED, acceptance, findings, policy);
    }

    /**
     * The application with its applicant and copies as one {@link AssessedApplication}, one {@link MaterialItem} for
     * each scan and each required material without one, and one {@link ElectronicFileItem} for each electronic file.
     * The required materials themselves are the round's, given as a global (docs/performance.md: inserting them with
     * every application, each joined with every scan, was most of its cost).
     */
    private void insertFacts(StageSession.Facts facts, Application application, List<RequiredMaterial> required) {
        facts.insert(AssessedApplication.of(application));
        CarrierType type = application.carrierType();
        for (Material scan : application.materials()) {
            facts.insert(MaterialItem.submitted(scan, round.requirement(type, scan.code())));
        }
        for (RequiredMaterial requirement : required) {
            if (!submitted(application, requirement.code())) {
                facts.insert(MaterialItem.missing(requirement));
            }
        }
        if (application.electronicCopy() != null) {
            for (ElectronicFile file : application.electronicCopy().files()) {
                facts.insert(new ElectronicFileItem(file.fileName(), application.applicant().name()));
            }
        }
    }

    private static boolean submitted(Application application, String code) {
        for (Material scan : application.materials()) {
            if (scan.code().equals(code)) {
                return true;
            }
        }
        return false;
    }
}

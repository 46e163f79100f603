package org.carrierrules.internal.assessment;

import java.util.List;
import java.util.Map;

import org.carrierrules.PolicyRef;
import org.carrierrules.application.Application;
import org.carrierrules.assessment.Acceptance;
import org.carrierrules.assessment.Assessment;
import org.carrierrules.assessment.Finding;
import org.carrierrules.internal.engine.CompiledStage;
import org.carrierrules.internal.engine.StageSession;
import org.carrierrules.internal.facts.Round;
import org.carrierrules.internal.language.CheckedRule;

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

    public AssessmentEngine(CompiledStage stage, Round round, PolicyRef policy) {
        this.session = StageSession.of(stage);
        this.rules = stage.rules();
        this.round = round;
        this.policy = policy;
    }

    public Assessment assess(Application application) {
        FindingCollector collector = new FindingCollector(rules, round);
        session.run(Map.of(FINDINGS, collector, ROUND, round), facts -> insertFacts(facts, application));
        List<Finding> findings = collector.findings();
        Acceptance acceptance = Acceptance.of(findings);
        return new Assessment(application.id(), application.carrierType(),
                acceptance != Acceptance.NOT_ACCEPTED, acceptance, findings, policy);
    }

    private void insertFacts(StageSession.Facts facts, Application application) {
        facts.insert(application);
        facts.insert(application.applicant());
        application.materials().forEach(facts::insert);
        round.requiredMaterials(application.carrierType()).forEach(facts::insert);
        if (application.paperCopy() != null) {
            facts.insert(application.paperCopy());
        }
        if (application.electronicCopy() != null) {
            facts.insert(application.electronicCopy());
            application.electronicCopy().files().forEach(facts::insert);
        }
    }
}

package org.carrierrules.internal.supervision;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.carrierrules.PolicyRef;
import org.carrierrules.internal.engine.CompiledStage;
import org.carrierrules.internal.engine.StageSession;
import org.carrierrules.internal.facts.FactConditions;
import org.carrierrules.internal.facts.RoundParameters;
import org.carrierrules.internal.facts.SupervisionParameters;
import org.carrierrules.internal.language.CheckedRule;
import org.carrierrules.internal.language.DrlGenerator;
import org.carrierrules.supervision.Carrier;
import org.carrierrules.supervision.Ground;
import org.carrierrules.supervision.SupervisionDecision;
import org.carrierrules.supervision.SupervisionOutcome;

/**
 * Runs the supervision rules (五) over one carrier as of a date. Each decision gets its own collector and a
 * session of its own ({@link StageSession}), so any number of threads may decide at once.
 */
public final class SupervisionEngine {
    static final String GROUNDS = "grounds";
    static final String SUPERVISION = "supervision";
    static final String AS_OF = "asOf";

    private final StageSession session;
    private final SupervisionParameters supervision;
    private final List<CheckedRule> rules;
    private final PolicyRef policy;
    /** The rules' sentences about the carrier type, or null when no rule has any (the stage then declares no such global). */
    private final FactConditions conditions;

    public SupervisionEngine(CompiledStage stage, SupervisionParameters supervision, PolicyRef policy) {
        this.session = StageSession.of(stage);
        this.rules = stage.rules();
        this.supervision = supervision;
        this.policy = policy;
        this.conditions = DrlGenerator.usesFacts(rules) ? new FactConditions(rules.stream().map(CheckedRule::test).toList(), null, RoundParameters.none()) : null;
    }

    public SupervisionDecision supervise(Carrier carrier, LocalDate asOf) {
        GroundCollector collector = new GroundCollector(rules, supervision);
        Map<String, Object> globals = conditions == null ? Map.of(GROUNDS, collector, SUPERVISION, supervision, AS_OF, asOf)
                : Map.of(GROUNDS, collector, SUPERVISION, supervision, AS_OF, asOf, DrlGenerator.CONDITIONS, conditions);
        session.run(globals, facts -> {
            facts.insert(carrier);
            // Events found after the as-of date are left out here, once, rather than in each rule: a
            // rule added later cannot forget the date, and the rules read as the sentences of 五.
            carrier.events().stream().filter(e -> !e.date().isAfter(asOf)).forEach(facts::insert);
        });
        List<Ground> grounds = collector.grounds();
        return new SupervisionDecision(carrier.carrierId(), SupervisionOutcome.of(grounds), asOf, grounds, policy);
    }
}

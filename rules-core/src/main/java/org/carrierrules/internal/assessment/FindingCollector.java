package org.carrierrules.internal.assessment;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import org.kie.api.runtime.rule.Match;
import org.kie.api.runtime.rule.RuleContext;

import org.carrierrules.assessment.Finding;
import org.carrierrules.internal.engine.Conclusions;
import org.carrierrules.internal.facts.RequiredMaterial;
import org.carrierrules.internal.facts.Round;
import org.carrierrules.internal.language.CheckedRule;
import org.carrierrules.internal.language.MessageValues;

/**
 * Gathers the findings of one assessment; a new one per session, so never shared between threads. Every
 * generated rule's consequence is {@code FindingCollector.report(kcontext, index)}: the index names the rule in the stage's
 * table, which holds its name, clause, code and message, so nothing a rule file says is ever Drools code.
 */
public final class FindingCollector {
    private static final String REQUIRED_MATERIAL = "$required";

    /** Most serious first; then each material's findings together, in the round's material order, before findings about the copies; then rule order. */
    private static final Conclusions.Order<Finding> ORDER = new Conclusions.Order<>(Comparator.comparing(Finding::severity));

    private final Conclusions<Finding> found = new Conclusions<>(ORDER);
    private final List<CheckedRule> rules;
    private final Round round;
    private final Function<Object, String> format;

    /** @param rules the assessment stage's rules, by the index their consequences pass */
    FindingCollector(List<CheckedRule> rules, Round round) {
        this.rules = rules;
        this.round = round;
        this.format = value -> MessageValues.format(value, round);
    }

    /** What rule {@code index} found in the match that fired it, told to the run's collector (the global {@code findings}). */
    public static void report(RuleContext context, int index) {
        ((FindingCollector) context.getKieRuntime().getGlobal(AssessmentEngine.FINDINGS)).add(context, index);
    }

    private void add(RuleContext context, int index) {
        CheckedRule rule = rules.get(index);
        Match match = context.getMatch();
        RequiredMaterial material = rule.verdict().aboutMaterial()
                ? (RequiredMaterial) match.getDeclarationValue(REQUIRED_MATERIAL) : null;
        String message = rule.message().render(match::getDeclarationValue, round, format);
        Finding finding = new Finding(rule.code().code(), rule.code().severity(), rule.clause(),
                material == null ? null : material.code(), rule.name(), message, rule.fact());
        found.add(finding, material == null ? Integer.MAX_VALUE : material.order(), index, message);
    }

    /** The findings in a fixed order that depends neither on fact insertion order nor on firing order. */
    public List<Finding> findings() {
        return found.inOrder();
    }
}

package org.carrierrules.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.carrierrules.Finding;
import org.carrierrules.Severity;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;

/**
 * Gathers the findings of one assessment; a new one per session, so never shared between threads.
 * The rules call it as the global {@code findings}, passing {@code drools} so that every finding is
 * stamped with the rule that made it and the clause in that rule's {@code @clause} metadata.
 */
public final class FindingCollector {
    /** Most serious first; then each material's findings together, in the round's material order, before findings about the copies; then rule order. */
    private static final Comparator<Ranked> ORDER = Comparator
            .comparing((Ranked r) -> r.finding.severity())
            .thenComparingInt(r -> r.materialOrder)
            .thenComparingInt(r -> r.ruleOrder)
            .thenComparing(r -> r.finding.message());

    private final List<Ranked> found = new ArrayList<>();
    private final Map<String, Object> parameters;

    /** @param parameters the round's parameter objects by the name message slots use ({@link #parameters(Round)}) */
    FindingCollector(Map<String, Object> parameters) {
        this.parameters = parameters;
    }

    /** What message slots may name, made once per policy rather than once per assessment. */
    static Map<String, Object> parameters(Round round) {
        return Map.of("round", round);
    }

    public void ineligible(RuleContext rule, String code, String message) {
        add(rule, code, Severity.INELIGIBLE, null, message);
    }

    public void defect(RuleContext rule, String code, String message) {
        add(rule, code, Severity.DEFECT, null, message);
    }

    public void defect(RuleContext rule, String code, RequiredMaterial material, String message) {
        add(rule, code, Severity.DEFECT, material, message);
    }

    public void note(RuleContext rule, String code, String message) {
        add(rule, code, Severity.NOTE, null, message);
    }

    private void add(RuleContext context, String code, Severity severity, RequiredMaterial material, String template) {
        Rule rule = context.getRule();
        Finding finding = new Finding(code, severity, RuleClauses.clauseOf(rule),
                material == null ? null : material.code(), rule.getName(),
                MessageTemplate.render(template, context.getMatch(), parameters));
        found.add(new Ranked(finding, material == null ? Integer.MAX_VALUE : material.order(), ((RuleImpl) rule).getLoadOrder()));
    }

    /** The findings in a fixed order that depends neither on fact insertion order nor on firing order. */
    public List<Finding> findings() {
        if (found.isEmpty()) {
            // Most applications: no stream to set up for nothing.
            return List.of();
        }
        return found.stream().sorted(ORDER).map(r -> r.finding).toList();
    }

    private record Ranked(Finding finding, int materialOrder, int ruleOrder) {
    }
}

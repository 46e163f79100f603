package org.carrierrules.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.carrierrules.Ground;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;

/**
 * Gathers the grounds of one review; a new one per session, so never shared between threads. The
 * rules call it as the global {@code grounds}, passing {@code drools} so that every ground is stamped
 * with the rule that found it and the clause in that rule's {@code @clause} metadata. Whether a
 * ground revokes or rectifies follows from its code ({@link org.carrierrules.ReviewOutcome#ofGround}),
 * never from the rule.
 */
public final class GroundCollector {
    /** REVOKE grounds first, then rule order: independent of fact insertion and firing order. */
    private static final Comparator<Ranked> ORDER = Comparator
            .comparing((Ranked r) -> r.ground.outcome())
            .thenComparingInt(r -> r.ruleOrder)
            .thenComparing(r -> r.ground.message());

    private final List<Ranked> found = new ArrayList<>();

    public void add(RuleContext context, String code, String message) {
        Rule rule = context.getRule();
        found.add(new Ranked(new Ground(code, RuleClauses.clauseOf(rule), rule.getName(), message),
                ((RuleImpl) rule).getLoadOrder()));
    }

    public List<Ground> grounds() {
        return found.stream().sorted(ORDER).map(r -> r.ground).toList();
    }

    private record Ranked(Ground ground, int ruleOrder) {
    }
}

package org.carrierrules.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.carrierrules.Ground;
import org.carrierrules.ReviewOutcome;
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
    private final Map<String, Object> parameters;

    GroundCollector(Supervision supervision) {
        this.parameters = Map.of("supervision", supervision);
    }

    /** A ground for 取消认定; its code must be one that revokes. */
    public void revoke(RuleContext context, String code, String template) {
        add(context, code, ReviewOutcome.REVOKE, template);
    }

    /** A ground for 通知改正; its code must be one that rectifies. */
    public void rectify(RuleContext context, String code, String template) {
        add(context, code, ReviewOutcome.RECTIFY, template);
    }

    private void add(RuleContext context, String code, ReviewOutcome said, String template) {
        Rule rule = context.getRule();
        if (ReviewOutcome.ofGround(code) != said) {
            // The sentence a rule ends with must agree with what its code means under 五.
            throw new IllegalStateException("规则“" + rule.getName() + "”以“" + said.label() + "”结论给出代码 " + code
                    + "，而该代码的结论是“" + ReviewOutcome.ofGround(code).label() + "”");
        }
        String message = MessageTemplate.render(template, context.getMatch(), parameters);
        found.add(new Ranked(new Ground(code, RuleClauses.clauseOf(rule), rule.getName(), message),
                ((RuleImpl) rule).getLoadOrder()));
    }

    public List<Ground> grounds() {
        return found.stream().sorted(ORDER).map(r -> r.ground).toList();
    }

    private record Ranked(Ground ground, int ruleOrder) {
    }
}

package org.carrierrules.internal.supervision;

import java.util.Comparator;
import java.util.List;

import org.kie.api.runtime.rule.Match;
import org.kie.api.runtime.rule.RuleContext;

import org.carrierrules.internal.engine.Conclusions;
import org.carrierrules.internal.facts.SupervisionParameters;
import org.carrierrules.internal.language.CheckedRule;
import org.carrierrules.internal.language.MessageValues;
import org.carrierrules.supervision.Ground;

/**
 * Gathers the grounds of one carrier's supervision decision; a new one per session, so never shared between threads.
 * Every generated rule's consequence is {@code GroundCollector.report(kcontext, index)}, the index naming the rule in the
 * stage's table. Whether a ground revokes or rectifies follows from its code in the code catalogue, which the
 * checker has held to the rule's conclusion when the policy loaded.
 */
public final class GroundCollector {
    /** REVOKE grounds first, then rule order: independent of fact insertion and firing order. */
    private static final Conclusions.Order<Ground> ORDER = new Conclusions.Order<>(Comparator.comparing(Ground::outcome));

    private final Conclusions<Ground> found = new Conclusions<>(ORDER);
    private final List<CheckedRule> rules;
    private final SupervisionParameters supervision;

    /** @param rules the supervision stage's rules, by the index their consequences pass */
    GroundCollector(List<CheckedRule> rules, SupervisionParameters supervision) {
        this.rules = rules;
        this.supervision = supervision;
    }

    /** What rule {@code index} found in the match that fired it, told to the run's collector (the global {@code grounds}). */
    public static void report(RuleContext context, int index) {
        ((GroundCollector) context.getKieRuntime().getGlobal(SupervisionEngine.GROUNDS)).add(context, index);
    }

    private void add(RuleContext context, int index) {
        CheckedRule rule = rules.get(index);
        Match match = context.getMatch();
        String message = rule.message().render(match::getDeclarationValue, supervision, value -> MessageValues.format(value, null));
        found.add(new Ground(rule.code().code(), rule.code().outcome(), rule.clause(), rule.name(), message), index, message);
    }

    public List<Ground> grounds() {
        return found.inOrder();
    }
}

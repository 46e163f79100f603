package org.carrierrules.internal.allocation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.kie.api.runtime.rule.Match;
import org.kie.api.runtime.rule.RuleContext;

import org.carrierrules.allocation.AllocationReason;
import org.carrierrules.allocation.AllocationStatus;
import org.carrierrules.internal.engine.Conclusions;
import org.carrierrules.internal.engine.LibraryRules;
import org.carrierrules.internal.facts.AllocationCase;
import org.carrierrules.internal.facts.Excluded;
import org.carrierrules.internal.facts.Placed;
import org.carrierrules.internal.language.CheckedRule;
import org.carrierrules.internal.language.DrlGenerator;
import org.carrierrules.internal.language.MessageValues;
import org.carrierrules.internal.language.Vocabulary;

/**
 * Gathers what the allocation rules decide about each application of one round: its status, its rank
 * and its reasons. A new one per session, so never shared between threads. The rules call it as the
 * global {@code outcomes}, passing {@code drools} so that every reason is stamped with the rule that
 * gave it, the code that rule gives and the clause the policy has it cite ({@link AllocationCitations}): no
 * rule writes a code or clause of its own. The policy's rules of 排名资格 pass their index instead, by which their
 * name, clause, code and message are found in the stage's table, as in the other stages. Rules only record; whether
 * every application got exactly one status is checked once all rules have fired ({@link #status(String)}).
 */
public final class AllocationOutcomes {
    /** The reasons of the policy's rules of 排名资格 come after those of the library's rules of that step, before the next step's. */
    private static final int POLICY_RULES = LibraryRules.lastOrderOf(DrlGenerator.RANKING_ELIGIBILITY);

    private final AllocationCitations citations;
    private final List<CheckedRule> policyRules;
    private final Map<String, Map<AllocationStatus, String>> statuses = new HashMap<>();
    private final Map<String, Integer> ranks = new HashMap<>();
    private static final Conclusions.Order<AllocationReason> IN_RULE_ORDER = Conclusions.Order.byRulesAlone();

    /** Per application, in the order of the rules in their file, which follows the steps of the round; then by message. */
    private final Map<String, Conclusions<AllocationReason>> reasons = new HashMap<>();
    private final List<String> fired = new ArrayList<>();

    /** @param policyRules the policy's rules of 排名资格, by the index their consequences pass */
    AllocationOutcomes(AllocationCitations citations, List<CheckedRule> policyRules) {
        this.citations = citations;
        this.policyRules = policyRules;
    }

    /** Records that a rule fired, for the trail kept with the allocation: a policy's rule by the name staff gave it. */
    void fired(String rule) {
        int index = LibraryRules.isRule(rule) ? -1 : DrlGenerator.indexOf(rule);
        fired.add(index >= 0 ? policyRules.get(index).name() : rule);
    }

    List<String> firedRules() {
        return fired;
    }

    public void notRanked(RuleContext rule, AllocationCase application, String message) {
        decide(rule, application, AllocationStatus.NOT_RANKED, message);
    }

    /**
     * What the policy's rule {@code index} of 排名资格 concluded: the application is not ranked, for the reason the rule
     * gives, with its code, clause and message; the fact the rule inserts, so that the library's rule ranks it not.
     */
    public Excluded exclude(RuleContext context, int index, AllocationCase application) {
        CheckedRule rule = policyRules.get(index);
        Match match = context.getMatch();
        // A message's declared facts and parameters are the application's: the one the rule's pattern matched.
        String message = rule.message().render(
                name -> match.getDeclarationValue(CheckedRule.FACTS.equals(name) ? Vocabulary.CASE : name),
                match.getDeclarationValue(Vocabulary.RUBRIC), value -> MessageValues.format(value, null));
        statuses.computeIfAbsent(application.id(), id -> new LinkedHashMap<>()).putIfAbsent(AllocationStatus.NOT_RANKED, rule.name());
        reasons.computeIfAbsent(application.id(), id -> new Conclusions<>(IN_RULE_ORDER)).add(
                new AllocationReason(rule.code().code(), rule.clause(), rule.name(), message), POLICY_RULES, index + 1, message);
        return new Excluded(application);
    }

    public void candidate(RuleContext rule, Placed placed, String message) {
        decide(rule, placed, AllocationStatus.CANDIDATE, message);
    }

    public void notSelected(RuleContext rule, Placed placed, String message) {
        decide(rule, placed, AllocationStatus.NOT_SELECTED, message);
    }

    public void removedByObjection(RuleContext rule, Placed placed, String message) {
        decide(rule, placed, AllocationStatus.REMOVED_BY_OBJECTION, message);
    }

    /** A reason that explains without deciding the status (e.g. how a tie was broken). */
    public void reason(RuleContext context, AllocationCase application, String message) {
        LibraryRules.Rule rule = LibraryRules.rule(context.getRule().getName());
        reasons.computeIfAbsent(application.id(), id -> new Conclusions<>(IN_RULE_ORDER)).add(
                new AllocationReason(rule.code(), citations.clause(rule), rule.name(), message), rule.order(), 0, message);
    }

    private void decide(RuleContext rule, Placed placed, AllocationStatus status, String message) {
        ranks.put(placed.application().id(), placed.rank());
        decide(rule, placed.application(), status, message);
    }

    private void decide(RuleContext rule, AllocationCase application, AllocationStatus status, String message) {
        statuses.computeIfAbsent(application.id(), id -> new LinkedHashMap<>()).putIfAbsent(status, rule.getRule().getName());
        reason(rule, application, message);
    }

    /**
     * The one status the rules gave the application.
     *
     * @throws IllegalStateException when the rules gave it none or more than one: the library's rules leave a case
     *                               uncovered or contradict each other, which the message says in terms of rules
     */
    AllocationStatus status(String applicationId) {
        Map<AllocationStatus, String> given = statuses.getOrDefault(applicationId, Map.of());
        if (given.size() == 1) {
            return given.keySet().iterator().next();
        }
        if (given.isEmpty()) {
            throw new IllegalStateException("分配规则没有为申报 " + applicationId + " 确定结果：本库的评审与名额分配规则没有覆盖这种情形（这是本库的缺陷，请报告）");
        }
        throw new IllegalStateException("分配规则为申报 " + applicationId + " 确定了不止一个结果："
                + given.entrySet().stream().map(e -> e.getKey() + "（规则“" + e.getValue() + "”）").collect(Collectors.joining("、"))
                + "：这些规则的条件重叠（这是本库的缺陷，请报告）");
    }

    /** The rank the rules gave the application, or null when it was not ranked. */
    Integer rank(String applicationId) {
        return ranks.get(applicationId);
    }

    /** The reasons given for the application, in a fixed order that depends neither on insertion nor on firing order. */
    List<AllocationReason> reasons(String applicationId) {
        Conclusions<AllocationReason> given = reasons.get(applicationId);
        return given == null ? List.of() : given.inOrder();
    }
}

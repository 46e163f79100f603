package org.carrierrules.internal.allocation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;

import org.carrierrules.allocation.AllocationReason;
import org.carrierrules.allocation.AllocationStatus;
import org.carrierrules.internal.engine.Conclusions;
import org.carrierrules.internal.engine.LibraryRules;
import org.carrierrules.internal.facts.AllocationCase;
import org.carrierrules.internal.facts.Placed;

/**
 * Gathers what the allocation rules decide about each application of one round: its status, its rank
 * and its reasons. A new one per session, so never shared between threads. The rules call it as the
 * global {@code outcomes}, passing {@code drools} so that every reason is stamped with the rule that
 * gave it and that rule's clause. Rules only record; whether every application got exactly one status
 * is checked once all rules have fired ({@link #status(String)}).
 */
public final class AllocationOutcomes {
    /** The metadata key of the clause each library rule cites, {@code @clause("四(四)")}. */
    private static final String CLAUSE = "clause";

    private final Map<String, Map<AllocationStatus, String>> statuses = new HashMap<>();
    private final Map<String, Integer> ranks = new HashMap<>();
    private static final Conclusions.Order<AllocationReason> IN_RULE_ORDER = Conclusions.Order.byRulesAlone();

    /** Per application, in the order of the rules in their file, which follows the steps of the round; then by message. */
    private final Map<String, Conclusions<AllocationReason>> reasons = new HashMap<>();
    private final List<String> fired = new ArrayList<>();

    /** Records that a rule fired, for the trail kept with the allocation. */
    void fired(String rule) {
        fired.add(rule);
    }

    List<String> firedRules() {
        return fired;
    }

    public void notRanked(RuleContext rule, AllocationCase application, String code, String message) {
        decide(rule, application, AllocationStatus.NOT_RANKED, code, message);
    }

    public void candidate(RuleContext rule, Placed placed, String code, String message) {
        decide(rule, placed, AllocationStatus.CANDIDATE, code, message);
    }

    public void notSelected(RuleContext rule, Placed placed, String code, String message) {
        decide(rule, placed, AllocationStatus.NOT_SELECTED, code, message);
    }

    public void removedByObjection(RuleContext rule, Placed placed, String code, String message) {
        decide(rule, placed, AllocationStatus.REMOVED_BY_OBJECTION, code, message);
    }

    /** A reason that explains without deciding the status (e.g. how a tie was broken). */
    public void reason(RuleContext context, AllocationCase application, String code, String message) {
        Rule rule = context.getRule();
        reasons.computeIfAbsent(application.id(), id -> new Conclusions<>(IN_RULE_ORDER)).add(
                new AllocationReason(code, (String) rule.getMetaData().get(CLAUSE), rule.getName(), message),
                LibraryRules.order(rule.getName()), message);
    }

    private void decide(RuleContext rule, Placed placed, AllocationStatus status, String code, String message) {
        ranks.put(placed.application().id(), placed.rank());
        decide(rule, placed.application(), status, code, message);
    }

    private void decide(RuleContext rule, AllocationCase application, AllocationStatus status, String code, String message) {
        statuses.computeIfAbsent(application.id(), id -> new LinkedHashMap<>()).putIfAbsent(status, rule.getRule().getName());
        reason(rule, application, code, message);
    }

    /**
     * The one status the rules gave the application.
     *
     * @throws IllegalStateException when the rules gave it none or more than one: the rule files leave a case
     *                               uncovered or contradict each other, which the message says in terms of rules
     */
    AllocationStatus status(String applicationId) {
        Map<AllocationStatus, String> given = statuses.getOrDefault(applicationId, Map.of());
        if (given.size() == 1) {
            return given.keySet().iterator().next();
        }
        if (given.isEmpty()) {
            throw new IllegalStateException("分配规则没有为申报 " + applicationId + " 确定结果：请检查 rules/allocation/ 中的规则是否覆盖了这种情形");
        }
        throw new IllegalStateException("分配规则为申报 " + applicationId + " 确定了不止一个结果："
                + given.entrySet().stream().map(e -> e.getKey() + "（规则“" + e.getValue() + "”）").collect(Collectors.joining("、"))
                + "；请检查这些规则的条件是否重叠");
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

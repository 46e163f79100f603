package org.carrierrules.internal.engine;

import java.util.List;

import org.kie.api.KieBase;

import org.carrierrules.internal.language.CheckedRule;
import org.carrierrules.internal.language.Stage;
import org.carrierrules.policy.RuleInfo;

/**
 * A stage's rules, compiled: the KieBase, the rules as the policy states them (what each generated rule's
 * index stands for), and the Drools rules that were compiled, which engineers may read.
 *
 * @param rules the policy's checked rules by index (in 评审与名额分配, those of 排名资格)
 * @param info  each of them with its clause, file and line, as {@code rules()} lists them; never the library's
 *              allocation rules, whose clauses are each policy's ({@code AllocationCitations})
 * @param prebuilt whether the library's build compiled it (Drools' executable model, {@link PrebuiltStages}) rather
 *                 than Drools' compiler at run time
 */
public record CompiledStage(Stage stage, KieBase base, List<CheckedRule> rules, List<RuleInfo> info, String drl,
                            boolean prebuilt) {
    public CompiledStage {
        rules = List.copyOf(rules);
        info = List.copyOf(info);
    }

    /**
     * Whether its sessions need Drools' guards for sessions shared between threads, although each is used by one
     * thread at a time. For a session without them, Drools' executable model (Drools 10.2.0,
     * {@code LambdaConsequence.fetchFacts}) keeps the arguments of each consequence in one array per rule, in the
     * KieBase that every thread's sessions share, so two threads firing one rule at once would each see the other's
     * facts ({@code ReloadStressTest} found it: one application both listed and not). The allocation rules'
     * consequences take bound variables ({@code $placed} …); those of the other stages pass only the rule's context
     * and index ({@code DrlGenerator}), for which the model makes a new array each time.
     */
    public boolean needsThreadSafeSessions() {
        return prebuilt && stage == Stage.ALLOCATION;
    }
}

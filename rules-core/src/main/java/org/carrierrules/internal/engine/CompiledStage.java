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
 * @param prebuilt whether the library's build compiled it (Drools' executable model, {@link PrebuiltStages}) rather
 *                 Drools' compiler at run time: its sessions must then be thread-safe ({@link StageSession})
 * @param info  each of them with its clause, file and line, as {@code rules()} lists them; never the library's
 *              allocation rules, whose clauses are each policy's ({@code AllocationCitations})
 */
public record CompiledStage(Stage stage, KieBase base, List<CheckedRule> rules, List<RuleInfo> info, String drl,
                            boolean prebuilt) {
    public CompiledStage {
        rules = List.copyOf(rules);
        info = List.copyOf(info);
    }
}

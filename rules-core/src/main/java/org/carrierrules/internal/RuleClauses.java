package org.carrierrules.internal;

import java.util.ArrayList;
import java.util.List;

import org.carrierrules.PolicyProblem;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.Resource;

/** Every rule must say which clause of the notice it applies, in {@code @clause("…")} metadata. */
final class RuleClauses {
    static final String KEY = "clause";

    private RuleClauses() {
    }

    static String clauseOf(Rule rule) {
        return (String) rule.getMetaData().get(KEY);
    }

    /** The policy file a rule was read from, relative to the policy directory. */
    static String sourceOf(Rule rule) {
        Resource resource = ((RuleImpl) rule).getResource();
        return resource == null || resource.getSourcePath() == null ? rule.getPackageName() : resource.getSourcePath();
    }

    /** One problem per rule that has no clause, or an empty one. */
    static List<PolicyProblem> missing(KieBase base) {
        List<PolicyProblem> problems = new ArrayList<>();
        for (KiePackage pkg : base.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                Object clause = rule.getMetaData().get(KEY);
                if (!(clause instanceof String text) || text.isBlank()) {
                    problems.add(new PolicyProblem(sourceOf(rule), 0,
                            "规则“" + rule.getName() + "”没有注明依据的通知条款，请在规则名下一行加上 @clause(\"条款\")"));
                }
            }
        }
        return problems;
    }
}

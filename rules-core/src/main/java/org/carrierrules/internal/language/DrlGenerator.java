package org.carrierrules.internal.language;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.carrierrules.internal.facts.FactConditions;

/**
 * Writes a stage's checked rules as Drools rules, from the library's templates only. Nothing staff typed
 * reaches the text: the package is the stage's, each rule is named by its index ({@code r0}, {@code r1}, …),
 * its conditions are the vocabulary's patterns and its consequence hands the collector that index, by which
 * the collector finds the rule's name, clause, code and message in the {@link CheckedRule} table. A quote, a
 * comment marker or a line break in a rule name or a message is therefore only ever data.
 */
public final class DrlGenerator {
    /** The global through which a stage's rules ask their fact sentences. */
    public static final String CONDITIONS = "conditions";
    /**
     * The step of 评审与名额分配 a policy's rules take part in: which accepted, reviewed applications may be ranked. The
     * library's rules of the later steps (ranking, quota, objections, ties) are not the policy's to write.
     */
    public static final String RANKING_ELIGIBILITY = "排名资格";

    private DrlGenerator() {
    }

    /**
     * The Drools rules of one stage's rules, which {@code rules} lists in index order. For 评审与名额分配, the rules
     * alone, without package, imports or globals: they are compiled after the library's own allocation rules, in
     * the same package, whose header declares what they use.
     */
    public static String generate(Stage stage, List<CheckedRule> rules) {
        if (stage == Stage.ALLOCATION) {
            return rankingEligibility(rules);
        }
        StringBuilder drl = new StringBuilder(header(stage));
        if (usesFacts(rules)) {
            drl.append("global ").append(FactConditions.class.getName()).append(' ').append(CONDITIONS).append(";\n");
        }
        for (int index = 0; index < rules.size(); index++) {
            CheckedRule rule = rules.get(index);
            drl.append("\nrule \"").append(ruleName(index)).append("\"\nwhen\n");
            for (String pattern : patterns(stage, index, rule)) {
                drl.append("    ").append(pattern).append('\n');
            }
            drl.append("then\n    ").append(collector(stage)).append(".report(kcontext, ").append(index).append(");\nend\n");
        }
        return drl.toString();
    }

    /**
     * Each rule of 排名资格 is one pattern on the application it may keep out, its sentences that pattern's
     * constraints, so a round of any size is decided in one pass over its applications. The scoring table comes
     * first: 合格分 is the one of the table the session's applications were scored on.
     */
    private static String rankingEligibility(List<CheckedRule> rules) {
        StringBuilder drl = new StringBuilder();
        for (int index = 0; index < rules.size(); index++) {
            CheckedRule rule = rules.get(index);
            List<String> constraints = new ArrayList<>();
            rule.conditions().forEach(condition -> constraints.add(condition.sentence().drl()));
            if (rule.test() != null) {
                constraints.add(CONDITIONS + ".holdsFor(" + index + ", this)");
            }
            drl.append("\nrule \"").append(ruleName(index)).append("\"\n    ruleflow-group \"").append(RANKING_ELIGIBILITY)
                    .append("\"\nwhen\n    ").append(Vocabulary.RUBRIC).append(" : Rubric()\n    ").append(Vocabulary.CASE)
                    .append(" : AllocationCase( ").append(String.join(", ", constraints)).append(" )\nthen\n    insert( outcomes.exclude(kcontext, ")
                    .append(index).append(", ").append(Vocabulary.CASE).append(") );\nend\n");
        }
        return drl.toString();
    }

    /**
     * A rule's patterns: its sentences' in order, a {@link Vocabulary.Joined} pair as one, and every sentence's
     * constraints on the application (there is one per assessment) in one pattern first, its fact sentences' test last.
     */
    private static List<String> patterns(Stage stage, int index, CheckedRule rule) {
        List<String> application = new ArrayList<>();
        List<String> others = new ArrayList<>();
        List<CheckedRule.Condition> conditions = rule.conditions();
        for (int i = 0; i < conditions.size(); i++) {
            CheckedRule.Condition condition = conditions.get(i);
            Vocabulary.Joined pair = i + 1 < conditions.size()
                    ? Vocabulary.bundled().joined(condition.sentence(), conditions.get(i + 1).sentence()) : null;
            if (pair != null) {
                others.add(pattern(pair.drl(), conditions.get(++i)));
            } else if (condition.sentence().application() != null) {
                application.add(pattern(condition.sentence().application(), condition));
                if (!condition.sentence().others().isEmpty()) {
                    others.add(condition.sentence().others());
                }
            } else {
                others.add(pattern(condition.sentence().drl(), condition));
            }
        }
        List<String> patterns = new ArrayList<>();
        if (rule.test() != null) {
            patterns.add(factPattern(stage, index, application));
        } else if (!application.isEmpty()) {
            patterns.add(Vocabulary.APPLICATION + "( " + String.join(", ", application) + " )");
        }
        patterns.addAll(others);
        return patterns;
    }

    /** Whether some rule of a stage has fact sentences, so that its sessions need the global {@link #CONDITIONS}. */
    public static boolean usesFacts(List<CheckedRule> rules) {
        return rules.stream().anyMatch(rule -> rule.test() != null);
    }

    /**
     * The pattern of a rule's fact sentences: only the rule's index, by which {@link FactConditions} finds what they
     * test, after the constraints its other sentences put on the application. Declared only by stages whose rules
     * use it, so that a policy without fact sentences generates what it did before there were any.
     */
    private static String factPattern(Stage stage, int index, List<String> application) {
        return switch (stage) {
            case ASSESSMENT -> CheckedRule.FACTS + " : " + Vocabulary.APPLICATION + "( "
                    + application.stream().map(constraints -> constraints + ", ").collect(Collectors.joining())
                    + CONDITIONS + ".holdsFor(" + index + ", this) )";
            case SUPERVISION -> CheckedRule.FACTS + " : Carrier( " + CONDITIONS + ".holdsForCarrier(" + index + ", this) )";
            case ALLOCATION -> throw new IllegalArgumentException("the rules of 排名资格 ask their fact sentences in their one pattern");
        };
    }

    /** The name rule {@code index} has in the generated Drools rules. */
    public static String ruleName(int index) {
        return "r" + index;
    }

    /** The rule's index, from its generated name; -1 for a name the generator did not make. */
    public static int indexOf(String ruleName) {
        if (ruleName.length() < 2 || ruleName.charAt(0) != 'r') {
            return -1;
        }
        try {
            return Integer.parseInt(ruleName.substring(1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** {@code drl}, a condition's pattern or that of the pair it ends, with the constraints written under {@code condition}. */
    private static String pattern(String drl, CheckedRule.Condition condition) {
        if (condition.sentence().subject() == null) {
            return drl;
        }
        String constraints = condition.constraints().stream().map(c -> ", " + c.drl()).collect(Collectors.joining());
        return drl.replace(Vocabulary.CONSTRAINTS, constraints);
    }

    /**
     * The collector a stage's consequences report to, by a static call that passes nothing but the rule's context and
     * index: a consequence that names no global and no bound variable has no arguments for Drools' executable model
     * to keep between firings, so the build's compilation of the stage may run in sessions without thread guards
     * ({@code StageSession}).
     */
    private static String collector(Stage stage) {
        return switch (stage) {
            case ASSESSMENT -> "FindingCollector";
            case SUPERVISION -> "GroundCollector";
            case ALLOCATION -> throw new IllegalArgumentException("the rules of 排名资格 give their reasons through outcomes.exclude");
        };
    }

    /**
     * The package, imports and globals of a stage. Consequences run in the MVEL dialect: Drools then does not
     * compile them to Java with ECJ when a policy loads (about 0.4 s sooner to a first result; see
     * docs/performance.md, "Consequences in MVEL").
     */
    static String header(Stage stage) {
        return switch (stage) {
            case ASSESSMENT -> """
                    package org.carrierrules.rules.assessment;

                    import org.carrierrules.application.FileFormat;
                    import org.carrierrules.internal.facts.AssessedApplication;
                    import org.carrierrules.internal.facts.ElectronicFileItem;
                    import org.carrierrules.internal.facts.MaterialItem;
                    import org.carrierrules.internal.facts.RequiredMaterial;
                    import org.carrierrules.internal.assessment.FindingCollector;
                    import function org.carrierrules.internal.facts.Names.mentions;
                    import function org.carrierrules.internal.facts.Names.isNamedAfter;

                    global org.carrierrules.internal.assessment.FindingCollector findings;
                    global org.carrierrules.internal.facts.Round round;
                    global java.util.List requiredMaterials;

                    dialect "mvel"
                    """;
            case SUPERVISION -> """
                    package org.carrierrules.rules.supervision;

                    import org.carrierrules.supervision.Carrier;
                    import org.carrierrules.supervision.CarrierEvent;
                    import org.carrierrules.supervision.EventType;
                    import org.carrierrules.internal.facts.IdleStreak;
                    import org.carrierrules.internal.supervision.GroundCollector;

                    global org.carrierrules.internal.supervision.GroundCollector grounds;
                    global org.carrierrules.internal.facts.SupervisionParameters supervision;
                    global java.time.LocalDate asOf;

                    dialect "mvel"
                    """;
            case ALLOCATION -> throw new IllegalArgumentException("the rules of 排名资格 use the header of the library's allocation rules");
        };
    }
}

package org.carrierrules.internal.language;

import java.util.List;

/**
 * What {@link RuleFileParser} reads from one staff rule file: its rules, each part with the line it was
 * written on. Nothing here has been looked up in the vocabulary yet; {@link RuleChecker} does that. Every
 * string is staff text: it may be shown back to staff, and never becomes Drools source.
 *
 * @param file  the file's path in the policy directory, e.g. {@code rules/materials/scans.dslr}
 * @param rules the rules in the order they are written
 */
public record RuleTree(String file, List<Rule> rules) {
    public RuleTree {
        rules = List.copyOf(rules);
    }

    /**
     * {@code rule "名称"}, its {@code @clause}, the conditions under {@code when} and the one conclusion under
     * {@code then}.
     *
     * @param conclusion null only in a tree the parser found problems in
     */
    public record Rule(String name, int line, List<Clause> clauses, List<Condition> conditions, Conclusion conclusion) {
        public Rule {
            clauses = List.copyOf(clauses);
            conditions = List.copyOf(conditions);
        }
    }

    /** {@code @clause("四(二)")}: the clause of the notice the rule applies. */
    public record Clause(String text, int line) {
    }

    /** A condition sentence and the {@code - } constraint lines written under it. */
    public record Condition(String text, int line, List<Constraint> constraints) {
        public Condition {
            constraints = List.copyOf(constraints);
        }
    }

    /** A {@code - } line: a further condition on what the sentence above it names. */
    public record Constraint(String text, int line) {
    }

    /**
     * {@code 通知补正该材料，代码 MATERIAL_MISSING：缺少{材料名称}}: what the rule concludes, under which code,
     * in which words.
     *
     * @param verdict     the words before {@code ，代码}, e.g. {@code 通知补正该材料}
     * @param line        where the verdict is written
     * @param codeLine    where the code is written: the same line in a rule file, its own cell in a decision table
     * @param messageLine where the message is written, likewise
     */
    public record Conclusion(String verdict, String code, String message, int line, int codeLine, int messageLine) {
        /** A conclusion written on one line, as in a rule file. */
        public Conclusion(String verdict, String code, String message, int line) {
            this(verdict, code, message, line, line, line);
        }
    }
}

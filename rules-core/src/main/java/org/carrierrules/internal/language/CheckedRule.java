package org.carrierrules.internal.language;

import java.util.List;

/**
 * A rule that {@link RuleChecker} found sound: every sentence in the vocabulary and of its stage, every
 * variable bound before it is used, its code in the catalogue with the weight of its conclusion, its
 * message's slots resolved. The generator reads only this; the engines read its name, clause, code and
 * message when it fires, by its index in the stage.
 *
 * @param file the policy file it is written in; {@code line} is the line of its {@code rule "…"}
 */
public record CheckedRule(String name, String clause, String file, int line, Stage stage,
                          List<Condition> conditions, Vocabulary.Verdict verdict, CodeCatalogue.Code code, Message message) {
    public CheckedRule {
        conditions = List.copyOf(conditions);
    }

    /** A condition sentence with the constraints written under it. */
    public record Condition(Vocabulary.Condition sentence, List<Vocabulary.Constraint> constraints) {
        public Condition {
            constraints = List.copyOf(constraints);
        }
    }
}

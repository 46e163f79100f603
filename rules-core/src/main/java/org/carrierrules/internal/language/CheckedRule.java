package org.carrierrules.internal.language;

import java.util.List;

import org.carrierrules.internal.facts.FactTest;

/**
 * A rule that {@link RuleChecker} found sound: every sentence in the vocabulary and of its stage, every
 * variable bound before it is used, its code in the catalogue with the weight of its conclusion, its
 * message's slots resolved. The generator reads only this; the engines read its name, clause, code and
 * message when it fires, by its index in the stage.
 *
 * @param file       the policy file it is written in; {@code line} is the line of its {@code rule "…"}
 * @param conditions the vocabulary's sentences under {@code when}
 * @param test       what its fact sentences test together ({@link FactSentences}), or null when it has none
 * @param fact       the declared fact its findings are about: the first its message shows, else the first its fact
 *                   sentences name; null when none
 */
public record CheckedRule(String name, String clause, String file, int line, Stage stage,
                          List<Condition> conditions, Vocabulary.Verdict verdict, CodeCatalogue.Code code, Message message,
                          FactTest test, String fact) {
    /** The variable the pattern of a rule's fact sentences binds, for the message slots of facts and parameters. */
    public static final String FACTS = "$facts";

    public CheckedRule {
        conditions = List.copyOf(conditions);
    }

    /** A rule of the vocabulary's sentences only. */
    public CheckedRule(String name, String clause, String file, int line, Stage stage,
                       List<Condition> conditions, Vocabulary.Verdict verdict, CodeCatalogue.Code code, Message message) {
        this(name, clause, file, line, stage, conditions, verdict, code, message, null, null);
    }

    /** A condition sentence with the constraints written under it. */
    public record Condition(Vocabulary.Condition sentence, List<Vocabulary.Constraint> constraints) {
        public Condition {
            constraints = List.copyOf(constraints);
        }
    }
}

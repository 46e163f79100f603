package org.carrierrules.internal.facts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.carrierrules.application.FactValues;
import org.carrierrules.supervision.Carrier;

/**
 * The fact sentences of one stage's rules, by rule index, which the generated rules ask through the global
 * {@code conditions}: {@code $facts : AssessedApplication( conditions.holdsFor(3, this) )}. Only the index is in the
 * generated text; what rule 3 tests is here, as values. Immutable and shared by every session of the stage.
 */
public final class FactConditions {
    private final List<FactTest> byRule;
    private final LocalDate windowCloses;
    private final RoundParameters parameters;

    /**
     * @param byRule       each rule's test, null for a rule without fact sentences
     * @param windowCloses the day the round's window closes, for {@code 距申报截止}; null in 跟踪管理
     * @param parameters   the round's parameters
     */
    public FactConditions(List<FactTest> byRule, LocalDate windowCloses, RoundParameters parameters) {
        this.byRule = Collections.unmodifiableList(new ArrayList<>(byRule));
        this.windowCloses = windowCloses;
        this.parameters = parameters;
    }

    /** Whether rule {@code rule}'s fact sentences hold of an application, as 受理审查 or 排名资格 matched it. */
    public boolean holdsFor(int rule, ApplicationFacts application) {
        return byRule.get(rule).test(new FactTest.Subject(application.carrierType(), application.applicantType(),
                application.facts(), windowCloses, parameters));
    }

    /** Whether rule {@code rule}'s fact sentences hold of a recognised carrier (跟踪管理): it carries its type only. */
    public boolean holdsForCarrier(int rule, Carrier carrier) {
        return byRule.get(rule).test(new FactTest.Subject(carrier.carrierType(), null, FactValues.none(), windowCloses, parameters));
    }
}

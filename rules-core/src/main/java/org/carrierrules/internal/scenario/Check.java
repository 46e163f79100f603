package org.carrierrules.internal.scenario;

import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import org.carrierrules.InvalidInputException;

/** One scenario's input decided against a policy and compared with what the scenario expects of it. */
@FunctionalInterface
interface Check {
    /**
     * Decides {@code input} as a host's call would, and compares; when it differs, decides {@code base} (what the
     * input was changed from) too, under the same policy, to tell what the base gives by itself.
     *
     * @throws org.carrierrules.InvalidInputException when the input is refused
     */
    Outcome run(ScenarioSubject policy, JsonNode input, Base base);

    /**
     * @param failures what did not come out as expected, in plain Chinese; empty when all did
     * @param rules    the rules that gave the decision's conclusions, a rule once per conclusion
     * @param fromBase when every failure comes from what the scenario's base gives by itself, that; else null
     */
    record Outcome(List<String> failures, List<String> rules, FromBase fromBase) {
    }

    /** A base's decision, or null when it is refused: a base the readers refuse tells nothing about the scenario's failure. */
    static <T> T unlessRefused(Supplier<T> decide) {
        try {
            return decide.get();
        } catch (InvalidInputException e) {
            return null;
        }
    }
}

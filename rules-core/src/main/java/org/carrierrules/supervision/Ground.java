package org.carrierrules.supervision;

import java.util.Objects;

/**
 * One reason a rule found to rectify or revoke a carrier (notice 五).
 *
 * @param code    stable code, e.g. {@code NO_TRAINING_THREE_YEARS}: one of the contract's, or one the policy
 *                declares in its {@code codes.yaml}
 * @param outcome what this ground calls for on its own: the code's, never the rule's choice
 * @param clause  the clause of the notice the rule applies, {@code 五}
 * @param rule    the name of the rule that found it
 * @param message what was found, in plain Chinese
 */
public record Ground(String code, SupervisionOutcome outcome, String clause, String rule, String message) {
    public Ground {
        Objects.requireNonNull(code, "code");
        if (outcome == null || outcome == SupervisionOutcome.KEEP) {
            throw new IllegalArgumentException("a ground calls for REVOKE or RECTIFY, not " + outcome);
        }
    }

    /**
     * A ground with one of the contract's codes, whose outcome the contract fixes.
     *
     * @throws IllegalArgumentException when {@code code} is not a ground code of the contract
     */
    public Ground(String code, String clause, String rule, String message) {
        this(code, SupervisionOutcome.ofGround(code), clause, rule, message);
    }
}

package org.carrierrules;

/**
 * One reason a rule found to rectify or revoke a carrier (notice 五).
 *
 * @param code    stable code of the contract, e.g. {@code NO_TRAINING_THREE_YEARS}; only the contract's codes are allowed
 * @param clause  the clause of the notice the rule applies, {@code 五}
 * @param rule    the name of the rule that found it
 * @param message what was found, in plain Chinese
 */
public record Ground(String code, String clause, String rule, String message) {
    public Ground {
        ReviewOutcome.ofGround(code);
    }

    /** The outcome this ground calls for on its own. */
    public ReviewOutcome outcome() {
        return ReviewOutcome.ofGround(code);
    }
}

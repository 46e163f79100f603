package org.carrierrules.allocation;

/**
 * One reason for an application's allocation status, said by the rule that gave it.
 *
 * @param code    stable code, e.g. {@code QUOTA_FILLED}
 * @param clause  the clause of the notice the rule applies, e.g. {@code 三}
 * @param rule    the name of the rule that gave the reason
 * @param message the reason in plain Chinese
 */
public record AllocationReason(String code, String clause, String rule, String message) {
}

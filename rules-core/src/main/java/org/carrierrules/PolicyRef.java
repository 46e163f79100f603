package org.carrierrules;

/**
 * Which policy made a decision.
 *
 * @param round       the round's id, e.g. {@code luohu-2024}
 * @param fingerprint {@code sha256:} over the policy's files (its scenario tests aside), the rules the library generated
 *                    from them and the library's version: two decisions with the same fingerprint were made by
 *                    the same rules
 */
public record PolicyRef(String round, String fingerprint) {
}

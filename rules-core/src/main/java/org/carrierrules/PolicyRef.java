package org.carrierrules;

/**
 * Which policy made a decision.
 *
 * @param round       the round's id, e.g. {@code luohu-2024}
 * @param fingerprint {@code sha256:} over every rule and policy file of the round
 */
public record PolicyRef(String round, String fingerprint) {
}

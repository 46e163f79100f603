package org.carrierrules.allocation;

import java.time.Instant;
import java.util.Objects;

import org.carrierrules.assessment.Acceptance;

/**
 * One version of an application in its round, as its history shows it: when it came, what 受理审查 concluded of it,
 * and what the round made of it (四(三)).
 *
 * @param submittedAt when this version was submitted
 * @param acceptance  what 受理审查 concluded of this version
 * @param use         whether the round decided on it, and if not, why
 * @param clause      the clause the round gives for corrections ({@code supplement.clause}), or null when it sets none
 * @param note        the same in Chinese, with the deadline where one applies
 */
public record SubmittedVersion(Instant submittedAt, Acceptance acceptance, VersionUse use, String clause, String note) {
    public SubmittedVersion {
        Objects.requireNonNull(submittedAt, "submittedAt");
        Objects.requireNonNull(acceptance, "acceptance");
        Objects.requireNonNull(use, "use");
        Objects.requireNonNull(note, "note");
    }
}

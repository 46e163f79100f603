package org.carrierrules.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.carrierrules.LibraryVersion;
import org.carrierrules.internal.engine.LibraryRules;
import org.carrierrules.internal.engine.RuleBaseBuilder;
import org.carrierrules.internal.policy.PolicyFiles;

/**
 * The fingerprint every decision carries: "the same fingerprint" must mean "decided by the same rules". The
 * policy's files alone do not say that, because the same rule file means what the library's vocabulary makes
 * of it; so the fingerprint is a SHA-256 over the library's version, the declarations every stage compiles
 * with ({@code facts.drl}), the library's own allocation rules, the Drools rules generated from the staff's rule
 * files (where the vocabulary's templates show), and the policy's files (all but the scenario tests,
 * {@link PolicyFiles#fingerprint}).
 */
final class PolicyFingerprint {
    private PolicyFingerprint() {
    }

    static String of(PolicyFiles files, String generatedDrl) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (byte[] part : new byte[][] {
                    ("carrier-rules " + LibraryVersion.get()).getBytes(StandardCharsets.UTF_8),
                    RuleBaseBuilder.libraryFacts(),
                    LibraryRules.drl(),
                    generatedDrl.getBytes(StandardCharsets.UTF_8),
                    files.fingerprint().getBytes(StandardCharsets.UTF_8)}) {
                // Each part with its length first, so that no two different sets of parts digest alike.
                sha.update(ByteBuffer.allocate(Long.BYTES).putLong(part.length).array());
                sha.update(part);
            }
            return "sha256:" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}

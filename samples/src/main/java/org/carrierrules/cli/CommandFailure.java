package org.carrierrules.cli;

/**
 * Why a command stops before it is done, already in the plain Chinese a user reads, and the exit code that says
 * so. Thrown where the reason is found (an input file, the policy, a key); {@link CarrierRulesCommand} prints the
 * message on standard error and exits through picocli's exit-code mapping, so no command threads a null back up.
 */
final class CommandFailure extends RuntimeException {
    private final int exitCode;

    CommandFailure(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}

package org.carrierrules.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

import org.carrierrules.CarrierRules;
import org.carrierrules.PolicyException;

/** The policy a command runs under: the bundled round unless {@code --policy DIR} names another. */
final class Policies {
    private Policies() {
    }

    /**
     * The policy, or null once everything wrong with it has been printed on {@code err} (the command
     * then exits with {@link CarrierRulesCommand#POLICY_BROKEN}).
     */
    static CarrierRules loadOrReport(Path directory, PrintWriter err) {
        try {
            return directory == null ? CarrierRules.bundled() : CarrierRules.fromDirectory(directory);
        } catch (PolicyException e) {
            err.println(e.getMessage());
            return null;
        }
    }
}

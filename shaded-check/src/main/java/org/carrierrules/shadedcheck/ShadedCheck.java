package org.carrierrules.shadedcheck;

import java.nio.file.Path;
import java.util.stream.Collectors;

import org.carrierrules.CarrierRules;
import org.carrierrules.assessment.Assessment;
import org.carrierrules.assessment.Finding;
import org.carrierrules.policy.PolicyException;

/**
 * The main class of the shaded jar: loads the bundled policy, or the policy directory given as its one argument
 * (its scenarios not run), assesses {@link CheckApplication} and prints three lines, {@code acceptance=},
 * {@code codes=} (the findings' codes in order) and {@code fingerprint=}. Exits 1 with the library's message on
 * stderr when the policy does not load, which is what an unmerged jar does with rules it must compile.
 */
public final class ShadedCheck {
    private ShadedCheck() {
    }

    public static void main(String[] args) {
        Assessment assessment;
        try {
            CarrierRules rules = args.length == 0 ? CarrierRules.bundled() : CarrierRules.fromDirectoryUntested(Path.of(args[0]));
            assessment = rules.assess(CheckApplication.build());
        } catch (PolicyException | ExceptionInInitializerError e) {
            // bundled() loads the policy in a class initialiser, so its PolicyException arrives wrapped.
            Throwable reason = e.getCause() instanceof PolicyException ? e.getCause() : e;
            System.err.println(reason.getMessage());
            System.exit(1);
            return;
        }
        System.out.println("acceptance=" + assessment.acceptance().name());
        System.out.println("codes=" + assessment.findings().stream().map(Finding::code).collect(Collectors.joining(",")));
        System.out.println("fingerprint=" + assessment.policy().fingerprint());
    }
}

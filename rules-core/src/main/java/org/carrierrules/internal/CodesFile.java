package org.carrierrules.internal;

import java.util.List;

import org.carrierrules.ReviewOutcome;
import org.carrierrules.Severity;
import org.carrierrules.internal.language.CodeCatalogue;
import org.carrierrules.internal.language.Stage;

/**
 * The shape of {@code codes.yaml}, which a policy needs only when its rules conclude with codes the contract
 * does not have: each code with its stage, what it weighs, and the clause behind it. Read strictly.
 */
record CodesFile(List<Declared> codes, String reference) {
    static final String PATH = "codes.yaml";

    /** What a code weighs: a finding's severity in 受理审查, a ground's outcome in 跟踪管理. */
    enum Weight {
        INELIGIBLE, DEFECT, NOTE, REVOKE, RECTIFY
    }

    record Declared(String code, Stage stage, Weight severity, String clause, String label) {
        CodeCatalogue.Code toCode() {
            Severity findingSeverity = switch (severity) {
                case INELIGIBLE -> Severity.INELIGIBLE;
                case DEFECT -> Severity.DEFECT;
                case NOTE -> Severity.NOTE;
                default -> null;
            };
            ReviewOutcome outcome = switch (severity) {
                case REVOKE -> ReviewOutcome.REVOKE;
                case RECTIFY -> ReviewOutcome.RECTIFY;
                default -> null;
            };
            return new CodeCatalogue.Code(code, stage, findingSeverity, outcome, clause, PATH);
        }
    }
}

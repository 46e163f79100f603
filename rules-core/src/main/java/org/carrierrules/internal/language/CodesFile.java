package org.carrierrules.internal.language;

import java.util.List;

import org.carrierrules.assessment.Severity;
import org.carrierrules.internal.language.CodeCatalogue;
import org.carrierrules.internal.language.Stage;
import org.carrierrules.supervision.SupervisionOutcome;

/**
 * The shape of {@code codes.yaml}, which a policy needs only when its rules conclude with codes the contract
 * does not have: each code with its stage, what it weighs, and the clause behind it. Read strictly.
 */
public record CodesFile(List<Declared> codes, String reference) {
    public static final String PATH = "codes.yaml";

    /** What a code weighs: a finding's severity in 受理审查, a ground's outcome in 跟踪管理, 不参加排名 in 评审与名额分配. */
    enum Weight {
        INELIGIBLE, DEFECT, NOTE, REVOKE, RECTIFY, NOT_RANKED
    }

    public record Declared(String code, Stage stage, Weight severity, String clause, String label) {
    public     CodeCatalogue.Code toCode() {
            Severity findingSeverity = switch (severity) {
                case INELIGIBLE -> Severity.INELIGIBLE;
                case DEFECT -> Severity.DEFECT;
                case NOTE -> Severity.NOTE;
                default -> null;
            };
            SupervisionOutcome outcome = switch (severity) {
                case REVOKE -> SupervisionOutcome.REVOKE;
                case RECTIFY -> SupervisionOutcome.RECTIFY;
                default -> null;
            };
            return new CodeCatalogue.Code(code, stage, findingSeverity, outcome, clause, PATH);
        }
    }
}

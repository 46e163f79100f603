package org.carrierrules.documents;

import java.util.Objects;

import org.carrierrules.allocation.Allocation;
import org.carrierrules.allocation.RoundSubmission;
import org.carrierrules.application.Application;
import org.carrierrules.assessment.Assessment;
import org.carrierrules.supervision.Carrier;
import org.carrierrules.supervision.SupervisionDecision;
import org.carrierrules.supervision.SupervisionOutcome;

/**
 * A document the district office sends or prints, made of the library's own decision records: what it says is
 * decided there; how it is worded is the policy's template ({@link DocumentKind#templateName()}).
 * Render it with {@link Documents#render}.
 */
public sealed interface Document permits Document.AssessmentNotice, Document.SupervisionNotice, Document.PublicNotice,
        Document.RoundReport {

    DocumentKind kind();

    /**
     * The notice that follows an assessment (四(三)): 受理通知, 补正材料通知 or 不予受理告知, by its acceptance.
     */
    record AssessmentNotice(Application application, Assessment assessment) implements Document {
        public AssessmentNotice {
            Objects.requireNonNull(application, "application");
            Objects.requireNonNull(assessment, "assessment");
            if (!application.id().equals(assessment.applicationId())) {
                throw new IllegalArgumentException("审查结果属于申报 " + assessment.applicationId() + "，不是申报 " + application.id());
            }
        }

        @Override
        public DocumentKind kind() {
            return switch (assessment.acceptance()) {
                case ACCEPTED -> DocumentKind.ACCEPTANCE_NOTICE;
                case SUPPLEMENT_REQUIRED -> DocumentKind.SUPPLEMENT_NOTICE;
                case NOT_ACCEPTED -> DocumentKind.REJECTION_NOTICE;
            };
        }
    }

    /**
     * What 跟踪管理 sends (五): 通知改正 to the carrier, or the district's 取消认定建议 to the city bureau. A carrier
     * kept as it is gets no document.
     */
    record SupervisionNotice(Carrier carrier, SupervisionDecision decision) implements Document {
        public SupervisionNotice {
            Objects.requireNonNull(carrier, "carrier");
            Objects.requireNonNull(decision, "decision");
            if (!carrier.carrierId().equals(decision.carrierId())) {
                throw new IllegalArgumentException("跟踪管理结论属于载体 " + decision.carrierId() + "，不是载体 " + carrier.carrierId());
            }
            if (decision.outcome() == SupervisionOutcome.KEEP) {
                throw new IllegalArgumentException("载体 " + carrier.carrierId() + " 保持认定，没有需要发出的通知");
            }
        }

        @Override
        public DocumentKind kind() {
            return decision.outcome() == SupervisionOutcome.RECTIFY ? DocumentKind.RECTIFICATION_NOTICE : DocumentKind.REVOCATION_PROPOSAL;
        }
    }

    /** 四(五): the candidate list as publicly noticed, with the period and where to object. */
    record PublicNotice(RoundSubmission submission, Allocation allocation) implements Document {
        public PublicNotice {
            Objects.requireNonNull(submission, "submission");
            Objects.requireNonNull(allocation, "allocation");
        }

        @Override
        public DocumentKind kind() {
            return DocumentKind.PUBLIC_NOTICE;
        }
    }

    /**
     * The round's outcome for the office: the timeline, the list as published (公示) apart from what happened after
     * it (objections, removals, vacancies), and who was not selected or not ranked, and why.
     */
    record RoundReport(RoundSubmission submission, Allocation allocation) implements Document {
        public RoundReport {
            Objects.requireNonNull(submission, "submission");
            Objects.requireNonNull(allocation, "allocation");
        }

        @Override
        public DocumentKind kind() {
            return DocumentKind.ROUND_REPORT;
        }
    }
}

package org.carrierrules.cli;

import java.io.PrintWriter;
import java.time.ZonedDateTime;
import java.util.List;

import org.carrierrules.PolicyRef;
import org.carrierrules.application.Application;
import org.carrierrules.assessment.Acceptance;
import org.carrierrules.assessment.Assessment;
import org.carrierrules.assessment.Finding;
import org.carrierrules.assessment.Severity;
import org.carrierrules.json.InputRecord;
import org.carrierrules.notice.NoticeDates;
import org.carrierrules.policy.RoundInfo;

/**
 * The assessment as a person reads it: a summary per applicant and, for 补正 (四(三)), the text of
 * the notice that tells the applicant exactly what to correct.
 */
final class AssessmentText {

    private final RoundInfo round;
    private final PrintWriter out;

    private AssessmentText(RoundInfo round, PrintWriter out) {
        this.round = round;
        this.out = out;
    }

    /** A report begun with the round and the policy that decides; the records follow one by one. */
    static AssessmentText start(RoundInfo round, PolicyRef policy, PrintWriter out) {
        out.println(round.title() + " · 受理审查结果");
        out.println("政策：" + policy.round() + "  " + policy.fingerprint());
        if (round.materialsIllustrative()) {
            out.println("注意：本轮申报材料清单为示例数据（通知附件1未公布），并非正式政策。");
        }
        return new AssessmentText(round, out);
    }

    /** The next record: its assessment, or null for an invalid record. */
    void print(InputRecord record, Assessment assessment) {
        out.println();
        if (record instanceof InputRecord.Valid valid) {
            print(record.position(), valid.application(), assessment);
        } else {
            InputRecord.Invalid invalid = (InputRecord.Invalid) record;
            InvalidRecordText.print(out, record.position(), invalid.applicationId(), invalid.line(), invalid.error());
        }
    }

    private void print(int position, Application application, Assessment assessment) {
        out.println("[" + position + "] " + application.id() + " " + application.applicant().name() + " · "
                + application.carrierType().label());
        out.println("    提交时间：" + local(application.submittedAt().atZone(round.zone())) + "（北京时间）");
        out.println("    结论：" + assessment.acceptance().label());
        if (assessment.acceptance() == Acceptance.NOT_ACCEPTED) {
            out.println("    不予受理的理由：");
            numbered(assessment.findings().stream().filter(f -> f.severity() == Severity.INELIGIBLE).toList(), "      ");
        } else if (assessment.acceptance() == Acceptance.SUPPLEMENT_REQUIRED) {
            supplementNotice(application, assessment);
        }
        List<Finding> notes = assessment.findings().stream().filter(f -> f.severity() == Severity.NOTE).toList();
        if (!notes.isEmpty()) {
            out.println("    提示：");
            numbered(notes, "      ");
        }
    }

    private void supplementNotice(Application application, Assessment assessment) {
        List<Finding> defects = assessment.findings().stream().filter(f -> f.severity() == Severity.DEFECT).toList();
        out.println("    ──────── 补正材料通知 ────────");
        out.println("    " + application.applicant().name() + "：");
        out.println("      你单位于" + local(application.submittedAt().atZone(round.zone())) + "提交的"
                + application.carrierType().label() + "认定申报材料（编号 " + application.id() + "），经审核，"
                + "申报材料不齐全或者不符合法定形式。根据《" + round.notice() + "》第四部分第（三）项，"
                + "请按以下" + defects.size() + "项意见补正材料：");
        numbered(defects, "        ");
        out.println("      " + round.authority());
    }

    private void numbered(List<Finding> findings, String indent) {
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            out.println(indent + (i + 1) + ". " + f.message() + "（依据：" + f.clause() + "）");
        }
    }

    /** The submission time as the notice of 补正 writes it: date and time with a space between. */
    private static String local(ZonedDateTime at) {
        return NoticeDates.date(at) + " " + NoticeDates.time(at);
    }
}

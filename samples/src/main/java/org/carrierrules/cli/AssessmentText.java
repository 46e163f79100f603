package org.carrierrules.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import org.carrierrules.CarrierRules;
import org.carrierrules.documents.Document;
import org.carrierrules.documents.DocumentFormat;
import org.carrierrules.documents.Documents;
import org.carrierrules.assessment.Assessment;
import org.carrierrules.json.InputRecord;

/**
 * The assessment as a person reads it: per applicant its conclusion and the notice the library writes for it (四(三)):
 * 受理通知, 补正材料通知 or 不予受理告知, in the wording of the policy's templates; or, as HTML, every notice on a
 * printable page of its own.
 */
final class AssessmentText {

    private final Documents documents;
    private final PrintWriter out;
    private final boolean html;
    private final List<Document> notices = new ArrayList<>();

    private AssessmentText(Documents documents, PrintWriter out, boolean html) {
        this.documents = documents;
        this.out = out;
        this.html = html;
    }

    /** A text report begun with the round and the policy that decides; the records follow one by one. */
    static AssessmentText text(CarrierRules rules, PrintWriter out) {
        out.println(rules.round().title() + " · 受理审查结果");
        out.println("政策：" + rules.policy().round() + "  " + rules.policy().fingerprint());
        return new AssessmentText(rules.documents(), out, false);
    }

    /** The notices as one printable HTML file, written by {@link #finish()}; invalid records are told on {@code err}. */
    static AssessmentText html(CarrierRules rules, PrintWriter out) {
        return new AssessmentText(rules.documents(), out, true);
    }

    /** The next record: its assessment, or null for an invalid record. */
    void print(InputRecord record, Assessment assessment, PrintWriter err) {
        if (record instanceof InputRecord.Valid valid) {
            Document.AssessmentNotice notice = new Document.AssessmentNotice(valid.application(), assessment);
            if (html) {
                notices.add(notice);
                return;
            }
            out.println();
            out.println("[" + record.position() + "] " + valid.application().id() + " " + valid.application().applicant().name() + " · "
                    + valid.application().carrierType().label());
            out.println("    结论：" + assessment.acceptance().label());
            documents.render(notice, DocumentFormat.TEXT).lines().forEach(line -> out.println("    " + line));
        } else {
            InputRecord.Invalid invalid = (InputRecord.Invalid) record;
            PrintWriter to = html ? err : out;
            if (!html) {
                out.println();
            }
            InvalidRecordText.print(to, record.position(), invalid.applicationId(), invalid.line(), invalid.error());
        }
    }

    /** Writes the printable HTML, when there is a notice to print. */
    void finish() {
        if (html && !notices.isEmpty()) {
            out.print(documents.printable(notices));
        }
        out.flush();
    }
}

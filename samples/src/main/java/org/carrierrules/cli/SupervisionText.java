package org.carrierrules.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.carrierrules.CarrierRules;
import org.carrierrules.documents.Document;
import org.carrierrules.documents.DocumentFormat;
import org.carrierrules.documents.Documents;
import org.carrierrules.json.CarrierRecord;
import org.carrierrules.notice.NoticeDates;
import org.carrierrules.policy.RoundInfo;
import org.carrierrules.supervision.Carrier;
import org.carrierrules.supervision.SupervisionDecision;
import org.carrierrules.supervision.SupervisionInfo;
import org.carrierrules.supervision.SupervisionOutcome;

/**
 * 跟踪管理's decisions as a person reads them (五): a decision per carrier and, for 通知改正 and for the district's
 * 取消认定建议 to the city bureau (which alone revokes), the document the library writes in the policy's wording; or,
 * as HTML, those documents on printable pages of their own.
 */
final class SupervisionText {

    private final CarrierRules rules;
    private final RoundInfo round;
    private final SupervisionInfo supervision;
    private final PrintWriter out;
    private final Documents documents;

    SupervisionText(CarrierRules rules, PrintWriter out) {
        this.rules = rules;
        this.documents = rules.documents();
        this.round = rules.round();
        this.supervision = rules.supervision();
        this.out = out;
    }

    /** @param decisions the decision on each valid record, in the records' order */
    void print(List<CarrierRecord> records, List<SupervisionDecision> decisions, LocalDate asOf, boolean html, PrintWriter err) {
        Iterator<SupervisionDecision> decided = decisions.iterator();
        if (html) {
            List<Document> documents = new ArrayList<>();
            for (CarrierRecord record : records) {
                if (record instanceof CarrierRecord.Valid valid) {
                    SupervisionDecision decision = decided.next();
                    if (decision.outcome() != SupervisionOutcome.KEEP) {
                        documents.add(new Document.SupervisionNotice(valid.carrier(), decision));
                    }
                } else {
                    CarrierRecord.Invalid invalid = (CarrierRecord.Invalid) record;
                    InvalidRecordText.print(err, record.position(), invalid.carrierId(), invalid.line(), invalid.error());
                }
            }
            if (!documents.isEmpty()) {
                out.print(this.documents.printable(documents));
            }
            out.flush();
            err.flush();
            return;
        }
        out.println(round.title() + " · 跟踪管理审查结果（截至" + NoticeDates.date(asOf) + "）");
        out.println("政策：" + rules.policy().round() + "  " + rules.policy().fingerprint());
        out.println("依据：通知" + supervision.reference());
        out.println("说明：“连续" + supervision.idleYears() + "年未从事相关培训活动”只计认定当年之后、评估日期之前已经结束的自然年"
                + (supervision.missingYearCountsAsZero() ? "，某年无培训记录按零计" : "") + "；评估日期之后发现的情况不予考虑。");
        out.println("      取消认定由" + supervision.revokingAuthority() + "作出。下文“取消认定”是" + round.authority()
                + "报请" + supervision.revokingAuthority() + "取消相应认定的审查意见，不是取消认定决定本身。");
        for (CarrierRecord record : records) {
            out.println();
            if (record instanceof CarrierRecord.Valid valid) {
                print(record.position(), valid.carrier(), decided.next());
            } else {
                CarrierRecord.Invalid invalid = (CarrierRecord.Invalid) record;
                InvalidRecordText.print(out, record.position(), invalid.carrierId(), invalid.line(), invalid.error());
            }
        }
        out.flush();
    }

    private void print(int position, Carrier carrier, SupervisionDecision decision) {
        out.println("[" + position + "] " + carrier.carrierId() + " " + carrier.name() + " · " + carrier.carrierType().label()
                + "（" + NoticeDates.date(carrier.recognizedOn()) + "认定）");
        switch (decision.outcome()) {
            case KEEP -> out.println("    结论：" + SupervisionOutcome.KEEP.label() + "（未发现通知五所列情形）");
            case RECTIFY -> out.println("    结论：" + SupervisionOutcome.RECTIFY.label());
            case REVOKE -> out.println("    结论：" + SupervisionOutcome.REVOKE.label() + "（建议，报请" + supervision.revokingAuthority() + "决定）");
        }
        if (decision.outcome() != SupervisionOutcome.KEEP) {
            documents.render(new Document.SupervisionNotice(carrier, decision), DocumentFormat.TEXT).lines()
                    .forEach(line -> out.println("    " + line));
        }
    }
}

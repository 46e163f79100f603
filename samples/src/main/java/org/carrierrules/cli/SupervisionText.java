package org.carrierrules.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;

import org.carrierrules.CarrierRules;
import org.carrierrules.json.CarrierRecord;
import org.carrierrules.notice.NoticeDates;
import org.carrierrules.policy.RoundInfo;
import org.carrierrules.supervision.Carrier;
import org.carrierrules.supervision.Ground;
import org.carrierrules.supervision.SupervisionDecision;
import org.carrierrules.supervision.SupervisionInfo;
import org.carrierrules.supervision.SupervisionOutcome;

/**
 * 跟踪管理's decisions as a person reads them (五): a decision per carrier; for 通知改正 the text of
 * the notice that tells the carrier which duty it does not fulfil; for 取消认定 the grounds, stated as
 * what they are under 五 — the district's report to the city bureau, which alone revokes.
 */
final class SupervisionText {

    private final CarrierRules rules;
    private final RoundInfo round;
    private final SupervisionInfo supervision;
    private final PrintWriter out;

    SupervisionText(CarrierRules rules, PrintWriter out) {
        this.rules = rules;
        this.round = rules.round();
        this.supervision = rules.supervision();
        this.out = out;
    }

    /** @param decisions the decision on each valid record, in the records' order */
    void print(List<CarrierRecord> records, List<SupervisionDecision> decisions, LocalDate asOf) {
        Iterator<SupervisionDecision> decided = decisions.iterator();
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
            case RECTIFY -> {
                out.println("    结论：" + SupervisionOutcome.RECTIFY.label());
                rectificationNotice(carrier, decision);
            }
            case REVOKE -> {
                out.println("    结论：" + SupervisionOutcome.REVOKE.label() + "（建议，报请" + supervision.revokingAuthority() + "决定）");
                List<Ground> revoking = of(decision, SupervisionOutcome.REVOKE);
                out.println("    理由：");
                numbered(revoking, "      ");
                List<Ground> rectifying = of(decision, SupervisionOutcome.RECTIFY);
                if (!rectifying.isEmpty()) {
                    out.println("    另有应通知改正的情形（已报请取消认定，不再另行通知改正）：");
                    numbered(rectifying, "      ");
                }
                out.println("    " + round.authority() + "意见：建议" + supervision.revokingAuthority() + "依通知第"
                        + clauses(revoking) + "部分取消对该载体的相应认定。");
            }
        }
    }

    /** 五: “发现不能履行职责的，将通知改正”: addressed to the carrier, naming what is not done, from the bureau. */
    private void rectificationNotice(Carrier carrier, SupervisionDecision decision) {
        List<Ground> grounds = decision.grounds();
        out.println("    ──────── 通知改正 ────────");
        out.println("    " + carrier.name() + "（载体编号 " + carrier.carrierId() + "）：");
        out.println("      你单位于" + NoticeDates.date(carrier.recognizedOn()) + "被认定为" + carrier.carrierType().label()
                + "。经跟踪管理，截至" + NoticeDates.date(decision.asOf()) + "，发现你单位存在以下不能履行载体职责的情形：");
        numbered(grounds, "        ");
        out.println("      根据《" + round.notice() + "》第" + clauses(grounds) + "部分“人力资源部门对终身职业技能培训载体进行跟踪管理，"
                + "发现不能履行职责的，将通知改正”，请你单位及时改正，切实履行载体职责。");
        out.println("      " + round.authority());
        out.println("      " + NoticeDates.date(decision.asOf()));
    }

    private static List<Ground> of(SupervisionDecision decision, SupervisionOutcome outcome) {
        return decision.grounds().stream().filter(g -> g.outcome() == outcome).toList();
    }

    private static String clauses(List<Ground> grounds) {
        return grounds.stream().map(Ground::clause).distinct().collect(Collectors.joining("、"));
    }

    private void numbered(List<Ground> grounds, String indent) {
        for (int i = 0; i < grounds.size(); i++) {
            Ground g = grounds.get(i);
            out.println(indent + (i + 1) + ". " + g.message() + "（依据：" + g.clause() + "）");
        }
    }
}

package org.carrierrules.json;

import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.carrierrules.CarrierType;
import org.carrierrules.PolicyRef;
import org.carrierrules.supervision.Carrier;
import org.carrierrules.supervision.Ground;
import org.carrierrules.supervision.SupervisionDecision;
import org.carrierrules.supervision.SupervisionOutcome;

/**
 * Reviews in the contract's JSON form ({@code {"carrierId", "outcome", "grounds": [{"code", "clause",
 * "message"}]}}), with the name, type, as-of date, rule and policy added; one entry per input record, in input
 * order, field order fixed so that the same decision always prints the same bytes. The decisions are the caller's.
 */
public final class SupervisionJson {
    private SupervisionJson() {
    }

    /** The review of one carrier as the contract writes it, with the carrier's name and type beside its id. */
    private record Review(String carrierId, String name, CarrierType carrierType, SupervisionOutcome outcome, LocalDate asOf,
                          List<Ground> grounds, PolicyRef policy) {
        Review(Carrier carrier, SupervisionDecision decision) {
            this(decision.carrierId(), carrier.name(), carrier.carrierType(), decision.outcome(), decision.asOf(), decision.grounds(),
                    decision.policy());
        }
    }

    /**
     * One entry per record, as one JSON array, pretty-printed with a final newline; the writer is flushed, not closed.
     *
     * @param decisions the decision on each valid record, in the records' order
     */
    public static void print(List<CarrierRecord> records, List<SupervisionDecision> decisions, Writer out) {
        Iterator<SupervisionDecision> decided = decisions.iterator();
        List<Object> entries = new ArrayList<>(records.size());
        for (CarrierRecord record : records) {
            entries.add(entry(record, record instanceof CarrierRecord.Valid ? decided.next() : null));
        }
        ContractMapper.print(entries, out);
    }

    /**
     * The entry of one record on its own, not in an array (the answer to one carrier over HTTP).
     *
     * @param decision the decision on the record's carrier, or null for an invalid record
     */
    public static void print(CarrierRecord record, SupervisionDecision decision, Writer out) {
        ContractMapper.print(entry(record, decision), out);
    }

    private static Object entry(CarrierRecord record, SupervisionDecision decision) {
        if (record instanceof CarrierRecord.Invalid invalid) {
            return invalid;
        }
        Carrier carrier = ((CarrierRecord.Valid) record).carrier();
        if (decision == null || !decision.carrierId().equals(carrier.carrierId())) {
            throw new IllegalArgumentException("the decision on " + carrier.carrierId() + " is needed, not "
                    + (decision == null ? "none" : "that on " + decision.carrierId()));
        }
        return new Review(carrier, decision);
    }

    /** As the contract writes a review, as a tree: what a decision record holds. */
    static JsonNode tree(Carrier carrier, SupervisionDecision decision) {
        return ContractMapper.tree(new Review(carrier, decision));
    }
}

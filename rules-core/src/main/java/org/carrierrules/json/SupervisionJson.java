package org.carrierrules.json;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.carrierrules.supervision.Carrier;
import org.carrierrules.supervision.SupervisionDecision;
import org.carrierrules.CarrierRules;
import org.carrierrules.supervision.Ground;

/**
 * Reviews in the contract's JSON form ({@code {"carrierId", "outcome", "grounds": [{"code", "clause",
 * "message"}]}}), with the name, type, as-of date, rule and policy added; field order fixed so that
 * the same decision always prints the same bytes. Print with {@link AssessmentJson#print}.
 */
public final class SupervisionJson {
    private SupervisionJson() {
    }

    /**
     * Reviews every valid record as of {@code asOf} and keeps every invalid one as an error entry, so
     * that the output has exactly one entry per input record, in input order.
     */
    public static ArrayNode superviseAll(CarrierRules rules, List<CarrierRecord> records, LocalDate asOf) {
        ArrayNode entries = ApplicationJson.MAPPER.createArrayNode();
        for (CarrierRecord record : records) {
            if (record instanceof CarrierRecord.Valid valid) {
                entries.add(write(valid.carrier(), rules.supervise(valid.carrier(), asOf)));
            } else {
                entries.add(write((CarrierRecord.Invalid) record));
            }
        }
        return entries;
    }

    public static ObjectNode write(Carrier carrier, SupervisionDecision review) {
        ObjectNode node = ApplicationJson.MAPPER.createObjectNode();
        node.put("carrierId", review.carrierId());
        node.put("name", carrier.name());
        node.put("carrierType", carrier.carrierType().name());
        node.put("outcome", review.outcome().name());
        node.put("asOf", review.asOf().toString());
        ArrayNode grounds = node.putArray("grounds");
        for (Ground g : review.grounds()) {
            grounds.addObject()
                    .put("code", g.code())
                    .put("clause", g.clause())
                    .put("rule", g.rule())
                    .put("message", g.message());
        }
        node.putObject("policy")
                .put("round", review.policy().round())
                .put("fingerprint", review.policy().fingerprint());
        return node;
    }

    public static ObjectNode write(CarrierRecord.Invalid invalid) {
        ObjectNode node = ApplicationJson.MAPPER.createObjectNode();
        node.put("carrierId", invalid.carrierId());
        return JsonRecords.error(node, invalid.error(), invalid.position(), invalid.line());
    }
}

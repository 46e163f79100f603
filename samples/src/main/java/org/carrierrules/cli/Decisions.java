package org.carrierrules.cli;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.carrierrules.CarrierRules;
import org.carrierrules.CarrierType;
import org.carrierrules.LibraryVersion;
import org.carrierrules.PolicyRef;
import org.carrierrules.application.FactDeclaration;
import org.carrierrules.application.FactSchema;
import org.carrierrules.assessment.Assessment;
import org.carrierrules.json.AssessmentJson;
import org.carrierrules.json.CarrierRecord;
import org.carrierrules.json.InputRecord;
import org.carrierrules.json.SupervisionJson;
import org.carrierrules.policy.RoundInfo;
import org.carrierrules.policy.RuleInfo;
import org.carrierrules.supervision.SupervisionDecision;

/**
 * Batches decided by one policy from start to end, answered in the contract's JSON as the command line prints it:
 * the valid records go to the facade in one call, so that a reload between two records never splits one answer
 * between two policies. A body holding one record is answered with its entry alone, not an array.
 */
final class Decisions {
    private static final int CONSISTENT_READS = 100;

    private Decisions() {
    }

    /** One entry per record, in order: an assessment, or the error entry of an invalid record. */
    static byte[] assessments(CarrierRules rules, List<InputRecord> read, boolean one) {
        List<InputRecord> records = InputRecord.conform(read, rules.factSchema());
        List<Assessment> decided = rules.assessAll(records.stream()
                .filter(r -> r instanceof InputRecord.Valid).map(r -> ((InputRecord.Valid) r).application()).toList());
        return ServiceErrors.print(out -> {
            if (one && records.size() == 1) {
                AssessmentJson.print(records.get(0), decided.isEmpty() ? null : decided.get(0), out);
            } else {
                AssessmentJson.print(records, decided, out);
            }
        });
    }

    /** One entry per record, in order: a supervision decision as of {@code asOf}, or the error entry of an invalid record. */
    static byte[] reviews(CarrierRules rules, List<CarrierRecord> records, LocalDate asOf, boolean one) {
        List<SupervisionDecision> decided = rules.superviseAll(records.stream()
                .filter(r -> r instanceof CarrierRecord.Valid).map(r -> ((CarrierRecord.Valid) r).carrier()).toList(), asOf);
        return ServiceErrors.print(out -> {
            if (one && records.size() == 1) {
                SupervisionJson.print(records.get(0), decided.isEmpty() ? null : decided.get(0), out);
            } else {
                SupervisionJson.print(records, decided, out);
            }
        });
    }

    /**
     * The policy serving now: its round and fingerprint, the library's version, the round's parameters and every
     * rule with its clause and file. The facade answers each of these on its own; they are read again until a
     * reload did not fall between them, so the answer describes one policy.
     */
    static ObjectNode policy(CarrierRules rules) {
        for (int attempt = 0; attempt < CONSISTENT_READS; attempt++) {
            PolicyRef before = rules.policy();
            RoundInfo round = rules.round();
            List<RuleInfo> ruleList = rules.rules();
            FactSchema facts = rules.factSchema();
            if (before.equals(rules.policy())) {
                return policy(before, round, ruleList, facts);
            }
        }
        throw new IllegalStateException("policy replaced " + CONSISTENT_READS + " times while being described");
    }

    private static ObjectNode policy(PolicyRef ref, RoundInfo round, List<RuleInfo> ruleList, FactSchema facts) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.set("policy", ref(ref));
        node.put("libraryVersion", LibraryVersion.get());
        ObjectNode r = node.putObject("round");
        r.put("id", round.id());
        r.put("title", round.title());
        r.put("authority", round.authority());
        r.put("notice", round.notice());
        r.put("district", round.district());
        r.put("timeZone", round.zone().getId());
        r.put("windowOpens", DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(round.windowOpens()));
        r.put("windowCloses", DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(round.windowCloses()));
        r.put("totalQuota", round.totalQuota());
        ObjectNode quotas = r.putObject("quotas");
        for (CarrierType type : CarrierType.values()) {
            Integer quota = round.quotas().get(type);
            if (quota != null) {
                quotas.put(type.name(), quota);
            }
        }
        ObjectNode materials = r.putObject("materials");
        new TreeMap<>(round.materialNames()).forEach(materials::put);
        r.put("materialsIllustrative", round.materialsIllustrative());
        node.set("rules", rules(ruleList));
        // The facts an application may carry (contract: "Facts a policy declares"), for a host building its form; absent when none.
        if (!facts.declarations().isEmpty()) {
            ArrayNode declared = node.putArray("facts");
            for (FactDeclaration fact : facts.declarations()) {
                ObjectNode item = declared.addObject().put("key", fact.key()).put("label", fact.label())
                        .put("type", fact.type().name()).put("unit", fact.unit()).put("clause", fact.clause());
                ArrayNode required = item.putArray("requiredFor");
                fact.requiredFor().stream().sorted().forEach(type -> required.add(type.name()));
                if (!fact.choices().isEmpty()) {
                    fact.choices().forEach(item.putObject("choices")::put);
                }
            }
        }
        return node;
    }

    /** Every rule as {@code {name, clause, file, line}}, by file and name: /v1/policy's {@code "rules"}, and {@code rules --format json}. */
    static ArrayNode rules(List<RuleInfo> ruleList) {
        ArrayNode rules = JsonNodeFactory.instance.arrayNode();
        ruleList.stream().sorted(Comparator.comparing(RuleInfo::file).thenComparing(RuleInfo::name))
                .forEach(rule -> rules.addObject().put("name", rule.name()).put("clause", rule.clause()).put("file", rule.file()).put("line", rule.line()));
        return rules;
    }

    /** {@code {"round", "fingerprint"}}, as every decision names its policy. */
    static ObjectNode ref(PolicyRef ref) {
        return JsonNodeFactory.instance.objectNode().put("round", ref.round()).put("fingerprint", ref.fingerprint());
    }
}

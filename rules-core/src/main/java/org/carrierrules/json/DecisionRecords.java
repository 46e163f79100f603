package org.carrierrules.json;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.carrierrules.Allocation;
import org.carrierrules.Application;
import org.carrierrules.Assessment;
import org.carrierrules.Carrier;
import org.carrierrules.CarrierReview;
import org.carrierrules.CarrierRules;
import org.carrierrules.Finding;
import org.carrierrules.Ground;
import org.carrierrules.InvalidInputException;
import org.carrierrules.LibraryVersion;
import org.carrierrules.PolicyRef;
import org.carrierrules.RuleInfo;

/**
 * Decision records: one decision written so that an auditor can check it later. A record holds the
 * input (in the contract's form) and a hash of it, the policy's fingerprint, the library version, the
 * decision as the contract prints it, and the trace of the rules that decided, each with its clause.
 * {@link #verify} decides the same input again under a policy and says whether the decision still
 * stands and, if not, what changed: the basis of an audit, and of replaying a round under an edited policy.
 */
public final class DecisionRecords {
    /** What a record is the record of. */
    public enum Kind { assessment, review, allocation }

    /**
     * The outcome of checking a record against a policy.
     *
     * @param stands   true when the policy makes the same decision from the same input
     * @param recorded the policy the record names
     * @param current  the policy checked against
     * @param changes  what differs, in plain Chinese; empty when the decision stands
     */
    public record Verification(boolean stands, PolicyRef recorded, PolicyRef current, List<String> changes) {
        public Verification {
            changes = List.copyOf(changes);
        }
    }

    private static final String FORMAT = "carrier-rules/decision-record/1";

    private DecisionRecords() {
    }

    public static ObjectNode of(CarrierRules rules, Application application, Assessment assessment) {
        ObjectNode input = ApplicationJson.write(application);
        List<String> fired = assessment.findings().stream().map(Finding::rule).toList();
        return record(Kind.assessment, input, assessment.policy(), AssessmentJson.write(assessment), rules, fired);
    }

    public static ObjectNode of(CarrierRules rules, Carrier carrier, CarrierReview review) {
        ObjectNode input = ApplicationJson.MAPPER.createObjectNode();
        input.set("carrier", CarrierJson.write(carrier));
        input.put("asOf", review.asOf().toString());
        List<String> fired = review.grounds().stream().map(Ground::rule).toList();
        return record(Kind.review, input, review.policy(), ReviewJson.write(carrier, review), rules, fired);
    }

    /** @param input the allocate input as read ({@code {round, applications, reviews, objections}}) */
    public static ObjectNode of(CarrierRules rules, JsonNode input, Allocation allocation) {
        return record(Kind.allocation, input.deepCopy(), allocation.policy(), AllocationJson.writeRound(allocation), rules,
                allocation.firedRules());
    }

    private static ObjectNode record(Kind kind, JsonNode input, PolicyRef policy, ObjectNode decision, CarrierRules rules,
                                     List<String> fired) {
        ObjectNode record = ApplicationJson.MAPPER.createObjectNode();
        record.put("format", FORMAT);
        record.put("kind", kind.name());
        record.put("libraryVersion", LibraryVersion.get());
        record.putObject("policy").put("round", policy.round()).put("fingerprint", policy.fingerprint());
        record.put("inputHash", hash(input));
        record.set("input", input);
        record.set("decision", decision);
        Map<String, RuleInfo> byName = rules.rules().stream()
                .collect(Collectors.toMap(RuleInfo::name, Function.identity(), (a, b) -> a));
        ArrayNode trace = record.putArray("trace");
        for (String rule : fired.stream().distinct().toList()) {
            RuleInfo info = byName.get(rule);
            ObjectNode step = trace.addObject().put("rule", rule);
            if (info != null) {
                step.put("clause", info.clause()).put("file", info.file());
            }
        }
        return record;
    }

    /**
     * Decides the record's input again under {@code rules} and compares the decision with the recorded one.
     *
     * @throws InvalidInputException when the record is not a decision record, or its input no longer
     *                               matches its hash (the record was altered)
     */
    public static Verification verify(CarrierRules rules, JsonNode record) {
        if (!FORMAT.equals(record.path("format").asText())) {
            throw new InvalidInputException("format", "不是决定记录（format 应为 " + FORMAT + "）");
        }
        JsonNode input = record.path("input");
        if (!hash(input).equals(record.path("inputHash").asText())) {
            throw new InvalidInputException("inputHash", "记录中的输入与其哈希值不符：记录在写出后被改动过，不能据以核验");
        }
        PolicyRef recorded = new PolicyRef(record.path("policy").path("round").asText(), record.path("policy").path("fingerprint").asText());
        JsonNode before = record.path("decision");
        List<String> changes = new ArrayList<>();
        switch (kind(record)) {
            case assessment -> {
                JsonNode now = AssessmentJson.write(rules.assess(ApplicationJson.read(input)));
                compareFindings(before, now, "acceptance", "findings", changes);
            }
            case review -> {
                Carrier carrier = CarrierJson.read(input.path("carrier"));
                JsonNode now = ReviewJson.write(carrier, rules.review(carrier, LocalDate.parse(input.path("asOf").asText())));
                compareFindings(before, now, "outcome", "grounds", changes);
            }
            case allocation -> {
                AllocationInput read = AllocationJson.read(input);
                if (read instanceof AllocationInput.Invalid invalid) {
                    throw new InvalidInputException("input." + invalid.errors().get(0).field(), invalid.errors().get(0).message());
                }
                AllocationInput.Valid valid = (AllocationInput.Valid) read;
                Allocation allocation = valid.noticeStart() == null ? rules.allocate(valid.submission())
                        : rules.allocate(valid.submission(), valid.noticeStart());
                changes.addAll(compareRounds(before, AllocationJson.writeRound(allocation)));
            }
        }
        return new Verification(changes.isEmpty(), recorded, rules.policy(), changes);
    }

    private static Kind kind(JsonNode record) {
        try {
            return Kind.valueOf(record.path("kind").asText());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("kind", "决定种类应为 assessment、review 或 allocation，实为“" + record.path("kind").asText() + "”");
        }
    }

    /** An assessment's or a review's conclusion and its findings or grounds, compared by code and message. */
    private static void compareFindings(JsonNode before, JsonNode now, String conclusion, String list, List<String> changes) {
        if (!before.path(conclusion).equals(now.path(conclusion))) {
            changes.add("结论：" + before.path(conclusion).asText() + " → " + now.path(conclusion).asText());
        }
        List<String> was = lines(before.path(list));
        List<String> is = lines(now.path(list));
        is.stream().filter(line -> !was.contains(line)).forEach(line -> changes.add("新增：" + line));
        was.stream().filter(line -> !is.contains(line)).forEach(line -> changes.add("不再有：" + line));
    }

    private static List<String> lines(JsonNode items) {
        List<String> lines = new ArrayList<>();
        items.forEach(item -> lines.add(item.path("code").asText() + "（" + item.path("message").asText() + "）"));
        return lines;
    }

    /**
     * Every application whose status, rank or score differs between two outcomes of a round, with the
     * reasons it has now; then any change in vacancies and the notice period. Used for audits and for
     * "what if" comparisons of one round under two policies.
     */
    public static List<String> compareRounds(JsonNode before, JsonNode now) {
        List<String> changes = new ArrayList<>();
        Map<String, JsonNode> was = byId(before.path("entries"));
        for (JsonNode entry : now.path("entries")) {
            String id = entry.path("applicationId").asText();
            JsonNode old = was.remove(id);
            if (old == null) {
                changes.add(id + "：新增的申报，" + entry.path("status").asText());
            } else if (!same(old, entry, "status") || !same(old, entry, "rank") || !same(old, entry, "score")) {
                changes.add(id + "：" + old.path("status").asText() + " → " + entry.path("status").asText()
                        + "（名次 " + text(old.path("rank")) + " → " + text(entry.path("rank"))
                        + "，得分 " + text(old.path("score")) + " → " + text(entry.path("score")) + "）；现在的理由："
                        + reasons(entry));
            }
        }
        was.keySet().forEach(id -> changes.add(id + "：原有的申报不在本次输入中"));
        if (!before.path("vacancies").equals(now.path("vacancies"))) {
            changes.add("名额空缺：" + before.path("vacancies") + " → " + now.path("vacancies"));
        }
        if (!before.path("noticePeriod").path("end").equals(now.path("noticePeriod").path("end"))) {
            changes.add("公示截止日：" + before.path("noticePeriod").path("end").asText() + " → "
                    + now.path("noticePeriod").path("end").asText());
        }
        return changes;
    }

    private static Map<String, JsonNode> byId(JsonNode entries) {
        Map<String, JsonNode> map = new LinkedHashMap<>();
        entries.forEach(e -> map.put(e.path("applicationId").asText(), e));
        return map;
    }

    private static boolean same(JsonNode a, JsonNode b, String field) {
        JsonNode x = a.path(field);
        JsonNode y = b.path(field);
        return x.isNumber() && y.isNumber() ? x.decimalValue().compareTo(y.decimalValue()) == 0 : x.equals(y);
    }

    private static String text(JsonNode value) {
        return value.isMissingNode() || value.isNull() ? "无" : value.asText();
    }

    private static String reasons(JsonNode entry) {
        List<String> reasons = new ArrayList<>();
        entry.path("reasons").forEach(r -> reasons.add(r.path("message").asText() + "（" + r.path("clause").asText() + "）"));
        return String.join("；", reasons);
    }

    /** SHA-256 of the input's compact JSON, which this library always writes in the same field order. */
    static String hash(JsonNode input) {
        try {
            byte[] bytes = ApplicationJson.MAPPER.writeValueAsString(input).getBytes(StandardCharsets.UTF_8);
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree read from JSON can be written", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}

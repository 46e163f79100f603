package org.carrierrules.json;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.carrierrules.allocation.Allocation;
import org.carrierrules.application.Application;
import org.carrierrules.assessment.Assessment;
import org.carrierrules.supervision.Carrier;
import org.carrierrules.notice.CalendarYearMissingException;
import org.carrierrules.supervision.SupervisionDecision;
import org.carrierrules.CarrierRules;
import org.carrierrules.assessment.Finding;
import org.carrierrules.supervision.Ground;
import org.carrierrules.InvalidInputException;
import org.carrierrules.LibraryVersion;
import org.carrierrules.PolicyRef;
import org.carrierrules.policy.RuleInfo;

/**
 * Decision records: one decision written so that an auditor can check it later. A record holds the
 * input (in the contract's form) and a hash of it, the policy's fingerprint, the library version, the
 * decision as the contract prints it, and the trace of the rules that decided, each with its clause.
 * {@link #verify} decides the same input again under a policy and compares the whole decision, field by
 * field, with the recorded one; {@link #sign} and {@link #checkSignature} make a record that cannot be
 * edited or made up unseen (Ed25519 over its RFC 8785 canonical form, docs/reliability.md).
 */
public final class DecisionRecords {
    /** What a record is the record of. */
    public enum Kind { assessment, review, allocation }

    /**
     * The outcome of checking a record against a policy.
     *
     * @param stands      true when the policy makes the same decision from the same input, every field alike
     * @param recorded    the policy the record names
     * @param current     the policy checked against
     * @param differences every difference, in the record's order; empty when the decision stands
     */
    public record Verification(boolean stands, PolicyRef recorded, PolicyRef current, List<Difference> differences) {
        public Verification {
            differences = List.copyOf(differences);
        }

        /** Each difference in plain Chinese, as {@link Difference#message()} words it. */
        public List<String> changes() {
            return differences.stream().map(Difference::message).toList();
        }
    }

    /**
     * One field of a decision that is not what the record says.
     *
     * @param recordId the id of what was decided: the application or carrier, for a round's entries the
     *                 application, for the rest of a round the round
     * @param field    its path in the record, e.g. {@code decision.findings[2].message}; for an added element the
     *                 index is the one it has in the new decision
     * @param change   what kind of difference it is
     * @param was      the recorded value as a reader sees it, null for {@link Change#ADDED}
     * @param now      the value decided now, null for {@link Change#REMOVED}
     */
    public record Difference(String recordId, String field, Change change, String was, String now) {
        /** What kind of difference. */
        public enum Change {
            /** The value differs. */
            CHANGED,
            /** A finding, ground, reason, entry, trace step or field that the record lacks. */
            ADDED,
            /** One the record has and the decision no longer does. */
            REMOVED,
            /** The same elements in another order ({@code was} and {@code now} list them). */
            REORDERED
        }

        /** In plain Chinese, e.g. {@code LH2024-001：decision.acceptance（受理结论）由 “ACCEPTED” 变为 “SUPPLEMENT_REQUIRED”}. */
        public String message() {
            String where = recordId + "：" + field + label(field);
            return switch (change) {
                case CHANGED -> where + "由 " + was + " 变为 " + now;
                case ADDED -> where + "新增 " + now;
                case REMOVED -> where + "不再有 " + was;
                case REORDERED -> where + "顺序由 " + was + " 变为 " + now;
            };
        }

        @Override
        public String toString() {
            return message();
        }

        private static String label(String field) {
            String[] names = field.replaceAll("\\[[0-9]+]", "").split("\\.");
            for (int i = names.length - 1; i >= 0; i--) {
                String label = LABELS.get(names[i]);
                if (label != null) {
                    return "（" + label + "）";
                }
            }
            return "";
        }
    }

    /**
     * The outcome of checking a record's signature.
     *
     * @param status  what was found
     * @param keyId   the key the signature names ({@link RecordKeys#keyId}), or for {@link Status#VALID} the key that
     *                checked it; null when there is none
     * @param message what was found, in plain Chinese
     */
    public record SignatureCheck(Status status, String keyId, String message) {
        /** What checking a signature found. */
        public enum Status {
            /** Checked with the key given: the record is exactly what the key's holder signed. */
            VALID,
            /** Signed, but no key was given, so nothing was checked. */
            NOT_CHECKED,
            /** Not signed, and no key was given. */
            UNSIGNED,
            /** A key was given and the record has no signature: it may have been made up. */
            MISSING,
            /** The signature does not verify and the content is not what was signed: edited after signing. */
            ALTERED,
            /** The signature names another key than the one given. */
            WRONG_KEY,
            /** The signature does not verify, or its fields are not those of a signature: made up or tampered with. */
            INVALID
        }

        /** True when a key was given and the record is not shown to be what its holder signed. */
        public boolean failed() {
            return status == Status.MISSING || status == Status.ALTERED || status == Status.WRONG_KEY || status == Status.INVALID;
        }
    }

    /** Written since signatures came in: the input hash is over the input's RFC 8785 canonical form. */
    private static final String FORMAT = "carrier-rules/decision-record/2";
    /** Still read: the input hash is over the compact JSON this library writes, in its field order. */
    private static final String FORMAT_1 = "carrier-rules/decision-record/1";
    private static final Set<String> FORMATS = Set.of(FORMAT, FORMAT_1);

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("acceptance", "受理结论"), Map.entry("eligible", "是否符合申报条件"), Map.entry("findings", "审查发现"),
            Map.entry("code", "代码"), Map.entry("severity", "严重程度"), Map.entry("clause", "条款"), Map.entry("material", "材料"),
            Map.entry("fact", "事实"), Map.entry("rule", "规则"), Map.entry("message", "说明"), Map.entry("outcome", "处理结论"),
            Map.entry("grounds", "依据"), Map.entry("entries", "名单条目"), Map.entry("status", "名单状态"), Map.entry("score", "得分"),
            Map.entry("rank", "名次"), Map.entry("reasons", "理由"), Map.entry("vacancies", "名额空缺"), Map.entry("noticePeriod", "公示期"),
            Map.entry("start", "公示开始日"), Map.entry("end", "公示截止日"), Map.entry("workingDays", "公示工作日"),
            Map.entry("startGiven", "是否指定公示开始日"), Map.entry("policy", "政策"), Map.entry("fingerprint", "政策指纹"),
            Map.entry("round", "轮次"), Map.entry("trace", "规则轨迹"), Map.entry("file", "规则文件"),
            Map.entry("applicationId", "申报编号"), Map.entry("carrierId", "载体编号"), Map.entry("carrierType", "载体类型"),
            Map.entry("name", "名称"), Map.entry("asOf", "核查日期"));

    private DecisionRecords() {
    }

    public static ObjectNode of(CarrierRules rules, Application application, Assessment assessment) {
        return assessmentRecord(rules, ApplicationJson.write(application), assessment);
    }

    public static ObjectNode of(CarrierRules rules, Carrier carrier, SupervisionDecision review) {
        ObjectNode input = ApplicationJson.MAPPER.createObjectNode();
        input.set("carrier", CarrierJson.write(carrier));
        input.put("asOf", review.asOf().toString());
        return reviewRecord(rules, input, carrier, review);
    }

    /** @param input the allocate input as read ({@code {round, applications, reviews, objections}}) */
    public static ObjectNode of(CarrierRules rules, JsonNode input, Allocation allocation) {
        return allocationRecord(rules, input.deepCopy(), allocation);
    }

    private static ObjectNode assessmentRecord(CarrierRules rules, JsonNode input, Assessment assessment) {
        List<String> fired = assessment.findings().stream().map(Finding::rule).toList();
        return record(Kind.assessment, input, assessment.policy(), AssessmentJson.write(assessment), rules, fired);
    }

    private static ObjectNode reviewRecord(CarrierRules rules, JsonNode input, Carrier carrier, SupervisionDecision review) {
        List<String> fired = review.grounds().stream().map(Ground::rule).toList();
        return record(Kind.review, input, review.policy(), SupervisionJson.write(carrier, review), rules, fired);
    }

    private static ObjectNode allocationRecord(CarrierRules rules, JsonNode input, Allocation allocation) {
        return record(Kind.allocation, input, allocation.policy(), AllocationJson.writeRound(allocation), rules, allocation.firedRules());
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
     * Decides the record's input again under {@code rules} and compares the whole decision with the recorded
     * one: every field of every finding, ground, entry and reason, their order, the vacancies, the notice
     * period, and the trace of rules with their clauses and files. The policy a decision names is not a
     * difference (it is reported as {@link Verification#current()}); what is compared is what the policy decides.
     * The signature, if any, is not looked at: see {@link #checkSignature}.
     *
     * @throws DecisionRecordException when the record is not a decision record, is malformed (a field missing or of
     *                                 the wrong type, nested too deeply, a number that is not a finite double),
     *                                 holds an id twice, its input no longer matches its hash, or its input is not
     *                                 valid input; the exception names the field
     * @throws CalendarYearMissingException when a round's notice period reaches a year the policy's calendar lacks
     */
    public static Verification verify(CarrierRules rules, JsonNode record) {
        Kind kind = RecordShape.check(record, FORMATS);
        JsonNode input = record.get("input");
        boolean legacy = FORMAT_1.equals(record.get("format").textValue());
        if (!(legacy ? legacyHash(input) : hash(input)).equals(record.get("inputHash").textValue())) {
            throw new DecisionRecordException(DecisionRecordException.Reason.INPUT_ALTERED, "inputHash",
                    "记录中的输入与其哈希值不符：记录在写出后被改动过，不能据以核验", null);
        }
        JsonNode policy = record.get("policy");
        PolicyRef recorded = new PolicyRef(policy.get("round").textValue(), policy.get("fingerprint").textValue());
        ObjectNode again;
        PolicyRef current;
        String id;
        try {
            switch (kind) {
                case assessment -> {
                    Assessment assessment = rules.assess(ApplicationJson.read(input));
                    again = assessmentRecord(rules, input, assessment);
                    current = assessment.policy();
                    id = assessment.applicationId();
                }
                case review -> {
                    Carrier carrier = inputField("input.carrier", () -> CarrierJson.read(input.get("carrier")));
                    LocalDate asOf = inputField("input", () -> CarrierJson.date(Fields.of(input, "", Set.of("carrier", "asOf")), "asOf"));
                    SupervisionDecision review = rules.supervise(carrier, asOf);
                    again = reviewRecord(rules, input, carrier, review);
                    current = review.policy();
                    id = carrier.carrierId();
                }
                default -> {
                    AllocationInput read = AllocationJson.read(input);
                    if (read instanceof AllocationInput.Invalid invalid) {
                        InputError first = invalid.errors().get(0);
                        throw new DecisionRecordException(DecisionRecordException.Reason.INPUT_INVALID, "input." + first.field(),
                                first.message() + (invalid.errors().size() > 1 ? "（另有 " + (invalid.errors().size() - 1) + " 处错误）" : ""), null);
                    }
                    AllocationInput.Valid valid = (AllocationInput.Valid) read;
                    Allocation allocation = valid.noticeStart() == null ? rules.allocate(valid.submission())
                            : rules.allocate(valid.submission(), valid.noticeStart());
                    again = allocationRecord(rules, input, allocation);
                    current = allocation.policy();
                    id = valid.submission().round();
                }
            }
        } catch (InvalidInputException e) {
            throw new DecisionRecordException(DecisionRecordException.Reason.INPUT_INVALID,
                    e.field().startsWith("input") ? e.field() : "input." + e.field(), e.problem(), null);
        }
        // Which policy decided is reported apart; the decision is compared as that policy made it.
        ObjectNode now = (ObjectNode) again.get("decision");
        now.set("policy", policy.deepCopy());
        now.path("entries").forEach(entry -> ((ObjectNode) entry).set("policy", policy.deepCopy()));
        List<Difference> differences = new ArrayList<>(DecisionDiff.of(id, "decision", record.get("decision"), now));
        differences.addAll(DecisionDiff.of(id, "trace", record.get("trace"), again.get("trace")));
        return new Verification(differences.isEmpty(), recorded, current, differences);
    }

    /** Reading a part of the input with its own path: an error in it names {@code input.carrier.…}. */
    private static <T> T inputField(String path, Supplier<T> reading) {
        try {
            return reading.get();
        } catch (InvalidInputException e) {
            throw e.under(path);
        }
    }

    /**
     * The record signed with an Ed25519 private key: a copy with a {@code signature} member (replacing any it
     * had) whose value signs the RFC 8785 canonical form of the record, the member's other fields included.
     * Pretty-printing and reordering keys keep it good; any other change breaks it.
     *
     * @throws DecisionRecordException  when the record is not a well-formed decision record (nothing malformed is signed)
     * @throws IllegalArgumentException when the key is not an Ed25519 private key
     */
    public static ObjectNode sign(JsonNode record, PrivateKey key) {
        RecordShape.check(record, FORMATS);
        return RecordSignatures.sign(record, key);
    }

    /**
     * Checks the record's signature with the holder's Ed25519 public key, or with {@code key} null says only
     * whether it is signed. Never throws for a bad signature: that is a {@link SignatureCheck#failed() failed} check.
     *
     * @throws DecisionRecordException  when the record is no JSON object, or has a value RFC 8785 cannot canonicalize
     * @throws IllegalArgumentException when the key is not an Ed25519 public key
     */
    public static SignatureCheck checkSignature(JsonNode record, PublicKey key) {
        return RecordSignatures.check(record, key);
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

    /** SHA-256 of the input's RFC 8785 canonical form: the same whatever its key order or layout. */
    static String hash(JsonNode input) {
        return RecordSignatures.hash(Jcs.bytes(input, "input"));
    }

    /** Format 1's hash: SHA-256 of the input's compact JSON, which this library always writes in the same field order. */
    static String legacyHash(JsonNode input) {
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

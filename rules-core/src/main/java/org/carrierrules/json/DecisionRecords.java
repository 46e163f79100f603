package org.carrierrules.json;

import java.math.BigDecimal;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.carrierrules.CarrierType;
import org.carrierrules.InvalidInputException;
import org.carrierrules.LibraryVersion;
import org.carrierrules.PolicyRef;
import org.carrierrules.allocation.Allocation;
import org.carrierrules.allocation.AllocationEntry;
import org.carrierrules.allocation.RoundSubmission;
import org.carrierrules.application.Application;
import org.carrierrules.assessment.Assessment;
import org.carrierrules.assessment.Finding;
import org.carrierrules.policy.RuleInfo;
import org.carrierrules.supervision.Carrier;
import org.carrierrules.supervision.Ground;
import org.carrierrules.supervision.SupervisionDecision;

/**
 * Decision records: one decision written so that an auditor can check it later. A record holds the
 * input (in the contract's form) and a hash of it, the policy's fingerprint, the library version, the
 * decision as the contract prints it, and the trace of the rules that decided, each with its clause.
 * {@link #read} checks a record and reads its input; the caller decides on it again under a policy, and
 * the record's {@code verify} compares the whole decision, field by field, with the recorded one. Nothing
 * here decides: the decisions, and the rules of the policy that made them, are the caller's.
 * {@link #sign} and {@link #checkSignature} make a record that cannot be edited or made up unseen (Ed25519
 * over its RFC 8785 canonical form, docs/reliability.md).
 *
 * <p>Records are JSON trees: they are checked, canonicalized, signed and compared as trees, and a host keeps
 * the tree it read so that the signature check and the verification see the same record.
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

    /** The shape of a record as written; {@code input} is set apart, as given (see {@link #record}). */
    private record Written(String format, Kind kind, String libraryVersion, PolicyRef policy, String inputHash, JsonNode input,
                           JsonNode decision, List<Step> trace) {
    }

    /** One rule of the trace, with its clause and file when the policy still has it. */
    private record Step(String rule, @JsonInclude(JsonInclude.Include.NON_NULL) String clause,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String file) {
    }

    /** The input of a review: the carrier and the date it was reviewed as of. */
    private record ReviewInput(Carrier carrier, LocalDate asOf) {
    }

    /**
     * The record of an assessment.
     *
     * @param rules the rules of the policy that decided ({@code CarrierRules.rules()}), for the trace's clauses and files
     */
    public static ObjectNode of(Application application, Assessment assessment, List<RuleInfo> rules) {
        return assessmentRecord(ContractMapper.tree(application), assessment, rules);
    }

    /** The record of a supervision review; {@code rules} as for an assessment. */
    public static ObjectNode of(Carrier carrier, SupervisionDecision review, List<RuleInfo> rules) {
        return reviewRecord(ContractMapper.tree(new ReviewInput(carrier, review.asOf())), carrier, review, rules);
    }

    /**
     * The record of a round's allocation; {@code rules} as for an assessment.
     *
     * @param input the allocate input as read ({@code {round, applications, reviews, objections}}), kept as given
     */
    public static ObjectNode of(JsonNode input, Allocation allocation, List<RuleInfo> rules) {
        return allocationRecord(input.deepCopy(), allocation, rules);
    }

    private static ObjectNode assessmentRecord(JsonNode input, Assessment assessment, List<RuleInfo> rules) {
        List<String> fired = assessment.findings().stream().map(Finding::rule).toList();
        return record(Kind.assessment, input, assessment.policy(), AssessmentJson.tree(assessment), rules, fired);
    }

    private static ObjectNode reviewRecord(JsonNode input, Carrier carrier, SupervisionDecision review, List<RuleInfo> rules) {
        List<String> fired = review.grounds().stream().map(Ground::rule).toList();
        return record(Kind.review, input, review.policy(), SupervisionJson.tree(carrier, review), rules, fired);
    }

    private static ObjectNode allocationRecord(JsonNode input, Allocation allocation, List<RuleInfo> rules) {
        return record(Kind.allocation, input, allocation.policy(), AllocationJson.tree(allocation), rules, allocation.firedRules());
    }

    private static ObjectNode record(Kind kind, JsonNode input, PolicyRef policy, JsonNode decision, List<RuleInfo> rules,
                                     List<String> fired) {
        Map<String, RuleInfo> byName = rules.stream().collect(Collectors.toMap(RuleInfo::name, Function.identity(), (a, b) -> a));
        List<Step> trace = fired.stream().distinct().map(rule -> {
            RuleInfo info = byName.get(rule);
            return new Step(rule, info == null ? null : info.clause(), info == null ? null : info.file());
        }).toList();
        ObjectNode record = (ObjectNode) ContractMapper.tree(new Written(FORMAT, kind, LibraryVersion.get(), policy, hash(input), null,
                decision, trace));
        // The input as given, in its place: bound again, a host's tree of doubles would come back as decimals.
        record.set("input", input);
        return record;
    }

    /**
     * A decision record, checked and with its input read, for the caller to decide on again. The checks: a
     * decision record of a format this library knows, every field it writes present with its type, no id twice,
     * its input unchanged since it was written (its hash), and its input valid input of the contract.
     *
     * @throws DecisionRecordException naming the field, when the record fails any of these checks
     */
    public static Recorded read(JsonNode record) {
        Kind kind = RecordShape.check(record, FORMATS);
        JsonNode input = record.get("input");
        boolean legacy = FORMAT_1.equals(record.get("format").textValue());
        if (!(legacy ? legacyHash(input) : hash(input)).equals(record.get("inputHash").textValue())) {
            throw new DecisionRecordException(DecisionRecordException.Reason.INPUT_ALTERED, "inputHash",
                    "记录中的输入与其哈希值不符：记录在写出后被改动过，不能据以核验", null);
        }
        try {
            return switch (kind) {
                case assessment -> new Assessed(record, ContractMapper.read(input, Application.class, "input"));
                case review -> new Reviewed(record, ContractMapper.read(input, ReviewInput.class, "input"));
                case allocation -> {
                    AllocationInput read = AllocationJson.read(input);
                    if (read instanceof AllocationInput.Invalid invalid) {
                        InputError first = invalid.errors().get(0);
                        throw new DecisionRecordException(DecisionRecordException.Reason.INPUT_INVALID, "input." + first.field(),
                                first.message() + (invalid.errors().size() > 1 ? "（另有 " + (invalid.errors().size() - 1) + " 处错误）" : ""), null);
                    }
                    yield new Allocated(record, (AllocationInput.Valid) read);
                }
            };
        } catch (InvalidInputException e) {
            throw new DecisionRecordException(DecisionRecordException.Reason.INPUT_INVALID, e.field(), e.problem(), null);
        }
    }

    /**
     * A decision record read: what was decided on, and the decision it holds. Decide on the input again and
     * hand the decision to the subtype's {@code verify}, with the rules of the policy that made it.
     */
    public abstract static sealed class Recorded permits Assessed, Reviewed, Allocated {
        private final JsonNode record;

        private Recorded(JsonNode record) {
            this.record = record;
        }

        /** The policy the record names. */
        public PolicyRef policy() {
            JsonNode policy = record.get("policy");
            return new PolicyRef(policy.get("round").textValue(), policy.get("fingerprint").textValue());
        }

        /**
         * The whole decision made again, compared with the recorded one: every field of every finding, ground, entry
         * and reason, their order, the vacancies, the notice period, and the trace of rules with their clauses and
         * files. The policy a decision names is not a difference (it is reported as {@link Verification#current()});
         * what is compared is what the policy decides.
         */
        Verification compare(String id, ObjectNode again, PolicyRef current) {
            JsonNode policy = record.get("policy");
            ObjectNode now = (ObjectNode) again.get("decision");
            now.set("policy", policy.deepCopy());
            now.path("entries").forEach(entry -> ((ObjectNode) entry).set("policy", policy.deepCopy()));
            List<Difference> differences = new ArrayList<>(DecisionDiff.of(id, "decision", record.get("decision"), now));
            differences.addAll(DecisionDiff.of(id, "trace", record.get("trace"), again.get("trace")));
            return new Verification(differences.isEmpty(), policy(), current, differences);
        }

        JsonNode input() {
            return record.get("input");
        }
    }

    /** The record of an assessment: the application, to be assessed again. */
    public static final class Assessed extends Recorded {
        private final Application application;

        private Assessed(JsonNode record, Application application) {
            super(record);
            this.application = application;
        }

        public Application application() {
            return application;
        }

        /**
         * Compares the assessment made again with the recorded one.
         *
         * @param rules the rules of the policy that made {@code again}, for the trace
         */
        public Verification verify(Assessment again, List<RuleInfo> rules) {
            return compare(again.applicationId(), assessmentRecord(input(), again, rules), again.policy());
        }
    }

    /** The record of a supervision review: the carrier and the date, to be reviewed again. */
    public static final class Reviewed extends Recorded {
        private final ReviewInput input;

        private Reviewed(JsonNode record, ReviewInput input) {
            super(record);
            this.input = input;
        }

        public Carrier carrier() {
            return input.carrier();
        }

        public LocalDate asOf() {
            return input.asOf();
        }

        /** Compares the review made again with the recorded one; {@code rules} as for an assessment. */
        public Verification verify(SupervisionDecision again, List<RuleInfo> rules) {
            return compare(input.carrier().carrierId(), reviewRecord(input(), input.carrier(), again, rules), again.policy());
        }
    }

    /** The record of a round's allocation: the round's submission and notice start, to be allocated again. */
    public static final class Allocated extends Recorded {
        private final AllocationInput.Valid input;

        private Allocated(JsonNode record, AllocationInput.Valid input) {
            super(record);
            this.input = input;
        }

        public RoundSubmission submission() {
            return input.submission();
        }

        /** The first day of the public notice the input names, or null for the first working day after the window. */
        public LocalDate noticeStart() {
            return input.noticeStart();
        }

        /** Compares the allocation made again with the recorded one; {@code rules} as for an assessment. */
        public Verification verify(Allocation again, List<RuleInfo> rules) {
            return compare(input.submission().round(), allocationRecord(input(), again, rules), again.policy());
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
    public static List<String> compareRounds(Allocation before, Allocation now) {
        List<String> changes = new ArrayList<>();
        Map<String, AllocationEntry> was = new LinkedHashMap<>();
        before.entries().forEach(e -> was.put(e.applicationId(), e));
        for (AllocationEntry entry : now.entries()) {
            String id = entry.applicationId();
            AllocationEntry old = was.remove(id);
            if (old == null) {
                changes.add(id + "：新增的申报，" + entry.status());
            } else if (old.status() != entry.status() || !Objects.equals(old.rank(), entry.rank()) || !sameScore(old.score(), entry.score())) {
                changes.add(id + "：" + old.status() + " → " + entry.status()
                        + "（名次 " + text(old.rank()) + " → " + text(entry.rank())
                        + "，得分 " + text(old.score()) + " → " + text(entry.score()) + "）；现在的理由："
                        + entry.reasons().stream().map(r -> r.message() + "（" + r.clause() + "）").collect(Collectors.joining("；")));
            }
        }
        was.keySet().forEach(id -> changes.add(id + "：原有的申报不在本次输入中"));
        if (!before.vacancies().equals(now.vacancies())) {
            changes.add("名额空缺：" + vacancies(before) + " → " + vacancies(now));
        }
        if (!before.noticePeriod().end().equals(now.noticePeriod().end())) {
            changes.add("公示截止日：" + before.noticePeriod().end() + " → " + now.noticePeriod().end());
        }
        return changes;
    }

    /** 85.00 and 85 are the same score. */
    private static boolean sameScore(BigDecimal a, BigDecimal b) {
        return a == null || b == null ? a == b : a.compareTo(b) == 0;
    }

    private static String text(Object value) {
        return value == null ? "无" : value.toString();
    }

    /** As the round's outcome writes them: {@code {"HIGH_SKILL_TRAINING_BASE":1,…}}, in the order of the types. */
    private static String vacancies(Allocation allocation) {
        Map<CarrierType, Integer> vacancies = new EnumMap<>(CarrierType.class);
        vacancies.putAll(allocation.vacancies());
        return ContractMapper.compact(vacancies);
    }

    /** SHA-256 of the input's RFC 8785 canonical form: the same whatever its key order or layout. */
    static String hash(JsonNode input) {
        return RecordSignatures.hash(Jcs.bytes(input, "input"));
    }

    /** Format 1's hash: SHA-256 of the input's compact JSON, which this library always writes in the same field order. */
    static String legacyHash(JsonNode input) {
        return RecordSignatures.hash(ContractMapper.compact(input).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}

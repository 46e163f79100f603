package org.carrierrules.json;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.carrierrules.json.DecisionRecordException.Reason;

/**
 * The shape a decision record must have before anything in it is believed: every value finite and not
 * nested too deeply, every field the library writes present with its type, no id twice. A host may hand
 * over any tree, and an edited file may hold anything; each fault is a {@link DecisionRecordException}
 * naming its path, and nothing deeper than {@link #MAX_DEPTH} is ever recursed into.
 */
final class RecordShape {
    /** The record adds one level to its input; the contract's deepest input value is 6 levels down. */
    static final int MAX_DEPTH = ReadLimits.DEFAULTS.maxDepth();

    private static final Set<String> RECORD_FIELDS =
            Set.of("format", "kind", "libraryVersion", "policy", "inputHash", "input", "decision", "trace", "signature");

    /** A check of one value at a path. */
    private interface Shape {
        void check(JsonNode value, String path);
    }

    private static final Shape TEXT = (v, p) -> expect(v.isTextual(), v, p, "字符串");
    private static final Shape BOOL = (v, p) -> expect(v.isBoolean(), v, p, "布尔值 true 或 false");
    private static final Shape NUMBER = (v, p) -> expect(v.isNumber(), v, p, "数字");
    private static final Shape INTEGER = (v, p) -> expect(v.isIntegralNumber() && v.canConvertToInt(), v, p, "整数");
    private static final Shape ANY_OBJECT = (v, p) -> expect(v.isObject(), v, p, "JSON 对象 {…}");

    private static final Shape POLICY = object(fields("round", TEXT, "fingerprint", TEXT), Map.of(), false);
    private static final Shape FINDING = object(fields("code", TEXT, "severity", TEXT, "clause", TEXT, "rule", TEXT, "message", TEXT),
            fields("material", TEXT, "fact", TEXT), true);
    private static final Shape ASSESSMENT = object(fields("applicationId", TEXT, "carrierType", TEXT, "eligible", BOOL,
            "acceptance", TEXT, "findings", array(FINDING), "policy", POLICY), Map.of(), true);
    private static final Shape GROUND = object(fields("code", TEXT, "clause", TEXT, "rule", TEXT, "message", TEXT), Map.of(), true);
    private static final Shape REVIEW = object(fields("carrierId", TEXT, "name", TEXT, "carrierType", TEXT, "outcome", TEXT,
            "asOf", TEXT, "grounds", array(GROUND), "policy", POLICY), Map.of(), true);
    private static final Shape REASON = object(fields("code", TEXT, "clause", TEXT, "message", TEXT, "rule", nullable(TEXT)), Map.of(), true);
    private static final Shape VERSION = object(fields("submittedAt", TEXT, "acceptance", TEXT, "use", TEXT, "note", TEXT),
            fields("clause", TEXT), true);
    private static final Shape ENTRY = object(fields("applicationId", TEXT, "carrierType", TEXT, "status", TEXT,
            "score", nullable(NUMBER), "rank", nullable(INTEGER), "reasons", array(REASON), "policy", POLICY),
            fields("history", array(VERSION)), true);
    private static final Shape NOTICE = object(fields("start", TEXT, "end", TEXT, "workingDays", array(TEXT), "startGiven", BOOL),
            Map.of(), true);
    private static final Shape ALLOCATION = object(fields("policy", POLICY, "noticePeriod", NOTICE, "vacancies", valuesOf(INTEGER),
            "entries", array(ENTRY)), Map.of(), true);
    private static final Shape TRACE = array(object(fields("rule", TEXT), fields("clause", TEXT, "file", TEXT), true));
    private static final Shape REVIEW_INPUT = object(fields("carrier", ANY_OBJECT, "asOf", TEXT), Map.of(), false);

    private RecordShape() {
    }

    /**
     * Everything but the input's own fields (which the contract's readers check when it is decided again)
     * and the signature (which {@link RecordSignatures} checks).
     */
    static DecisionRecords.Kind check(JsonNode record, Set<String> formats) {
        if (record == null || !record.isObject()) {
            throw new DecisionRecordException(Reason.NOT_A_RECORD, "$", "不是决定记录：应为一个 JSON 对象 {…}，实为" + ContractErrors.kind(record), null);
        }
        walk(record);
        JsonNode format = record.get("format");
        if (format == null || !format.isTextual() || !formats.contains(format.textValue())) {
            throw new DecisionRecordException(Reason.NOT_A_RECORD, "format", "不是本库所写的决定记录：format 应为 "
                    + String.join(" 或 ", formats.stream().sorted().toList()) + "，实为" + ContractErrors.kind(format), null);
        }
        JsonNode kind = record.get("kind");
        DecisionRecords.Kind parsed = null;
        for (DecisionRecords.Kind k : DecisionRecords.Kind.values()) {
            if (kind != null && kind.isTextual() && k.name().equals(kind.textValue())) {
                parsed = k;
            }
        }
        if (parsed == null) {
            throw new DecisionRecordException(Reason.NOT_A_RECORD, "kind", "决定种类应为 assessment、review 或 allocation，实为"
                    + ContractErrors.kind(kind), null);
        }
        Map<String, Shape> required = fields("format", TEXT, "kind", TEXT, "libraryVersion", TEXT, "policy", POLICY,
                "inputHash", TEXT, "input", parsed == DecisionRecords.Kind.review ? REVIEW_INPUT : ANY_OBJECT,
                "decision", switch (parsed) {
                    case assessment -> ASSESSMENT;
                    case review -> REVIEW;
                    case allocation -> ALLOCATION;
                }, "trace", TRACE);
        for (Iterator<String> names = record.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!RECORD_FIELDS.contains(name)) {
                throw malformed(name, "决定记录中没有此字段；可有的字段为：" + String.join("、", RECORD_FIELDS.stream().sorted().toList()));
            }
        }
        object(required, Map.of(), true).check(record, "");
        if (parsed == DecisionRecords.Kind.allocation) {
            unique(record.get("decision").get("entries"), "decision.entries", List.of("applicationId"), "名单条目");
            JsonNode input = record.get("input");
            // An application may come in several versions (四(三) 补正): one id, submitted at different times.
            unique(input.get("applications"), "input.applications", List.of("id", "submittedAt"), "申报");
            unique(input.get("reviews"), "input.reviews", List.of("applicationId"), "评审结果");
        }
        return parsed;
    }

    /**
     * Every value once, without recursion: no deeper than {@link #MAX_DEPTH}, and every number a finite
     * double (I-JSON), so that what follows may recurse, compare and print numbers safely.
     */
    private static void walk(JsonNode record) {
        record Frame(JsonNode node, Frame parent, String segment, int depth) {
            String path() {
                Deque<String> segments = new ArrayDeque<>();
                for (Frame f = this; f.parent != null; f = f.parent) {
                    segments.push(f.segment);
                }
                StringBuilder path = new StringBuilder();
                int shown = 0;
                for (String s : segments) {
                    if (shown++ == MAX_DEPTH + 2) {
                        path.append("…");
                        break;
                    }
                    path.append(s.startsWith("[") || path.isEmpty() ? s : "." + s);
                }
                return path.isEmpty() ? "$" : path.toString();
            }
        }
        Deque<Frame> todo = new ArrayDeque<>();
        todo.push(new Frame(record, null, "", 0));
        while (!todo.isEmpty()) {
            Frame frame = todo.pop();
            JsonNode node = frame.node;
            if (node.isContainerNode() && frame.depth >= MAX_DEPTH) {
                throw malformed(frame.path(), "嵌套超过 " + MAX_DEPTH + " 层；本库写出的决定记录不超过 8 层，此记录不是本库所写或已被改动");
            }
            if (node.isNumber()) {
                double d = node.isDouble() || node.isFloat() ? node.doubleValue() : Jcs.toDouble(node.decimalValue());
                if (!Double.isFinite(d)) {
                    throw new DecisionRecordException(Reason.NOT_I_JSON, frame.path(), "数值 " + ContractErrors.abbreviate(node.asText())
                            + " 超出 IEEE 754 双精度数的范围（I-JSON，RFC 7493）；本库写出的决定记录中没有这样的数", null);
                }
            } else if (node.isArray()) {
                for (int i = node.size() - 1; i >= 0; i--) {
                    todo.push(new Frame(node.get(i), frame, "[" + i + "]", frame.depth + 1));
                }
            } else if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    todo.push(new Frame(field.getValue(), frame, field.getKey(), frame.depth + 1));
                }
            } else if (!node.isValueNode()) {
                throw malformed(frame.path(), "不是 JSON 值");
            }
        }
    }

    /** Each element's {@code keys} together at most once: an id twice would let one entry hide the other. */
    private static void unique(JsonNode array, String path, List<String> keys, String what) {
        if (array == null || !array.isArray()) {
            return;
        }
        Map<List<String>, Integer> first = new HashMap<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode element = array.get(i);
            List<String> key = keys.stream().map(k -> element.path(k)).filter(JsonNode::isTextual).map(JsonNode::textValue).toList();
            if (key.size() < keys.size()) {
                continue;
            }
            Integer earlier = first.putIfAbsent(key, i);
            if (earlier != null) {
                String id = key.get(0);
                throw new DecisionRecordException(Reason.DUPLICATE_ID, path + "[" + i + "]." + keys.get(0), what + "编号“"
                        + ContractErrors.abbreviate(id) + "”与 " + path + "[" + earlier + "] 重复；记录中每个编号只能出现一次，"
                        + "重复的条目会互相遮盖，此记录不能据以核验", id);
            }
        }
    }

    private static Map<String, Shape> fields(Object... nameThenShape) {
        Map<String, Shape> map = new LinkedHashMap<>();
        for (int i = 0; i < nameThenShape.length; i += 2) {
            map.put((String) nameThenShape[i], (Shape) nameThenShape[i + 1]);
        }
        return map;
    }

    private static Shape object(Map<String, Shape> required, Map<String, Shape> optional, boolean open) {
        return (value, path) -> {
            ANY_OBJECT.check(value, path);
            required.forEach((name, shape) -> {
                JsonNode field = value.get(name);
                if (field == null) {
                    throw malformed(at(path, name), "缺少此字段；本库写出的决定记录中必有此字段");
                }
                shape.check(field, at(path, name));
            });
            optional.forEach((name, shape) -> {
                JsonNode field = value.get(name);
                if (field != null) {
                    shape.check(field, at(path, name));
                }
            });
            if (!open) {
                for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
                    String name = names.next();
                    if (!required.containsKey(name) && !optional.containsKey(name)) {
                        throw malformed(at(path, name), "未知字段；可有的字段为："
                                + String.join("、", required.keySet().stream().sorted().toList()));
                    }
                }
            }
        };
    }

    private static Shape array(Shape element) {
        return (value, path) -> {
            expect(value.isArray(), value, path, "数组 […]");
            for (int i = 0; i < value.size(); i++) {
                element.check(value.get(i), path + "[" + i + "]");
            }
        };
    }

    private static Shape valuesOf(Shape value) {
        return (node, path) -> {
            ANY_OBJECT.check(node, path);
            node.fields().forEachRemaining(field -> value.check(field.getValue(), at(path, field.getKey())));
        };
    }

    private static Shape nullable(Shape shape) {
        return (value, path) -> {
            if (!value.isNull()) {
                shape.check(value, path);
            }
        };
    }

    private static void expect(boolean ok, JsonNode value, String path, String what) {
        if (!ok) {
            throw malformed(path, "应为" + what + "，实为" + ContractErrors.kind(value));
        }
    }

    private static String at(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static DecisionRecordException malformed(String path, String problem) {
        return new DecisionRecordException(Reason.MALFORMED, path.isEmpty() ? "$" : path, problem, null);
    }
}

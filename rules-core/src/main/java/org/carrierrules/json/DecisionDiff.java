package org.carrierrules.json;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import org.carrierrules.json.DecisionRecords.Difference;
import org.carrierrules.json.DecisionRecords.Difference.Change;

/**
 * Every difference between a recorded decision and the same decision made again, field by field: a
 * changed message, clause, rule name, severity, rank or score, a finding, ground, reason or entry added
 * or gone, a list in another order, the notice period, the vacancies. Lists of findings, grounds,
 * reasons, entries and trace steps are matched by what identifies an element (its code and material,
 * its application id, its rule), so one finding more does not show as every later one changed; the
 * order of the matched elements is compared as well. Values are compared as JSON values, numbers by
 * their value ({@code 85.00} and {@code 85} are the same score).
 *
 * <p>Only run on trees {@link RecordShape} has checked (finite numbers, bounded depth).
 */
final class DecisionDiff {
    /** What identifies an element of a list, by the list's field name; lists not named here are compared by position. */
    private static final Map<String, Function<JsonNode, String>> KEYS = Map.of(
            "findings", f -> f.path("code").asText() + "|" + f.path("material").asText() + "|" + f.path("fact").asText(),
            "grounds", g -> g.path("code").asText(),
            "reasons", r -> r.path("code").asText(),
            "entries", e -> e.path("applicationId").asText(),
            "trace", t -> t.path("rule").asText());
    private static final int SHOWN = 200;

    private final List<Difference> differences = new ArrayList<>();

    private DecisionDiff() {
    }

    /**
     * @param id     the record's id: the application's or carrier's, or the round's; entries of a round are named by their own
     * @param path   where {@code was} and {@code now} sit in the record, e.g. {@code decision}
     */
    static List<Difference> of(String id, String path, JsonNode was, JsonNode now) {
        DecisionDiff diff = new DecisionDiff();
        diff.value(id, path, was, now);
        return diff.differences;
    }

    private void value(String id, String path, JsonNode was, JsonNode now) {
        if (was.isObject() && now.isObject()) {
            object(id, path, was, now);
        } else if (was.isArray() && now.isArray()) {
            array(id, path, was, now);
        } else if (!sameScalar(was, now)) {
            differences.add(new Difference(id, path, Change.CHANGED, show(was), show(now)));
        }
    }

    private static boolean sameScalar(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return !a.isContainerNode() && !b.isContainerNode() && a.equals(b);
    }

    private void object(String id, String path, JsonNode was, JsonNode now) {
        for (Iterator<Map.Entry<String, JsonNode>> it = was.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String at = path + "." + field.getKey();
            JsonNode other = now.get(field.getKey());
            if (other == null) {
                differences.add(new Difference(id, at, Change.REMOVED, show(field.getValue()), null));
            } else {
                value(id, at, field.getValue(), other);
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = now.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!was.has(field.getKey())) {
                differences.add(new Difference(id, path + "." + field.getKey(), Change.ADDED, null, show(field.getValue())));
            }
        }
    }

    private void array(String id, String path, JsonNode was, JsonNode now) {
        Function<JsonNode, String> key = KEYS.get(path.substring(path.lastIndexOf('.') + 1));
        if (key == null) {
            positional(id, path, was, now);
            return;
        }
        // The k-th element with a key matches the k-th element with the same key on the other side.
        Map<String, List<Integer>> nowByKey = new HashMap<>();
        for (int j = 0; j < now.size(); j++) {
            nowByKey.computeIfAbsent(key.apply(now.get(j)), k -> new ArrayList<>()).add(j);
        }
        Map<String, Integer> taken = new HashMap<>();
        boolean[] matched = new boolean[now.size()];
        List<Integer> orderNow = new ArrayList<>();
        List<String> wasKeys = new ArrayList<>();
        for (int i = 0; i < was.size(); i++) {
            JsonNode element = was.get(i);
            String k = key.apply(element);
            List<Integer> candidates = nowByKey.getOrDefault(k, List.of());
            int n = taken.merge(k, 1, Integer::sum) - 1;
            String at = path + "[" + i + "]";
            if (n < candidates.size()) {
                int j = candidates.get(n);
                matched[j] = true;
                orderNow.add(j);
                wasKeys.add(name(element));
                value(elementId(id, element), at, element, now.get(j));
            } else {
                differences.add(new Difference(elementId(id, element), at, Change.REMOVED, label(element), null));
            }
        }
        for (int j = 0; j < now.size(); j++) {
            if (!matched[j]) {
                differences.add(new Difference(elementId(id, now.get(j)), path + "[" + j + "]", Change.ADDED, null, label(now.get(j))));
            }
        }
        if (!orderNow.stream().sorted().toList().equals(orderNow)) {
            List<String> nowKeys = orderNow.stream().sorted().map(j -> name(now.get(j))).toList();
            differences.add(new Difference(id, path, Change.REORDERED, String.join("、", wasKeys), String.join("、", nowKeys)));
        }
    }

    private void positional(String id, String path, JsonNode was, JsonNode now) {
        int common = Math.min(was.size(), now.size());
        for (int i = 0; i < common; i++) {
            value(id, path + "[" + i + "]", was.get(i), now.get(i));
        }
        for (int i = common; i < was.size(); i++) {
            differences.add(new Difference(id, path + "[" + i + "]", Change.REMOVED, show(was.get(i)), null));
        }
        for (int i = common; i < now.size(); i++) {
            differences.add(new Difference(id, path + "[" + i + "]", Change.ADDED, null, show(now.get(i))));
        }
    }

    /** An entry of a round is named by its own application id; anything else by the record's id. */
    private static String elementId(String id, JsonNode element) {
        JsonNode applicationId = element.path("applicationId");
        return applicationId.isTextual() ? applicationId.textValue() : id;
    }

    /** What identifies an element, for a list in another order: its code (and material), application id or rule. */
    private static String name(JsonNode element) {
        if (element.has("code")) {
            String material = element.path("material").isTextual() ? " " + element.path("material").textValue() : "";
            String fact = element.path("fact").isTextual() ? " " + element.path("fact").textValue() : "";
            return element.path("code").asText() + material + fact;
        }
        if (element.has("applicationId")) {
            return element.path("applicationId").asText();
        }
        return element.has("rule") ? element.path("rule").asText() : show(element);
    }

    /** An element of a matched list as a reader knows it: code and message, application and status, rule. */
    private static String label(JsonNode element) {
        if (element.has("code")) {
            Set<String> parts = new LinkedHashSet<>();
            parts.add(element.path("code").asText());
            for (String extra : List.of("material", "fact")) {
                if (element.path(extra).isTextual()) {
                    parts.add(element.path(extra).textValue());
                }
            }
            return String.join(" ", parts) + (element.path("message").isTextual() ? "（" + abbreviate(element.path("message").textValue()) + "）" : "");
        }
        if (element.has("applicationId")) {
            return element.path("applicationId").asText() + " " + element.path("status").asText();
        }
        if (element.has("rule")) {
            return "规则“" + element.path("rule").asText() + "”";
        }
        return show(element);
    }

    /** A value as a reader sees it: text in quotes, null as 无, a list or object as compact JSON. */
    static String show(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return "无";
        }
        if (value.isTextual()) {
            return "“" + abbreviate(value.textValue()) + "”";
        }
        if (value.isValueNode()) {
            return value.asText();
        }
        try {
            return abbreviate(ContractMapper.MAPPER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a checked tree can be written", e);
        }
    }

    private static String abbreviate(String text) {
        if (text.length() <= SHOWN) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(SHOWN - 1)) ? SHOWN + 1 : SHOWN;
        return text.substring(0, end) + "…";
    }
}

package org.carrierrules.internal.scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;

import org.carrierrules.internal.tree.Shape;
import org.carrierrules.internal.tree.Texts;

/**
 * The {@code expect:} of one scenario, an object, read value by value: a value of the wrong form is a
 * problem at its line, and reading goes on.
 *
 * @param node  the {@code expect:} object
 * @param at    where it is in its file
 * @param wrong the problems of its scenario
 */
record Expect(JsonNode node, JsonPointer at, ScenarioProblems wrong) {
    /** The names of an enum's values, as {@code expect:} writes them. */
    static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    boolean has(String key) {
        return node.has(key);
    }

    /** The value at {@code key} (which is there), one of {@code allowed}. */
    String oneOf(String key, List<String> allowed) {
        return oneOf(node.get(key), "expect." + key, at.appendProperty(key), allowed);
    }

    /** The list of codes or messages at {@code key}, or null when the key is absent (then it is not compared). */
    List<String> optionalTexts(String key) {
        JsonNode list = node.get(key);
        return list == null ? null : texts(list, "expect." + key, at.appendProperty(key));
    }

    /** The values at {@code key} by application id ({@code {场景-甲: CANDIDATE}}), each one of {@code allowed}; empty when absent. */
    Map<String, String> oneOfById(String key, List<String> allowed) {
        return byId(key, (value, field) -> oneOf(value, field.text(), field.at(), allowed));
    }

    /** The lists of codes at {@code key} by application id ({@code {场景-甲: [WITHIN_QUOTA]}}); empty when absent. */
    Map<String, List<String>> textsById(String key) {
        return byId(key, (list, field) -> texts(list, field.text(), field.at()));
    }

    /** A value of an id, as messages name it ({@code expect.statuses.场景-甲}) and where it is written. */
    private record Field(String text, JsonPointer at) {
    }

    private <T> Map<String, T> byId(String key, BiFunction<JsonNode, Field, T> read) {
        Map<String, T> values = new TreeMap<>();
        JsonNode given = node.get(key);
        if (given == null) {
            return values;
        }
        if (!given.isObject()) {
            wrong.add(at.appendProperty(key), "expect." + key + " 应为若干“申报编号: 预期”，如 {场景-甲: …}，实为" + Shape.kind(given));
            return values;
        }
        given.fields().forEachRemaining(e -> values.put(e.getKey(), read.apply(e.getValue(),
                new Field("expect." + key + "." + e.getKey(), at.appendProperty(key).appendProperty(e.getKey())))));
        return values;
    }

    private String oneOf(JsonNode value, String field, JsonPointer where, List<String> allowed) {
        String text = value.isValueNode() && !value.isNull() ? value.asText() : null;
        if (text == null || !allowed.contains(text)) {
            wrong.add(where, field + " 的值应为 " + String.join("、", allowed) + " 之一，实为"
                    + (text == null ? Shape.kind(value) : "“" + Texts.abbreviate(text) + "”"));
        }
        return text;
    }

    private List<String> texts(JsonNode list, String field, JsonPointer where) {
        if (!list.isArray()) {
            // A single code written without brackets would otherwise read as “no code at all”.
            wrong.add(where, field + " 应为列表，如 [MATERIAL_MISSING]；一项也没有时写 []，实为" + Shape.kind(list));
            return List.of();
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            if (item.isValueNode() && !item.isNull()) {
                texts.add(item.asText());
            } else {
                wrong.add(where.appendIndex(i), field + " 的第" + (i + 1) + "项应为一个代码或一句说明，实为" + Shape.kind(item));
            }
        }
        return texts;
    }
}

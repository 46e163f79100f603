package org.carrierrules.json;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import org.carrierrules.InvalidInputException;

/**
 * Strict reading of one JSON object's fields, each failure naming the field's full path and the
 * fix: a missing field, a wrong type, an unknown enum value or an unknown (perhaps misspelled) key.
 */
final class Fields {
    private final JsonNode node;
    private final String path;

    private Fields(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** The object at {@code path}, refusing anything but an object and any key not in {@code known}. */
    static Fields of(JsonNode node, String path, Set<String> known) {
        if (node == null || !node.isObject()) {
            throw new InvalidInputException(path.isEmpty() ? "$" : path, "应为一个 JSON 对象 {…}，实为" + kind(node));
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new InvalidInputException(at(path, name), "未知字段；可用字段为：" + String.join("、", known.stream().sorted().toList()));
            }
        }
        return new Fields(node, path);
    }

    String at(String name) {
        return at(path, name);
    }

    private static String at(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** Null when absent or JSON null: for optional objects. */
    JsonNode optional(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    JsonNode required(String name) {
        JsonNode value = optional(name);
        if (value == null) {
            throw new InvalidInputException(at(name), "缺少此字段（必填）");
        }
        return value;
    }

    String text(String name) {
        JsonNode value = required(name);
        if (!value.isTextual()) {
            throw new InvalidInputException(at(name), "应为字符串，实为" + kind(value));
        }
        return value.textValue();
    }

    /** The text of an optional string field, or null; used to name a record even when it is bad. */
    String textOrNull(String name) {
        JsonNode value = optional(name);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    boolean bool(String name) {
        JsonNode value = required(name);
        if (!value.isBoolean()) {
            throw new InvalidInputException(at(name), "应为 true 或 false，实为" + kind(value));
        }
        return value.booleanValue();
    }

    int integer(String name) {
        JsonNode value = required(name);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new InvalidInputException(at(name), "应为整数，实为" + kind(value));
        }
        return value.intValue();
    }

    <E extends Enum<E>> E enumValue(String name, Class<E> type) {
        String text = text(name);
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(at(name), "“" + text + "”不是可用的取值；可用取值为："
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining("、")));
        }
    }

    JsonNode array(String name) {
        JsonNode value = required(name);
        if (!value.isArray()) {
            throw new InvalidInputException(at(name), "应为数组 […]，实为" + kind(value));
        }
        return value;
    }

    static String kind(JsonNode value) {
        if (value == null || value.isNull()) {
            return "空值 null";
        }
        if (value.isTextual()) {
            return "字符串 \"" + abbreviate(value.textValue()) + "\"";
        }
        if (value.isBoolean()) {
            return "布尔值 " + value.booleanValue();
        }
        if (value.isNumber()) {
            return "数字 " + value.numberValue();
        }
        return value.isArray() ? "数组" : "对象";
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}

package org.carrierrules.json;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import org.carrierrules.InvalidInputException;

/**
 * Strict reading of one JSON object's fields, each failure naming the field's full path and the
 * fix: a missing field, a wrong type, an unknown enum value or an unknown (perhaps misspelled) key.
 */
final class Fields {
    private static final int SHOWN = 40;

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
        String text = value.textValue();
        int broken = unpairedSurrogate(text);
        if (broken >= 0) {
            // A JSON escape can spell half a character (a lone high surrogate); written out, it turns into “?” or fails.
            throw new InvalidInputException(at(name), "第" + (broken + 1) + "个字符是不成对的 UTF-16 代理项 \\u"
                    + Integer.toHexString(text.charAt(broken)).toUpperCase(Locale.ROOT) + "，不是有效的 Unicode 文字");
        }
        return text;
    }

    /** The index of the first half of a surrogate pair that lacks its other half, or -1. */
    private static int unpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
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
            throw new InvalidInputException(at(name), "“" + abbreviate(text) + "”不是可用的取值；可用取值为："
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
        if (value.isMissingNode()) {
            return "空内容";
        }
        if (value.isTextual()) {
            return "字符串 \"" + abbreviate(value.textValue()) + "\"";
        }
        if (value.isBoolean()) {
            return "布尔值 " + value.booleanValue();
        }
        if (value.isNumber()) {
            // 1e400 reads as an infinite double; a thousand-digit integer would swamp the message.
            return value.isDouble() && !Double.isFinite(value.doubleValue()) ? "超出范围的数字"
                    : "数字 " + abbreviate(value.numberValue().toString());
        }
        return value.isArray() ? "数组" : "对象";
    }

    /** The first 40 characters and “…”, never half a surrogate pair. */
    static String abbreviate(String text) {
        if (text.length() <= SHOWN) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(SHOWN - 1)) ? SHOWN + 1 : SHOWN;
        return text.substring(0, end) + "…";
    }
}

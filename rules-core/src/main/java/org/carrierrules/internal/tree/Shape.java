package org.carrierrules.internal.tree;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.carrierrules.internal.tree.KeyPath;
import org.carrierrules.internal.tree.KeyPath.Step;

/**
 * What a tree of data must look like: which keys an object has (each required or not), what a list holds,
 * which keys a map may have, and of what type each value is. It is what lets a scenario's change be checked
 * when the file is read, against the application's, the carrier's, the submission's or the round's shape,
 * instead of failing (or being ignored) only when the scenario runs; and what lets a file's structural
 * problems all be listed at once, each with its own line, rather than the first one only.
 */
public sealed interface Shape permits Shape.Obj, Shape.Dict, Shape.Items, Shape.Value {
    /** Beyond this many mismatches in one value, the rest are summed up in one line. */
    int MAX_MISMATCHES = 20;

    /** An object with named fields. */
    record Obj(Map<String, Field> fields) implements Shape {
        public Obj {
            fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        String known() {
            return String.join("、", new TreeSet<>(fields.keySet()));
        }
    }

    /** One field of an object; a field that is not required may be absent, or written {@code ~}. */
    record Field(Shape shape, boolean required) {
    }

    /** A map from keys (any text, the names of an enum, or years) to values of one shape. */
    record Dict(Keys keys, Shape values, boolean nullValues) implements Shape {
    }

    /** What the keys of a map may be: any text when {@code allowed} is null and {@code years} false. */
    record Keys(List<String> allowed, boolean years) {
        public static final Keys ANY = new Keys(null, false);
        public static final Keys YEARS = new Keys(null, true);
    }

    /** A list of items of one shape. */
    record Items(Shape item, boolean nullItems) implements Shape {
    }

    /** A single value: text, a number, true or false, a date, or one of a list of names. */
    record Value(Kind kind, List<String> allowed) implements Shape {
        public Value(Kind kind) {
            this(kind, List.of());
        }
    }

    enum Kind {
        TEXT("文字"), BOOLEAN("true 或 false"), INTEGER("整数"), NUMBER("数字"), DATE("日期（如 2024-03-01）"),
        DATE_TIME("日期时间（如 2024-08-20T10:15:00+08:00）"), LOCAL_DATE_TIME("日期时间（如 2024-08-25T18:00:00）"),
        CHOICE("取值"),
        /** A declared fact's value: which of these the policy's {@code facts.yaml} says, the reader checks. */
        FACT("数字、true/false 或文字（日期写作 2019-05-01）");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** Where a path leads: the shape there and whether it may be removed, or (when {@code problem} is set) why it leads nowhere. */
    record Place(Shape shape, boolean removable, String problem) {
    }

    /** One way a value does not fit, at {@code at} below the place checked. */
    record Mismatch(List<Step> at, String message) {
    }

    Pattern YEAR = Pattern.compile("[0-9]{4}");

    // ---------------------------------------------------------------- building shapes

    static Field required(Shape shape) {
        return new Field(shape, true);
    }

    static Field optional(Shape shape) {
        return new Field(shape, false);
    }

    static Value choice(Class<? extends Enum<?>> type) {
        return new Value(Kind.CHOICE, names(type));
    }

    private static List<String> names(Class<?> type) {
        return Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
    }

    /**
     * The shape Jackson reads a record of a policy file into ({@code round.yaml}): the record components' names
     * and types, every field optional and every item nullable, since what must be there is for the reading of
     * the file to say (the record's {@code @JsonProperty(required = true)}, YamlData).
     */
    static Shape of(Type type) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (raw == String.class) {
            return new Value(Kind.TEXT);
        }
        if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
            return new Value(Kind.INTEGER);
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return new Value(Kind.BOOLEAN);
        }
        if (raw == BigDecimal.class || raw == Double.class || raw == double.class) {
            return new Value(Kind.NUMBER);
        }
        if (raw == LocalDate.class) {
            return new Value(Kind.DATE);
        }
        if (raw == LocalDateTime.class) {
            return new Value(Kind.LOCAL_DATE_TIME);
        }
        if (raw.isEnum()) {
            return new Value(Kind.CHOICE, names(raw));
        }
        if (Collection.class.isAssignableFrom(raw)) {
            return new Items(of(argument(type, 0)), true);
        }
        if (Map.class.isAssignableFrom(raw)) {
            Class<?> key = (Class<?>) argument(type, 0);
            return new Dict(key.isEnum() ? new Keys(names(key), false) : Keys.ANY, of(argument(type, 1)), true);
        }
        if (raw.isRecord()) {
            Map<String, Field> fields = new LinkedHashMap<>();
            for (RecordComponent component : raw.getRecordComponents()) {
                fields.put(component.getName(), optional(of(component.getGenericType())));
            }
            return new Obj(fields);
        }
        throw new IllegalArgumentException("no shape for " + type);
    }

    private static Type argument(Type type, int i) {
        if (!(type instanceof ParameterizedType p)) {
            throw new IllegalArgumentException("a raw collection type has no shape: " + type);
        }
        return p.getActualTypeArguments()[i];
    }

    // ---------------------------------------------------------------- following a path

    /** Where {@code steps} lead from {@code root}: never an exception, whatever the steps. */
    static Place resolve(Shape root, List<Step> steps) {
        Shape shape = root;
        boolean removable = false;
        for (int k = 0; k < steps.size(); k++) {
            Step step = steps.get(k);
            String here = KeyPath.shown(steps.subList(0, k + 1));
            String above = KeyPath.shown(steps.subList(0, k));
            String problem = null;
            if (shape instanceof Obj obj) {
                Field field = step.isIndex() ? null : obj.fields().get(step.name());
                if (step.isIndex()) {
                    problem = notAList(above, step);
                } else if (field == null) {
                    problem = "不认识的键“" + here + "”，可用的键为：" + obj.known() + "（是否拼写有误？）";
                } else {
                    shape = field.shape();
                    removable = !field.required();
                }
            } else if (shape instanceof Dict dict) {
                problem = step.isIndex() ? notAList(above, step) : keyProblem(dict.keys(), above, step.name());
                shape = dict.values();
                removable = true;
            } else if (shape instanceof Items items) {
                if (!step.isIndex()) {
                    problem = "“" + above + "”是列表，其中的一项写成 " + above + "[0]（从0数起），不能写“." + Texts.abbreviate(step.name()) + "”";
                }
                shape = items.item();
                removable = true;
            } else {
                problem = "“" + above + "”是一个值（" + label(shape) + "），其下没有“"
                        + (step.isIndex() ? "[" + step.index() + "]" : Texts.abbreviate(step.name())) + "”";
            }
            if (problem != null) {
                return new Place(null, false, problem);
            }
        }
        return new Place(shape, removable, null);
    }

    private static String notAList(String above, Step step) {
        return (above.isEmpty() ? "最上一级" : "“" + above + "”") + "不是列表，不能写 [" + step.index() + "]";
    }

    private static String keyProblem(Keys keys, String map, String key) {
        if (keys.years() && !YEAR.matcher(key).matches()) {
            return "“" + map + "”中的键“" + Texts.abbreviate(key) + "”不是年份：键应为四位数字的年份，如 2023";
        }
        if (keys.allowed() != null && !keys.allowed().contains(key)) {
            return "“" + map + "”中的键“" + Texts.abbreviate(key) + "”不是可用的取值；可用取值为：" + String.join("、", keys.allowed());
        }
        return null;
    }

    // ---------------------------------------------------------------- checking a value

    /** Every way {@code value}, found at {@code at}, does not fit {@code shape} (at most {@link #MAX_MISMATCHES} and a summary). */
    static List<Mismatch> check(Shape shape, JsonNode value, List<Step> at) {
        List<Mismatch> out = new ArrayList<>();
        check(shape, value, new ArrayList<>(at), out);
        if (out.size() > MAX_MISMATCHES) {
            List<Mismatch> shown = new ArrayList<>(out.subList(0, MAX_MISMATCHES));
            shown.add(new Mismatch(at, "另有 " + (out.size() - MAX_MISMATCHES) + " 处问题未逐一列出，请先改正以上各处"));
            return shown;
        }
        return out;
    }

    private static void check(Shape shape, JsonNode value, List<Step> at, List<Mismatch> out) {
        if (out.size() > MAX_MISMATCHES) {
            return;
        }
        String path = KeyPath.shown(at);
        String where = path.isEmpty() ? "内容" : "“" + path + "”";
        if (shape instanceof Obj obj) {
            if (!value.isObject()) {
                out.add(new Mismatch(List.copyOf(at), where + "应为若干“键: 值”（可用的键为：" + obj.known() + "），实为" + kind(value)));
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                Field field = obj.fields().get(entry.getKey());
                at.add(Step.field(entry.getKey()));
                if (field == null) {
                    out.add(new Mismatch(List.copyOf(at), "不认识的键“" + KeyPath.shown(at) + "”，可用的键为：" + obj.known() + "（是否拼写有误？）"));
                } else {
                    checkChild(field.shape(), entry.getValue(), !field.required(), at, out);
                }
                at.remove(at.size() - 1);
            }
            obj.fields().forEach((name, field) -> {
                if (field.required() && !value.has(name)) {
                    at.add(Step.field(name));
                    out.add(new Mismatch(List.copyOf(at.subList(0, at.size() - 1)), "缺少“" + KeyPath.shown(at) + "”（必填）"));
                    at.remove(at.size() - 1);
                }
            });
        } else if (shape instanceof Dict dict) {
            if (!value.isObject()) {
                out.add(new Mismatch(List.copyOf(at), where + "应为若干“键: 值”，实为" + kind(value)));
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                at.add(Step.field(entry.getKey()));
                String key = keyProblem(dict.keys(), path, entry.getKey());
                if (key != null) {
                    out.add(new Mismatch(List.copyOf(at), key));
                } else {
                    checkChild(dict.values(), entry.getValue(), dict.nullValues(), at, out);
                }
                at.remove(at.size() - 1);
            }
        } else if (shape instanceof Items items) {
            if (!value.isArray()) {
                out.add(new Mismatch(List.copyOf(at), where + "应为列表（每项一行，以“- ”开头，或写成 [ … ]），实为" + kind(value)));
                return;
            }
            for (int i = 0; i < value.size(); i++) {
                at.add(Step.at(i));
                checkChild(items.item(), value.get(i), items.nullItems(), at, out);
                at.remove(at.size() - 1);
            }
        } else {
            String problem = valueProblem((Value) shape, value);
            if (problem != null) {
                out.add(new Mismatch(List.copyOf(at), where + problem));
            }
        }
    }

    private static void checkChild(Shape shape, JsonNode value, boolean nullable, List<Step> at, List<Mismatch> out) {
        if (value.isNull()) {
            if (!nullable) {
                out.add(new Mismatch(List.copyOf(at), "“" + KeyPath.shown(at) + "”不能为空（~）：这一项必填，应为" + label(shape)));
            }
            return;
        }
        check(shape, value, at, out);
    }

    /** What is wrong with a single value, said after its path (“…”的值应为整数…), or null. */
    private static String valueProblem(Value shape, JsonNode value) {
        boolean fits = switch (shape.kind()) {
            case TEXT, DATE, DATE_TIME, LOCAL_DATE_TIME, CHOICE -> value.isTextual();
            case BOOLEAN -> value.isBoolean();
            case INTEGER -> value.isIntegralNumber() && value.canConvertToInt();
            case NUMBER -> value.isNumber() && !(value.isDouble() && !Double.isFinite(value.doubleValue()));
            case FACT -> value.isTextual() || value.isBoolean() || value.isNumber() && !(value.isDouble() && !Double.isFinite(value.doubleValue()));
        };
        if (!fits) {
            return "的值应为" + label(shape) + "，实为" + kind(value);
        }
        String text = value.asText();
        String problem = switch (shape.kind()) {
            case DATE -> DateTexts.dateProblem(text);
            case DATE_TIME -> DateTexts.dateTimeProblem(text);
            case LOCAL_DATE_TIME -> DateTexts.localDateTimeProblem(text);
            case CHOICE -> shape.allowed().contains(text) ? null
                    : "“" + Texts.abbreviate(text) + "”不是可用的取值；可用取值为：" + String.join("、", shape.allowed());
            default -> null;
        };
        return problem == null ? null : "的值" + problem;
    }

    /** What a value of this shape is, in words: for “应为…”. */
    static String label(Shape shape) {
        if (shape instanceof Value value) {
            return value.kind() == Kind.CHOICE ? "取值（可选：" + String.join("、", value.allowed()) + "）" : value.kind().label;
        }
        if (shape instanceof Items) {
            return "列表";
        }
        return "若干“键: 值”";
    }

    /** What a value is, in words: for “实为…”. */
    static String kind(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "空值";
        }
        if (value.isTextual()) {
            return "文字“" + Texts.abbreviate(value.textValue()) + "”";
        }
        if (value.isBoolean()) {
            return "布尔值 " + value.booleanValue();
        }
        if (value.isNumber()) {
            return value.isDouble() && !Double.isFinite(value.doubleValue()) ? "超出范围的数字" : "数字 " + Texts.abbreviate(value.asText());
        }
        return value.isArray() ? "列表" : "若干“键: 值”";
    }
}

package org.carrierrules.internal.policy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import org.carrierrules.internal.tree.DateTexts;
import org.carrierrules.internal.tree.KeyPath;
import org.carrierrules.internal.tree.KeyPath.Step;
import org.carrierrules.internal.tree.Shape;
import org.carrierrules.internal.tree.Texts;
import org.carrierrules.policy.PolicyProblem;

/**
 * The problems of one YAML file of a policy directory, each at the line of the place it is about, as the file's
 * located tree has it ({@link LocatedTree}): a key, a list item, or the nearest place above a key that is not
 * written at all. Every reader and check of a policy file reports through it, and what Jackson finds wrong
 * reading a file into its record (an exception with its path, or a complaint noted while reading,
 * {@link ReadingNotes}) is put into words here, once.
 */
public final class FileProblems {
    private final String file;
    private final LocatedTree tree;
    private final List<PolicyProblem> list;

    public FileProblems(String file, LocatedTree tree, List<PolicyProblem> list) {
        this.file = file;
        this.tree = tree;
        this.list = list;
    }

    public String file() {
        return file;
    }

    public LocatedTree tree() {
        return tree;
    }

    /** How many problems have been found so far, this file's and those before it: a check compares two counts. */
    public int count() {
        return list.size();
    }

    /**
     * A problem at the line of {@code at}, or of the nearest place above it that is written (a key that is
     * missing is told at the line of the object that lacks it); null for a file without content.
     */
    public void add(JsonPointer at, String message) {
        list.add(new PolicyProblem(file, at == null ? 0 : tree.line(at), message));
    }

    /** What Jackson could not read into the file's record, at the line of the place its path names. */
    public void add(JsonMappingException e) {
        List<Step> at = place(e);
        JsonNode value = valueAt(at);
        if (e instanceof UnrecognizedPropertyException u) {
            unknownKey(at, u.getKnownPropertyIds());
        } else if (e instanceof InvalidFormatException f && f.getValue() instanceof String text) {
            wrongText(at, f.getTargetType(), text);
        } else if (e instanceof MismatchedInputException m) {
            if (value.isMissingNode() || value.isNull()) {
                missing(at, null);
            } else {
                wrongValue(at, m.getTargetType());
            }
        } else if (e.getCause() instanceof InputCoercionException c) {
            add(pointer(at), where(at) + "的值 " + Texts.abbreviate(value.asText()) + " 超出了" + typeName(c.getTargetType()) + "的范围");
        } else {
            add(pointer(at), where(at) + "的值无法读入：请对照本库自带政策中的同一项检查它的写法");
        }
    }

    // ---------------------------------------------------------------- what Jackson finds, in words

    /** A key the record does not have, with the keys it has; or one of them, with a full-width colon in a {@code {…}}. */
    void unknownKey(List<Step> at, Collection<?> known) {
        String fullWidth = at.isEmpty() ? null : YamlSyntax.fullWidthKey(at.get(at.size() - 1).name());
        if (fullWidth != null) {
            add(pointer(at), YamlSyntax.fullWidthColon(fullWidth));
            return;
        }
        String keys = known == null ? "" : known.stream().map(String::valueOf).sorted().collect(Collectors.joining("、"));
        add(pointer(at), "不认识的键“" + KeyPath.shown(at) + "”，可用的键为：" + keys + "（是否拼写有误？）");
    }

    /** A text that is no value of {@code type}: a number in words, a date that does not exist, a name not in the list. */
    void wrongText(List<Step> at, Class<?> type, String text) {
        String problem = type == LocalDate.class ? DateTexts.dateProblem(text)
                : type == LocalDateTime.class ? DateTexts.localDateTimeProblem(text) : null;
        add(pointer(at), where(at) + "的值" + (problem != null ? problem : "“" + Texts.abbreviate(text) + "”不是有效的" + typeName(type)));
    }

    /** A value of another kind than {@code type}: a list where one value belongs, a text where keys do. */
    void wrongValue(List<Step> at, Class<?> type) {
        JsonNode value = valueAt(at);
        String fullWidth = value.isTextual() && !isValue(type) ? YamlSyntax.fullWidthKey(value.textValue()) : null;
        add(pointer(at), (at.isEmpty() ? "文件的内容" : where(at) + "的值") + "应为" + typeName(type) + "，实为" + Shape.kind(value)
                + (fullWidth == null ? "" : "：" + YamlSyntax.fullWidthColon(fullWidth)));
    }

    /** A required key not written, or written without a value; {@code hint} says what it holds. */
    void missing(List<Step> at, String hint) {
        add(pointer(at), "缺少 " + KeyPath.shown(at) + (hint == null || hint.isEmpty() ? "" : "（" + hint + "）"));
    }

    /** A key of a map that is none of the names its keys may be ({@code carrierTypes.quotas.SKILL_MASTER}). */
    void wrongKey(List<Step> at, Class<?> keyType, String key) {
        List<Step> map = at.subList(0, at.size() - 1);
        add(pointer(at), where(map) + "中的键“" + Texts.abbreviate(key) + "”不是有效的" + typeName(keyType));
    }

    /** The place an exception's path names: its field names and list positions from the top of the file. */
    static List<Step> place(JsonMappingException e) {
        List<Step> at = new ArrayList<>();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                at.add(Step.field(ref.getFieldName()));
            } else if (ref.getIndex() >= 0) {
                at.add(Step.at(ref.getIndex()));
            }
        }
        return at;
    }

    static JsonPointer pointer(List<Step> at) {
        return KeyPath.pointer(JsonPointer.empty(), at);
    }

    private JsonNode valueAt(List<Step> at) {
        return tree.root().at(pointer(at));
    }

    private static String where(List<Step> at) {
        return "“" + KeyPath.shown(at) + "”";
    }

    private static boolean isValue(Class<?> type) {
        return type != null && !Map.class.isAssignableFrom(type) && !Collection.class.isAssignableFrom(type) && !type.isRecord();
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "值";
        }
        if (type.isEnum()) {
            return "取值（可选：" + Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining("、")) + "）";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "整数";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true 或 false";
        }
        if (type == LocalDateTime.class) {
            return "日期时间（格式如 2024-08-25T18:00:00）";
        }
        if (type == LocalDate.class) {
            return "日期（格式如 2024-09-11）";
        }
        if (type == String.class) {
            return "文字";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "列表";
        }
        return "对象（若干“键: 值”）";
    }
}

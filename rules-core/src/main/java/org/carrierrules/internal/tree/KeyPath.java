package org.carrierrules.internal.tree;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.carrierrules.internal.tree.Texts;

/**
 * The path of one change a scenario makes, as policy staff write it: field names joined by dots, each
 * perhaps followed by list positions in brackets, counted from 0 ({@code applicant.type},
 * {@code materials[2].format}, {@code reviews[3].expertScores}, {@code trainingActivity.2021}). The text
 * comes from a file anyone may edit, so every way it can be malformed ({@code materials[-1]}, {@code .},
 * {@code applicant..name}, {@code materials[99999999999]}) is a problem in plain words, never an exception.
 */
public final class KeyPath {
    /** Far longer than any real path; a longer one is a slip (a pasted paragraph), and is not echoed whole. */
    static final int MAX_LENGTH = 500;
    /** A list position of more than nine digits is beyond any list and beyond {@code int}. */
    private static final int MAX_INDEX_DIGITS = 9;

    private KeyPath() {
    }

    /** One step down a tree: a field name, or (when {@code name} is null) a list position. */
    public record Step(String name, int index) {
        public static Step field(String name) {
            return new Step(name, -1);
        }

        public static Step at(int index) {
            return new Step(null, index);
        }

    public boolean isIndex() {
            return name == null;
        }
    }

    /** A path read: its steps, or (when {@code steps} is null) what is wrong with it. */
    public record Parsed(List<Step> steps, String problem) {
        static Parsed wrong(String problem) {
            return new Parsed(null, problem);
        }
    }

    /** The steps of {@code path}, or what is wrong with it. */
    public static Parsed parse(String path) {
        if (path == null || path.isEmpty()) {
            return Parsed.wrong("路径是空的：请写出要改的项，如 applicant.type");
        }
        if (path.length() > MAX_LENGTH) {
            return Parsed.wrong("路径太长（" + path.length() + " 个字符，最多 " + MAX_LENGTH + " 个）：请写出要改的项，如 applicant.type");
        }
        List<Step> steps = new ArrayList<>();
        int i = 0;
        int n = path.length();
        while (true) {
            int start = i;
            while (i < n && ".[]".indexOf(path.charAt(i)) < 0) {
                i++;
            }
            if (i == start) {
                if (i < n && path.charAt(i) == '[') {
                    return Parsed.wrong("“[”前缺少字段名：列表中的一项写成 materials[0]（字段名后接方括号）");
                }
                if (i < n && path.charAt(i) == ']') {
                    return Parsed.wrong("“]”前没有与之配对的“[”");
                }
                return Parsed.wrong("路径中有空的一段（两个“.”相连，或以“.”开头、结尾）：各级字段名之间只写一个“.”，如 applicant.type");
            }
            steps.add(Step.field(path.substring(start, i)));
            while (i < n && path.charAt(i) == '[') {
                int close = path.indexOf(']', i + 1);
                if (close < 0) {
                    return Parsed.wrong("“[”没有与之配对的“]”：列表中的一项写成 materials[0]");
                }
                String digits = path.substring(i + 1, close);
                if (digits.isEmpty()) {
                    return Parsed.wrong("方括号中缺少序号：列表中的一项写成 materials[0]（从0数起）");
                }
                if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    return Parsed.wrong("方括号中应为从0数起的序号（0、1、2……），实为“" + Texts.abbreviate(digits) + "”");
                }
                if (digits.length() > MAX_INDEX_DIGITS) {
                    return Parsed.wrong("序号“" + Texts.abbreviate(digits) + "”太大，超出任何列表的长度");
                }
                steps.add(Step.at(Integer.parseInt(digits)));
                i = close + 1;
            }
            if (i == n) {
                return new Parsed(List.copyOf(steps), null);
            }
            char c = path.charAt(i);
            if (c == ']') {
                return Parsed.wrong("“]”前没有与之配对的“[”");
            }
            if (c != '.') {
                return Parsed.wrong("“]”之后应为“.”或“[”，实为“" + Character.toString(path.codePointAt(i)) + "”");
            }
            i++;
        }
    }

    /** The path written back as staff write it: {@code materials[2].format}; as the readers name a field. */
    public static String display(List<Step> steps) {
        StringBuilder text = new StringBuilder();
        for (Step step : steps) {
            if (step.isIndex()) {
                text.append('[').append(step.index()).append(']');
            } else {
                text.append(text.length() == 0 ? "" : ".").append(step.name());
            }
        }
        return text.toString();
    }

    /** The path as a message quotes it: {@link #display}, cut short when it is long. */
    public static String shown(List<Step> steps) {
        return Texts.abbreviate(display(steps), SHOWN);
    }

    /** Enough to show any real path whole. */
    private static final int SHOWN = 80;

    /** The same place as a JSON Pointer ({@code /materials/2/format}), for the line map of a file. */
    public static JsonPointer pointer(JsonPointer base, List<Step> steps) {
        JsonPointer pointer = base;
        for (Step step : steps) {
            pointer = step.isIndex() ? pointer.appendIndex(step.index()) : pointer.appendProperty(step.name());
        }
        return pointer;
    }

    /**
     * Applies one change to {@code root}: sets the value at {@code path}, or, when {@code value} is null or
     * {@code ~}, removes the field or list item there. A list position one past the end adds an item.
     * Returns what is wrong with the path, or null. The tree is unchanged when something is wrong.
     */
    public static String apply(JsonNode root, String path, JsonNode value) {
        Parsed parsed = parse(path);
        return parsed.problem() != null ? parsed.problem() : apply(root, parsed.steps(), value);
    }

    public static String apply(JsonNode root, List<Step> steps, JsonNode value) {
        if (steps.isEmpty()) {
            return "路径是空的：请写出要改的项，如 applicant.type";
        }
        if (root == null || root.isMissingNode()) {
            return "没有可改动的内容";
        }
        JsonNode parent = root;
        for (int k = 0; k < steps.size() - 1; k++) {
            Step step = steps.get(k);
            String problem = stepProblem(parent, steps, k);
            if (problem != null) {
                return problem;
            }
            JsonNode child = step.isIndex() ? parent.get(step.index()) : parent.get(step.name());
            if (child == null || child.isNull()) {
                return "没有“" + shown(steps.subList(0, k + 1)) + "”这一项，无法改动其下的内容";
            }
            parent = child;
        }
        int last = steps.size() - 1;
        Step step = steps.get(last);
        boolean remove = value == null || value.isNull();
        if (step.isIndex()) {
            if (!(parent instanceof ArrayNode array)) {
                return notAList(steps, last);
            }
            int limit = remove ? array.size() : array.size() + 1;
            if (step.index() >= limit) {
                return outOfRange(steps, last, array.size(), !remove);
            }
            if (remove) {
                array.remove(step.index());
            } else if (step.index() == array.size()) {
                array.add(value.deepCopy());
            } else {
                array.set(step.index(), value.deepCopy());
            }
            return null;
        }
        if (!(parent instanceof ObjectNode object)) {
            return notAnObject(parent, steps, last);
        }
        if (remove) {
            if (!object.has(step.name())) {
                return "要删除的“" + shown(steps) + "”本来就没有";
            }
            object.remove(step.name());
        } else {
            object.set(step.name(), value.deepCopy());
        }
        return null;
    }

    /** What keeps step {@code k} from being taken from {@code parent}, or null; whether the child exists is not asked. */
    private static String stepProblem(JsonNode parent, List<Step> steps, int k) {
        Step step = steps.get(k);
        if (step.isIndex()) {
            if (!parent.isArray()) {
                return notAList(steps, k);
            }
            if (step.index() >= parent.size()) {
                return outOfRange(steps, k, parent.size(), false);
            }
            return null;
        }
        return parent.isObject() ? null : notAnObject(parent, steps, k);
    }

    private static String notAList(List<Step> steps, int k) {
        String above = shown(steps.subList(0, k));
        return (above.isEmpty() ? "最上一级" : "“" + above + "”") + "不是列表，不能写 [" + steps.get(k).index() + "]";
    }

    private static String notAnObject(JsonNode parent, List<Step> steps, int k) {
        String above = shown(steps.subList(0, k));
        if (parent.isArray()) {
            return "“" + above + "”是列表，其中的一项写成 " + above + "[0]（从0数起），不能写“." + Texts.abbreviate(steps.get(k).name()) + "”";
        }
        return (above.isEmpty() ? "最上一级" : "“" + above + "”") + "是一个值，不是若干“键: 值”，其下没有“"
                + Texts.abbreviate(steps.get(k).name()) + "”";
    }

    private static String outOfRange(List<Step> steps, int k, int size, boolean adding) {
        String list = shown(steps.subList(0, k));
        String index = "序号 " + steps.get(k).index() + " 超出范围：";
        if (size == 0) {
            return index + "“" + list + "”是空列表" + (adding ? "，添加第一项请写 " + list + "[0]" : "");
        }
        return index + "“" + list + "”共 " + size + " 项，序号为 0 至 " + (size - 1)
                + (adding ? "；在末尾添加一项请写 " + list + "[" + size + "]" : "");
    }
}

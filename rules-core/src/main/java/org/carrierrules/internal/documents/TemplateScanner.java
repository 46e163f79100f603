package org.carrierrules.internal.documents;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.carrierrules.internal.tree.Nearest;
import org.carrierrules.policy.PolicyProblem;

/**
 * Reads a template's tags with their lines and holds each to the template's names ({@link TemplateSchema}), so that
 * {@code check} can say which line of which template is wrong and what was meant. jmustache can list a template's
 * names too, but not their lines, and it accepts what this refuses:
 * <ul>
 * <li>a name the document does not have, or used as what it is not (a list as a text);</li>
 * <li>{@code {{{name}}}} and {@code {{&name}}}, output without escaping: every value is a name, a message or an id
 *     that may have come from an applicant, so there is no field whose raw output would be safe;</li>
 * <li>a partial other than {@code {{> contact}}}: no template reads any file but the policy's own templates;</li>
 * <li>changed delimiters ({@code {{=<% %>=}}}), which would hide tags from this check;</li>
 * <li>a section left open or closed in the wrong order.</li>
 * </ul>
 */
final class TemplateScanner {
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

    private final String file;
    private final List<PolicyProblem> problems;

    private TemplateScanner(String file, List<PolicyProblem> problems) {
        this.file = file;
        this.problems = problems;
    }

    /** Adds to {@code problems} everything wrong with {@code text}; {@code partials} says whether it may include one. */
    static void check(String file, String text, Map<String, TemplateSchema.Field> names, boolean partials, List<PolicyProblem> problems) {
        new TemplateScanner(file, problems).scan(text, names, partials);
    }

    private record Open(String name, int line, Map<String, TemplateSchema.Field> scope) {
    }

    private void scan(String text, Map<String, TemplateSchema.Field> names, boolean partials) {
        Deque<Open> open = new ArrayDeque<>();
        open.push(new Open("", 0, names));
        int at = 0;
        while (true) {
            int start = text.indexOf("{{", at);
            if (start < 0) {
                break;
            }
            int line = lineOf(text, start);
            boolean triple = text.startsWith("{{{", start);
            int end = text.indexOf(triple ? "}}}" : "}}", start + 2);
            if (end < 0) {
                problem(line, "“{{”没有配对的“}}”：占位符写成 {{名称}}");
                return;
            }
            String tag = text.substring(start + (triple ? 3 : 2), end);
            at = end + (triple ? 3 : 2);
            if (triple) {
                problem(line, "不允许 {{{" + tag.strip() + "}}}：它把内容原样输出、不加转义，而文书中的名称和说明可能来自申报单位；请改为 {{"
                        + tag.strip() + "}}");
                continue;
            }
            if (tag.isEmpty()) {
                problem(line, "空的占位符 {{}}：请写出名称，如 {{applicant}}");
                continue;
            }
            char sigil = tag.charAt(0);
            String name = "#^/>&!=".indexOf(sigil) >= 0 ? tag.substring(1).strip() : tag.strip();
            switch (sigil) {
                case '!' -> {
                    // A comment, for the staff who edit the template.
                }
                case '=' -> problem(line, "不允许改换占位符的定界符（{{=…=}}）：请一律使用 {{ 和 }}");
                case '&' -> problem(line, "不允许 {{&" + name + "}}：它把内容原样输出、不加转义，而文书中的名称和说明可能来自申报单位；请改为 {{"
                        + name + "}}");
                case '>' -> {
                    if (!partials || !TemplateSchema.CONTACT.equals(name)) {
                        problem(line, "不能引用模板“" + name + "”：" + (partials ? "只能引用本政策目录 templates/ 中的 {{> " + TemplateSchema.CONTACT
                                + "}}（联系方式），不能读取其他文件" : "联系方式模板中不能再引用模板"));
                    }
                }
                case '#', '^' -> {
                    TemplateSchema.Field field = field(name, open, line, true);
                    Map<String, TemplateSchema.Field> scope = field != null && field.kind() == TemplateSchema.Kind.LIST && sigil == '#'
                            ? field.items() : Map.of();
                    open.push(new Open(name, line, scope));
                }
                case '/' -> {
                    if (open.size() == 1) {
                        problem(line, "{{/" + name + "}} 没有对应的 {{#" + name + "}}：请删去它，或在前面补上 {{#" + name + "}}");
                    } else if (!open.peek().name().equals(name)) {
                        Open top = open.peek();
                        problem(line, "{{/" + name + "}} 与第" + top.line() + "行的 {{#" + top.name() + "}} 不配对：请先用 {{/" + top.name()
                                + "}} 结束它");
                        // What follows would be judged in the wrong section: one problem, at the first place it goes wrong.
                        return;
                    } else {
                        open.pop();
                    }
                }
                default -> field(name, open, line, false);
            }
        }
        while (open.size() > 1) {
            Open unclosed = open.pop();
            problem(unclosed.line(), "{{#" + unclosed.name() + "}} 没有结束：请在它的内容之后写上 {{/" + unclosed.name() + "}}");
        }
    }

    /** The field a tag names, innermost scope first as Mustache looks it up, or null with a problem. */
    private TemplateSchema.Field field(String name, Deque<Open> open, int line, boolean section) {
        if (NAME.matcher(name).matches()) {
            for (Open scope : open) {
                TemplateSchema.Field field = scope.scope().get(name);
                if (field != null) {
                    boolean text = field.kind() == TemplateSchema.Kind.TEXT;
                    if (section && text) {
                        problem(line, "“" + name + "”是文字，不能写成 {{#" + name + "}}…{{/" + name + "}}：区段只能用于列表和是否项");
                    } else if (!section && !text) {
                        problem(line, "“" + name + "”是" + (field.kind() == TemplateSchema.Kind.LIST ? "列表" : "是否项") + "，要写成 {{#" + name
                                + "}}…{{/" + name + "}}，不能写成 {{" + name + "}}");
                    }
                    return field;
                }
            }
        }
        TreeSet<String> known = new TreeSet<>();
        open.forEach(scope -> known.addAll(scope.scope().keySet()));
        String nearest = Nearest.of(name, known);
        problem(line, "未知的占位符 {{" + (section ? "#" : "") + name + "}}" + (nearest == null ? "" : "：是不是 {{" + (section ? "#" : "") + nearest + "}}？")
                + (nearest == null ? "：此处可用的名称有 " + String.join("、", known) : ""));
        return null;
    }

    private void problem(int line, String message) {
        problems.add(new PolicyProblem(file, line, message));
    }

    private static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}

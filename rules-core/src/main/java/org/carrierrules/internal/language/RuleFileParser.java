package org.carrierrules.internal.language;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.carrierrules.policy.PolicyProblem;

/**
 * The grammar of a staff rule file, line by line: whole-line {@code //} comments, and rules of the form
 * <pre>
 * rule "名称"
 *     &#64;clause("四(二)")
 * when
 *     条件句
 *     - 附加条件
 * then
 *     结论句，代码 CODE：说明
 * end
 * </pre>
 * Only {@code \n} and {@code \r\n} end a line. A lone carriage return, the Unicode line and paragraph
 * separators, NUL and every other control or format character (bidirectional overrides among them) are
 * refused with their line, since each of them lets a file read differently to a person and to a machine;
 * so are block comments and anything outside the grammar. The parser only reads structure: whether a
 * sentence is in the vocabulary is for {@link RuleChecker} to say. Every problem of the file is reported.
 */
public final class RuleFileParser {
    /** Longer lines are no sentence of the vocabulary; refusing them keeps every later step linear. */
    static final int MAX_LINE_LENGTH = 1000;
    static final int MAX_NAME_LENGTH = 100;

    private static final Pattern RULE = Pattern.compile("rule\\s+\"([^\"\\\\]*)\"");
    private static final Pattern CLAUSE = Pattern.compile("@clause\\(\\s*\"([^\"\\\\]*)\"\\s*\\)");
    private static final Pattern CONCLUSION = Pattern.compile("(.+?)，\\s*代码\\s*(.*?)\\s*：(.*)");
    private static final Pattern ATTRIBUTE = Pattern.compile("(salience|no-loop|lock-on-active|agenda-group|activation-group"
            + "|ruleflow-group|dialect|enabled|date-effective|date-expires|duration|timer|calendars|auto-focus)\\b.*");

    private RuleFileParser() {
    }

    /** The rules of a file, with every problem found added to {@code problems}. */
    public static RuleTree parse(String file, byte[] bytes, List<PolicyProblem> problems) {
        String text = decode(file, bytes, problems);
        if (text == null) {
            return new RuleTree(file, List.of());
        }
        return new Reader(file, problems).read(text);
    }

    /** Strict UTF-8: a byte sequence that is not UTF-8 is named by its line rather than read as something else. */
    private static String decode(String file, byte[] bytes, List<PolicyProblem> problems) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = utf8.decode(ByteBuffer.wrap(bytes));
            String text = chars.toString();
            // A byte order mark, as Windows Notepad writes, is allowed at the start only.
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            int line = 1;
            int valid = validPrefix(bytes);
            for (int i = 0; i < valid; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            problems.add(new PolicyProblem(file, line, "文件不是 UTF-8 编码（第" + line + "行起无法识别）：请用 UTF-8 编码保存规则文件"));
            return null;
        }
    }

    private static int validPrefix(byte[] bytes) {
        int low = 0;
        int high = bytes.length;
        // The longest prefix that decodes: a binary search over prefixes, each decoded once.
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.IGNORE);
            try {
                utf8.decode(ByteBuffer.wrap(bytes, 0, mid));
                low = mid;
            } catch (CharacterCodingException e) {
                high = mid - 1;
            }
        }
        return low;
    }

    /** Why a character may not stand in a rule file, or null when it may. */
    static String refusedCharacter(int c) {
        if (c == '\t') {
            return null;
        }
        if (c == '\r') {
            return "单独的回车符（\\r）：换行只能用 \\n 或 \\r\\n";
        }
        if (c == 0x2028 || c == 0x2029 || c == 0x0085) {
            return "Unicode 换行符 " + codePoint(c) + "：换行只能用 \\n 或 \\r\\n";
        }
        return switch (Character.getType(c)) {
            case Character.CONTROL -> "控制字符 " + codePoint(c);
            case Character.FORMAT -> "不可见的格式字符 " + codePoint(c) + "（如文字方向控制符、零宽字符）";
            case Character.UNASSIGNED -> "未定义的字符 " + codePoint(c);
            case Character.SURROGATE -> "不成对的代理字符 " + codePoint(c);
            case Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> "Unicode 分隔符 " + codePoint(c);
            default -> null;
        };
    }

    static String codePoint(int c) {
        return String.format(Locale.ROOT, "U+%04X", c);
    }

    private enum State { OUTSIDE, HEADER, WHEN, THEN }

    /** One pass over one file; holds the rule being read. */
    private static final class Reader {
        private final String file;
        private final List<PolicyProblem> problems;
        private final List<RuleTree.Rule> rules = new ArrayList<>();
        private State state = State.OUTSIDE;
        private String name;
        private int ruleLine;
        private List<RuleTree.Clause> clauses;
        private List<RuleTree.Condition> conditions;
        private String conditionText;
        private int conditionLine;
        private List<RuleTree.Constraint> constraints;
        private RuleTree.Conclusion conclusion;

        Reader(String file, List<PolicyProblem> problems) {
            this.file = file;
            this.problems = problems;
        }

        RuleTree read(String text) {
            int lineNo = 0;
            int start = 0;
            while (start <= text.length()) {
                int end = text.indexOf('\n', start);
                String raw = text.substring(start, end < 0 ? text.length() : end);
                lineNo++;
                if (raw.endsWith("\r")) {
                    raw = raw.substring(0, raw.length() - 1);
                }
                line(raw, lineNo);
                if (end < 0) {
                    break;
                }
                start = end + 1;
            }
            if (state != State.OUTSIDE) {
                problem(ruleLine, "规则“" + name + "”没有写完：每条规则须依次有 when、then 和 end");
            }
            return new RuleTree(file, rules);
        }

        private void problem(int line, String message) {
            problems.add(new PolicyProblem(file, line, message));
        }

        private void line(String raw, int lineNo) {
            if (raw.length() > MAX_LINE_LENGTH) {
                problem(lineNo, "这一行太长（" + raw.length() + "个字符，上限" + MAX_LINE_LENGTH + "）：规则文件的一行只写一句话");
                return;
            }
            for (int i = 0; i < raw.length(); ) {
                int c = raw.codePointAt(i);
                String refused = refusedCharacter(c);
                if (refused != null) {
                    problem(lineNo, "第" + (raw.codePointCount(0, i) + 1) + "个字符是" + refused + "，规则文件中不允许出现");
                    return;
                }
                i += Character.charCount(c);
            }
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("//")) {
                return;
            }
            if (line.contains("/*") || line.contains("*/")) {
                problem(lineNo, "不支持块注释 /* … */：注释只能整行写，以 // 开头");
                return;
            }
            if (line.startsWith("#")) {
                problem(lineNo, "注释请以 // 开头：以 # 开头的注释不再支持（把 # 改为 // 即可）");
                return;
            }
            if (line.startsWith(">")) {
                problem(lineNo, "不允许以“>”开头的行：规则文件只能写注释、规则的结构和规则词汇表中的句子");
                return;
            }
            Matcher header = RULE.matcher(line);
            if (header.matches()) {
                startRule(header.group(1), lineNo);
                return;
            }
            switch (state) {
                case OUTSIDE -> problem(lineNo, CodeLike.is(line) ? CodeLike.refusal(line)
                        : "规则之外只能写注释（以 // 开头）或以 rule \"规则名称\" 开始一条新规则：" + line);
                case HEADER -> header(line, lineNo);
                case WHEN -> when(line, lineNo);
                case THEN -> then(line, lineNo);
            }
        }

        private void startRule(String ruleName, int lineNo) {
            if (state != State.OUTSIDE) {
                problem(ruleLine, "规则“" + name + "”没有写完：每条规则须依次有 when、then 和 end");
            }
            if (ruleName.isBlank()) {
                problem(lineNo, "规则名称不能为空：rule 之后写上规则的中文名称，如 rule \"材料扫描件缺页\"");
            } else if (ruleName.length() > MAX_NAME_LENGTH) {
                problem(lineNo, "规则名称太长（" + ruleName.length() + "个字符，上限" + MAX_NAME_LENGTH + "）");
            }
            state = State.HEADER;
            name = ruleName;
            ruleLine = lineNo;
            clauses = new ArrayList<>();
            conditions = new ArrayList<>();
            conditionText = null;
            constraints = null;
            conclusion = null;
        }

        private void header(String line, int lineNo) {
            Matcher clause = CLAUSE.matcher(line);
            if (clause.matches()) {
                if (clause.group(1).isBlank()) {
                    problem(lineNo, "@clause 中的条款不能为空，如 @clause(\"四(二)\")");
                }
                clauses.add(new RuleTree.Clause(clause.group(1).strip(), lineNo));
            } else if (line.equals("when")) {
                if (clauses.size() != 1) {
                    problem(ruleLine, "规则“" + name + "”须在规则名下一行注明且只注明一个依据条款，如 @clause(\"四(二)\")");
                }
                state = State.WHEN;
            } else if (ATTRIBUTE.matcher(line).matches()) {
                problem(lineNo, "规则中不允许设置规则属性（如 salience）：规则的先后不影响结论：" + line);
            } else {
                problem(lineNo, "规则名之后只能写 @clause(\"条款\")，然后写 when：" + line);
            }
        }

        private void when(String line, int lineNo) {
            if (line.equals("then")) {
                closeCondition();
                if (conditions.isEmpty()) {
                    problem(lineNo, "规则“" + name + "”在 when 之下没有条件：至少写一个条件句");
                }
                state = State.THEN;
            } else if (line.equals("end")) {
                problem(lineNo, "规则“" + name + "”缺少 then 和结论：when 的条件之后须写 then，再写一个结论句");
                closeCondition();
                state = State.OUTSIDE;
            } else if (line.startsWith("-")) {
                String text = "- " + line.substring(1).strip();
                if (conditionText == null) {
                    problem(lineNo, "附加条件（以 - 开头）须写在它所限定的条件句之下：" + line);
                } else {
                    constraints.add(new RuleTree.Constraint(text, lineNo));
                }
            } else {
                closeCondition();
                conditionText = line;
                conditionLine = lineNo;
                constraints = new ArrayList<>();
            }
        }

        private void closeCondition() {
            if (conditionText != null) {
                conditions.add(new RuleTree.Condition(conditionText, conditionLine, constraints));
                conditionText = null;
                constraints = null;
            }
        }

        private void then(String line, int lineNo) {
            if (line.equals("end")) {
                if (conclusion == null) {
                    problem(lineNo, "规则“" + name + "”缺少结论：then 之下须写一个结论句，如“通知补正，代码 …：…”");
                } else {
                    rules.add(new RuleTree.Rule(name, ruleLine, clauses, conditions, conclusion));
                }
                state = State.OUTSIDE;
                return;
            }
            if (conclusion != null) {
                problem(lineNo, CodeLike.is(line) ? CodeLike.refusal(line)
                        : "每条规则只能有一个结论，请把第二个结论写成另一条规则：" + line);
                return;
            }
            Matcher parts = CONCLUSION.matcher(line);
            conclusion = parts.matches()
                    ? new RuleTree.Conclusion(parts.group(1).strip(), parts.group(2), parts.group(3).strip(), lineNo)
                    : new RuleTree.Conclusion(line, null, null, lineNo);
        }
    }
}

package org.carrierrules.dsl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps a staff-edited {@code .dslr} file to the vocabulary, so that rule files written by policy
 * staff can never run arbitrary code inside a host system. A file may hold only comments, rule
 * headers ({@code rule "名称"}, {@code @clause("条款")}, {@code when}, {@code then}, {@code end}) and
 * sentences of the vocabulary; anything else, raw DRL, Java or MVEL above all, is refused with its
 * line and the reason. So is a sentence or message slot of another {@link Stage}, which could not run
 * in this one. Every problem of the file is reported, not just the first.
 */
public final class SafeMode {
    private static final Pattern RULE = Pattern.compile("^rule\\s+\"([^\"\\\\]+)\"$");
    private static final Pattern CLAUSE = Pattern.compile("^@clause\\(\"([^\"\\\\]+)\"\\)$");
    private static final Pattern CODE = Pattern.compile("^[A-Z][A-Z0-9_]*$");
    private static final Pattern SLOT_USE = Pattern.compile("\\{([^{}]*)}");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\w+");

    /** Constructs that would let a rule file run code, each with the reason it is refused. */
    private static final Map<Pattern, String> FORBIDDEN = forbidden();

    private final Vocabulary vocabulary;
    private final Stage stage;

    /** Safe mode for the files of one stage. */
    public SafeMode(Vocabulary vocabulary, Stage stage) {
        this.vocabulary = vocabulary;
        this.stage = stage;
    }

    private static Map<Pattern, String> forbidden() {
        Map<Pattern, String> map = new LinkedHashMap<>();
        map.put(Pattern.compile("^\\s*(import|package|global)\\b"), "规则文件中不允许 import、package 或 global：导入与全局变量由系统统一提供");
        map.put(Pattern.compile("^\\s*function\\b|\\bfunction\\s+\\w+\\s*\\("), "规则文件中不允许定义函数（function）");
        map.put(Pattern.compile("^\\s*(query|declare|unit)\\b"), "规则文件中不允许 query、declare 或 unit");
        map.put(Pattern.compile("\\bSystem\\s*\\.|\\bRuntime\\b|\\bProcessBuilder\\b|\\bexit\\s*\\("), "规则中不允许调用系统功能（System、Runtime、exit 等）");
        map.put(Pattern.compile("\\bjava\\s*\\.\\s*(io|nio|net)\\b|\\bFiles\\s*\\.|\\bFile\\s*\\(|\\bSocket\\b|\\bURL\\b|\\bHttpClient\\b|\\bPaths?\\s*\\."),
                "规则中不允许读写文件或访问网络");
        map.put(Pattern.compile("\\bClass\\s*\\.\\s*forName\\b|\\bgetClass\\s*\\(|\\breflect\\b|\\bMethodHandles?\\b|\\bgetDeclared\\w*\\("),
                "规则中不允许使用反射");
        map.put(Pattern.compile("\\beval\\s*\\("), "规则中不允许使用 eval");
        map.put(Pattern.compile("\\b(insert|insertLogical|modify|update|retract|delete)\\s*\\("), "规则中不允许直接增删改事实");
        map.put(Pattern.compile("\\bnew\\s+[A-Za-z_]"), "规则中不允许创建 Java 对象（new）");
        map.put(Pattern.compile("[;{}]\\s*$|^\\s*\\$\\w+\\s*:"), "这是 DRL/Java 代码，不是规则词汇表中的句子");
        map.put(Pattern.compile("^\\s*(salience|no-loop|lock-on-active|agenda-group|activation-group|ruleflow-group|dialect|enabled|date-effective|date-expires|duration|timer|calendars|auto-focus)\\b"),
                "规则中不允许设置规则属性（如 salience）：规则的先后不影响结论");
        return map;
    }

    /** Every problem of the file; empty when it keeps to the vocabulary. */
    public List<RuleFileProblem> check(String text) {
        List<RuleFileProblem> problems = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        State state = State.OUTSIDE;
        String rule = null;
        int ruleLine = 0;
        int clauses = 0;
        Set<String> bound = new LinkedHashSet<>();
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("//") || line.startsWith("#")) {
                continue;
            }
            String refusal = refusal(line);
            switch (state) {
                case OUTSIDE -> {
                    Matcher header = RULE.matcher(line);
                    if (header.matches()) {
                        state = State.HEADER;
                        rule = header.group(1);
                        ruleLine = lineNo;
                        clauses = 0;
                        bound.clear();
                    } else {
                        problems.add(new RuleFileProblem(lineNo, refusal != null ? refusal
                                : "规则之外只能写注释（以 // 或 # 开头）或以 rule \"规则名称\" 开始一条新规则：" + line));
                    }
                }
                case HEADER -> {
                    if (CLAUSE.matcher(line).matches()) {
                        clauses++;
                    } else if (line.equals("when")) {
                        if (clauses != 1) {
                            problems.add(new RuleFileProblem(ruleLine, "规则“" + rule + "”须在规则名下一行注明且只注明一个依据条款，如 @clause(\"四(二)\")"));
                        }
                        state = State.WHEN;
                    } else {
                        problems.add(new RuleFileProblem(lineNo, refusal != null ? refusal
                                : "规则名之后只能写 @clause(\"条款\")，然后写 when：" + line));
                    }
                }
                case WHEN -> {
                    if (line.equals("then")) {
                        state = State.THEN;
                    } else {
                        Sentence sentence = vocabulary.match(line, false);
                        if (sentence == null) {
                            problems.add(new RuleFileProblem(lineNo, refusal != null ? refusal : unknown(line, false)));
                        } else {
                            checkStage(sentence, line, lineNo, problems);
                            checkNeeds(sentence, lineNo, bound, problems);
                            bound.addAll(sentence.binds());
                        }
                    }
                }
                case THEN -> {
                    if (line.equals("end")) {
                        state = State.OUTSIDE;
                    } else {
                        Sentence sentence = vocabulary.match(line, true);
                        if (sentence == null) {
                            problems.add(new RuleFileProblem(lineNo, refusal != null ? refusal : unknown(line, true)));
                        } else {
                            checkStage(sentence, line, lineNo, problems);
                            checkNeeds(sentence, lineNo, bound, problems);
                            checkConsequence(sentence, line, lineNo, bound, problems);
                        }
                    }
                }
            }
        }
        if (state != State.OUTSIDE) {
            problems.add(new RuleFileProblem(ruleLine, "规则“" + rule + "”没有写完：每条规则须依次有 when、then 和 end"));
        }
        return problems;
    }

    private static String refusal(String line) {
        for (Map.Entry<Pattern, String> forbidden : FORBIDDEN.entrySet()) {
            if (forbidden.getKey().matcher(line).find()) {
                return forbidden.getValue() + "：" + line;
            }
        }
        return null;
    }

    private void checkStage(Sentence sentence, String line, int lineNo, List<RuleFileProblem> problems) {
        if (!stage.globals().containsAll(sentence.globals())) {
            problems.add(new RuleFileProblem(lineNo, "这句话属于另一环节，不能用在" + stage.name() + "的规则中：“" + line + "”"));
        }
    }

    private void checkConsequence(Sentence sentence, String line, int lineNo, Set<String> bound,
                                  List<RuleFileProblem> problems) {
        Matcher values = sentence.pattern().matcher(line);
        values.matches();
        for (int p = 0; p < sentence.parameters().size(); p++) {
            String name = sentence.parameters().get(p);
            String value = values.group(p + 1).strip();
            if (name.equals("code") && !CODE.matcher(value).matches()) {
                problems.add(new RuleFileProblem(lineNo, "代码“" + value + "”不合规范：代码只能由大写英文字母、数字和下划线组成，如 MATERIAL_MISSING"));
            }
            if (name.equals("message")) {
                checkMessage(value, lineNo, bound, problems);
            }
        }
    }

    private void checkMessage(String message, int lineNo, Set<String> bound, List<RuleFileProblem> problems) {
        if (message.contains("\"") || message.contains("\\")) {
            problems.add(new RuleFileProblem(lineNo, "说明文字中不能有英文双引号 \" 或反斜杠 \\，请改用中文引号“”"));
        }
        Matcher slot = SLOT_USE.matcher(message);
        while (slot.find()) {
            String name = slot.group(1);
            String target = vocabulary.slots().get(name);
            if (target == null) {
                problems.add(new RuleFileProblem(lineNo, "说明中的占位“{" + name + "}”不存在；可用的占位有："
                        + String.join("、", vocabulary.slots().keySet())));
            } else if (!target.startsWith("$") && !stage.globals().contains(target.substring(0, target.indexOf('.')))) {
                problems.add(new RuleFileProblem(lineNo, "说明中的占位“{" + name + "}”属于另一环节，不能用在" + stage.name()
                        + "的规则中"));
            } else if (!bound.containsAll(variables(target))) {
                problems.add(new RuleFileProblem(lineNo, "说明中的占位“{" + name + "}”在本规则的条件中没有出现，无法填写；"
                        + "请在 when 下使用提供此信息的条件句"));
            }
        }
    }

    /** The rule variables a slot's target needs: {@code $x} itself, or the argument of {@code supervision.duties($x)}. */
    private static List<String> variables(String target) {
        List<String> variables = new ArrayList<>();
        Matcher variable = VARIABLE.matcher(target);
        while (variable.find()) {
            variables.add(variable.group());
        }
        return variables;
    }

    /**
     * A sentence that speaks of something an earlier condition names ("该材料") needs that condition
     * first; without it Drools would fail with an English message about an unresolved variable.
     */
    private void checkNeeds(Sentence sentence, int lineNo, Set<String> bound, List<RuleFileProblem> problems) {
        for (String needed : sentence.needs()) {
            if (!bound.contains(needed)) {
                String provider = vocabulary.sentences().stream()
                        .filter(s -> s.kind() == Sentence.Kind.CONDITION && s.binds().contains(needed))
                        .map(Sentence::text).findFirst().orElse("提供这一信息的条件句");
                problems.add(new RuleFileProblem(lineNo, "“" + sentence.text().replaceAll("\\{\\w+}", "…")
                        + "”要用到前面条件中的信息，请在它之前（when 之下）先写：“" + provider + "”"));
                return;
            }
        }
    }

    private String unknown(String line, boolean inThen) {
        if (vocabulary.match(line, !inThen) != null) {
            return inThen ? "这是条件句，应写在 when 之下、then 之前：“" + line + "”"
                    : "这是结论句，应写在 then 之下：“" + line + "”";
        }
        String nearest = Nearest.of(line, vocabulary.sentences().stream()
                .filter(s -> (s.kind() == Sentence.Kind.CONSEQUENCE) == inThen).map(Sentence::text).toList());
        return "这句话不在规则词汇表中：“" + line + "”" + (nearest == null ? "" : "；是否想写：“" + nearest + "”？");
    }

    private enum State { OUTSIDE, HEADER, WHEN, THEN }
}

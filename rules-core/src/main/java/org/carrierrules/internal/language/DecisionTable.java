package org.carrierrules.internal.language;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.carrierrules.policy.PolicyProblem;

/**
 * A decision table staff keep in a spreadsheet ({@code rules/<stage>/*.csv} or {@code *.xlsx}): a rule set in
 * which each row below the header is one rule. The header (row 1) names each column:
 * <pre>
 * 规则      the rule's name (optional column; by default "training-scale.csv 第3行")
 * 依据条款   the clause of the notice, as @clause in a rule file
 * 载体类型是, 申请单位的年培训人数少于, 并非申请单位的…为 …
 *           a condition: the beginning of a fact sentence, which each cell completes
 *           ("申请单位的年培训人数少于" + "1000"; "申请单位类型是" + "企业、行业协会" + "之一"); an empty cell: any
 * 结论      the verdict (不予受理、通知补正、提示 …)
 * 代码      the finding code
 * 说明      the message, with its slots ({年培训人数})
 * </pre>
 * Each row becomes a {@link RuleTree.Rule} and is checked by the same {@link RuleChecker} as a rule file's, so
 * a table means exactly what the equivalent rule file means. Every problem names its row and column.
 * <p>
 * The checker knows lines, not cells. So that its problems still point at a cell, each cell is given a
 * line number of its own, {@code row * 100 + column} (a row as a whole: {@code row * 100}), which is why a
 * table has at most 99 columns; the problems the checker adds for this table and the lines of the rules it
 * returns are decoded back to rows and columns here, before anyone else sees them. The trick stays in this class.
 */
public final class DecisionTable {
    static final String NAME = "规则";
    static final String CLAUSE = "依据条款";
    static final String VERDICT = "结论";
    static final String CODE = "代码";
    static final String MESSAGE = "说明";
    /** What a cell listing several values ends with, as the fact sentences say it: 是企业、行业协会之一. */
    private static final String LIST = "、";
    private static final String AMONG = "之一";
    /** Cells per row in the synthetic lines; see the class comment. */
    private static final int CELLS = 100;

    private DecisionTable() {
    }

    /** Whether a rule file is a decision table, by its name. */
    public static boolean isTable(String path) {
        return TableCells.isTable(path);
    }

    /** The sound rules of the table, each at its row; every problem of the others added to {@code problems}. */
    public static List<CheckedRule> check(String file, byte[] bytes, Stage stage, RuleChecker checker,
                                          List<PolicyProblem> problems) {
        List<List<String>> rows = TableCells.read(file, bytes, problems);
        if (rows == null) {
            return List.of();
        }
        Header header = header(file, rows, problems);
        if (header == null) {
            return List.of();
        }
        List<RuleTree.Rule> rules = new ArrayList<>();
        for (int index = 1; index < rows.size(); index++) {
            RuleTree.Rule rule = rule(file, index + 1, rows.get(index), header, problems);
            if (rule != null) {
                rules.add(rule);
            }
        }
        List<PolicyProblem> found = new ArrayList<>();
        List<CheckedRule> checked = checker.check(new RuleTree(file, rules), stage, found);
        for (PolicyProblem problem : found) {
            problems.add(problem.file().equals(file) && problem.line() > 0
                    ? new PolicyProblem(file, problem.line() / CELLS, problem.line() % CELLS, problem.message())
                    : problem);
        }
        return checked.stream().map(r -> new CheckedRule(r.name(), r.clause(), r.file(), r.line() / CELLS, r.stage(),
                r.conditions(), r.verdict(), r.code(), r.message(), r.test(), r.fact())).toList();
    }

    private static int line(int row, int column) {
        return row * CELLS + column;
    }

    /**
     * The columns: each role's column (1-based, 0 when absent) and the condition columns by the beginning of
     * their sentence.
     */
    private record Header(Map<String, Integer> roles, Map<Integer, String> conditions) {
        int column(String role) {
            return roles.getOrDefault(role, 0);
        }
    }

    private static Header header(String file, List<List<String>> rows, List<PolicyProblem> problems) {
        if (rows.isEmpty() || rows.get(0).stream().allMatch(String::isEmpty)) {
            problems.add(new PolicyProblem(file, 1, "决策表的第1行须是表头：" + headers()));
            return null;
        }
        int before = problems.size();
        List<String> cells = rows.get(0);
        Map<String, Integer> roles = new LinkedHashMap<>();
        Map<Integer, String> conditions = new LinkedHashMap<>();
        for (int column = 1; column <= cells.size(); column++) {
            String text = cells.get(column - 1);
            if (text.isEmpty()) {
                if (columnUsed(rows, column)) {
                    problems.add(new PolicyProblem(file, 1, column, "这一列有内容，表头却为空：" + headers()));
                }
            } else if (List.of(NAME, CLAUSE, VERDICT, CODE, MESSAGE).contains(text)) {
                Integer first = roles.putIfAbsent(text, column);
                if (first != null) {
                    problems.add(new PolicyProblem(file, 1, column, "“" + text + "”列已在第" + PolicyProblem.columnName(first)
                            + "列：每种列只能有一列"));
                }
            } else if (FactSentences.looksLikeOne(withoutPrefixes(text))) {
                if (conditions.containsValue(text)) {
                    problems.add(new PolicyProblem(file, 1, column, "条件列“" + text + "”重复：同一条件只写一列"));
                }
                conditions.put(column, text);
            } else {
                problems.add(new PolicyProblem(file, 1, column, "表头“" + text + "”不是可用的列名：" + headers()));
            }
        }
        for (String required : List.of(CLAUSE, VERDICT, CODE, MESSAGE)) {
            if (!roles.containsKey(required)) {
                problems.add(new PolicyProblem(file, 1, "决策表缺少“" + required + "”列：" + headers()));
            }
        }
        if (conditions.isEmpty() && problems.size() == before) {
            problems.add(new PolicyProblem(file, 1, "决策表没有条件列：至少要有一列条件，表头写条件句的开头，如“载体类型是”"));
        }
        return problems.size() == before ? new Header(roles, conditions) : null;
    }

    private static String headers() {
        return "表头可写“" + CLAUSE + "”“" + VERDICT + "”“" + CODE + "”“" + MESSAGE + "”（必须有）、“" + NAME + "”（可选），"
                + "以及条件句的开头，由下面的单元格补全，如“载体类型是”“申请单位类型是”“申请单位的年培训人数少于”"
                + "（可加“并非”“或者”）";
    }

    private static String withoutPrefixes(String text) {
        String rest = text.startsWith("或者") ? text.substring(2).strip() : text;
        return rest.startsWith("并非") ? rest.substring(2).strip() : rest;
    }

    private static boolean columnUsed(List<List<String>> rows, int column) {
        return rows.stream().anyMatch(row -> row.size() >= column && !row.get(column - 1).isEmpty());
    }

    /** Row {@code row} as a rule, or null when it is empty or a required cell is. */
    private static RuleTree.Rule rule(String file, int row, List<String> cells, Header header, List<PolicyProblem> problems) {
        if (cells.stream().allMatch(String::isEmpty)) {
            return null;
        }
        int before = problems.size();
        String clause = required(file, row, cells, header, CLAUSE, problems);
        String verdict = required(file, row, cells, header, VERDICT, problems);
        String code = required(file, row, cells, header, CODE, problems);
        String message = required(file, row, cells, header, MESSAGE, problems);
        String name = cell(cells, header.column(NAME));
        int nameColumn = header.column(NAME);
        if (name.isEmpty()) {
            name = file.substring(file.lastIndexOf('/') + 1) + " 第" + row + "行";
            nameColumn = 0;
        } else if (name.length() > RuleFileParser.MAX_NAME_LENGTH) {
            problems.add(new PolicyProblem(file, row, nameColumn, "规则名称太长（" + name.length() + "个字符，上限"
                    + RuleFileParser.MAX_NAME_LENGTH + "）"));
        }
        List<RuleTree.Condition> conditions = new ArrayList<>();
        for (Map.Entry<Integer, String> column : header.conditions().entrySet()) {
            String value = cell(cells, column.getKey());
            if (!value.isEmpty()) {
                boolean several = value.contains(LIST) && !value.endsWith(AMONG);
                conditions.add(new RuleTree.Condition(column.getValue() + value + (several ? AMONG : ""),
                        line(row, column.getKey()), List.of()));
            }
        }
        if (conditions.isEmpty()) {
            problems.add(new PolicyProblem(file, row, "这一行的条件都为空：每行至少填写一个条件；对所有申报都成立的规则请写在 .dslr 规则文件中"));
        }
        if (problems.size() > before) {
            return null;
        }
        return new RuleTree.Rule(name, line(row, nameColumn), List.of(new RuleTree.Clause(clause, line(row, header.column(CLAUSE)))),
                conditions, new RuleTree.Conclusion(verdict, code, message, line(row, header.column(VERDICT)),
                line(row, header.column(CODE)), line(row, header.column(MESSAGE))));
    }

    private static String cell(List<String> cells, int column) {
        return column == 0 || column > cells.size() ? "" : cells.get(column - 1);
    }

    private static String required(String file, int row, List<String> cells, Header header, String role,
                                   List<PolicyProblem> problems) {
        int column = header.column(role);
        String value = cell(cells, column);
        if (value.isEmpty()) {
            problems.add(new PolicyProblem(file, row, column, "“" + role + "”不能为空：" + switch (role) {
                case CLAUSE -> "写上规则依据的通知条款，如“四(二)”";
                case VERDICT -> "写上结论，如“不予受理”“通知补正”“提示”";
                case CODE -> "写上代码，如 TRAINING_SCALE_TOO_SMALL";
                default -> "写上告知申报单位的说明文字";
            }));
        }
        return value;
    }
}

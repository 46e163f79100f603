package org.carrierrules.internal.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.carrierrules.internal.language.CheckedRule;
import org.carrierrules.internal.language.CodeCatalogue;
import org.carrierrules.internal.language.CodesFile;
import org.carrierrules.internal.language.DecisionTable;
import org.carrierrules.internal.language.PolicyTerms;
import org.carrierrules.internal.language.RuleChecker;
import org.carrierrules.internal.language.RuleFileParser;
import org.carrierrules.internal.language.RuleTree;
import org.carrierrules.internal.language.Stage;
import org.carrierrules.internal.language.Vocabulary;
import org.carrierrules.internal.policy.PolicyFiles;
import org.carrierrules.internal.policy.YamlData;
import org.carrierrules.policy.PolicyProblem;

/**
 * The rule files of a policy directory, parsed and checked stage by stage, before anything is compiled: every
 * staff file (a rule file or a decision table) through the library's grammar and checker. Of 评审与名额分配, only the
 * step 排名资格 is the policy's (which accepted, reviewed applications may be ranked: 四(四)); the rest are the
 * library's rules, whose clauses the policy gives in round.yaml. Problems come in the order of the stages, each
 * stage's files in path order.
 *
 * @param assessment  the checked rules of 受理审查, in index order
 * @param allocation  the checked rules of 排名资格, in index order
 * @param supervision the checked rules of 跟踪管理, in index order
 */
public record CheckedRules(List<CheckedRule> assessment, List<CheckedRule> allocation, List<CheckedRule> supervision) {
    private static final String DSLR = ".dslr";
    /** Where the library shipped its allocation rules, in every policy directory, until it took them in. */
    private static final String FORMER_ALLOCATION_RULES = "rules/allocation/allocation.drl";
    private static final String NO_DRL = "政策目录中不能有 DRL 文件，本库不读取也不执行它：规则请写成 .dslr 中文规则文件";
    private static final Pattern FORMER_CITATION = Pattern.compile("^\\s*@clause\\(");
    /**
     * The DRL the library used to ship in rules/allocation/, which every older copy of a policy holds, is refused
     * rather than ignored: edited, as staff did when a clause was numbered otherwise, it would change nothing, and a
     * file that looks like the rules but is not read misleads whoever opens it. The problem points at its first
     * citation and says where the citations now live.
     */
    private static final String FORMER_ALLOCATION_ADVICE = "评审与名额分配的规则已由本库自带，不再从政策目录读取此文件，改动它也不会起作用："
            + "请删除此文件。各项结果引用的条款现在写在 round.yaml 的 allocation.reasonClauses，同分时的先后次序及其条款写在 "
            + "allocation.rankingOrder，合格分仍在 rubric.yaml 的 passingScore；哪些申报不参加排名（实地考察未通过、未达合格分）"
            + "写成 rules/allocation/ 下的中文规则文件（见内置政策的 rules/allocation/ranking.dslr）";

    public static CheckedRules check(PolicyFiles files, PolicyTerms terms, List<PolicyProblem> problems) {
        CodeCatalogue codes = catalogue(files, problems);
        RuleChecker checker = new RuleChecker(Vocabulary.bundled(), codes, terms);
        for (LibraryRules.Rule rule : LibraryRules.rules()) {
            checker.reserve(rule.name(), "本库的评审与名额分配规则");
        }
        Map<Stage, List<String>> byStage = new HashMap<>();
        for (String path : files.rules().keySet()) {
            Stage stage = Stage.of(path);
            if (stage == null) {
                String advice = Stage.formerFolderAdvice(path);
                problems.add(new PolicyProblem(path, 0, advice != null ? advice
                        : "此文件不在规则目录中，其中的规则不会执行：规则文件须放在" + Stage.titles() + "的目录下"));
            } else {
                byStage.computeIfAbsent(stage, s -> new ArrayList<>()).add(path);
            }
        }
        List<CheckedRule> assessment = staffRules(Stage.ASSESSMENT, byStage, files, checker, problems);
        List<CheckedRule> allocation = staffRules(Stage.ALLOCATION, byStage, files, checker, problems);
        List<CheckedRule> supervision = staffRules(Stage.SUPERVISION, byStage, files, checker, problems);
        return new CheckedRules(assessment, allocation, supervision);
    }

    private static List<CheckedRule> staffRules(Stage stage, Map<Stage, List<String>> byStage, PolicyFiles files,
                                                RuleChecker checker, List<PolicyProblem> problems) {
        List<CheckedRule> rules = new ArrayList<>();
        for (String path : byStage.getOrDefault(stage, List.of())) {
            if (DecisionTable.isTable(path)) {
                rules.addAll(DecisionTable.check(path, files.bytes(path), stage, checker, problems));
                continue;
            }
            if (path.equals(FORMER_ALLOCATION_RULES)) {
                problems.add(new PolicyProblem(path, firstCitation(files.bytes(path)), FORMER_ALLOCATION_ADVICE));
                continue;
            }
            if (!path.endsWith(DSLR)) {
                problems.add(new PolicyProblem(path, 0, NO_DRL));
                continue;
            }
            RuleTree tree = RuleFileParser.parse(path, files.bytes(path), problems);
            rules.addAll(checker.check(tree, stage, problems));
        }
        return rules;
    }

    /** The line of the first {@code @clause} of the former allocation rules, where a district would have changed one; else none. */
    private static int firstCitation(byte[] drl) {
        String[] lines = new String(drl, StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (FORMER_CITATION.matcher(lines[i]).find()) {
                return i + 1;
            }
        }
        return 0;
    }

    /** The contract's codes and those the policy's {@code codes.yaml} declares, if it has one. */
    private static CodeCatalogue catalogue(PolicyFiles files, List<PolicyProblem> problems) {
        if (!files.contains(CodesFile.PATH)) {
            return CodeCatalogue.library();
        }
        CodesFile file = YamlData.read(files, CodesFile.PATH, CodesFile.class, problems);
        if (file == null || file.codes() == null) {
            return CodeCatalogue.library();
        }
        Map<String, Integer> lines = YamlData.valueLines(files.bytes(CodesFile.PATH), "code");
        List<CodeCatalogue.Code> declared = new ArrayList<>();
        for (CodesFile.Declared code : file.codes()) {
            if (code == null || code.code() == null || code.stage() == null || code.severity() == null) {
                int line = code == null || code.code() == null ? 0 : lines.getOrDefault(code.code(), 0);
                problems.add(new PolicyProblem(CodesFile.PATH, line, "每个代码须写明 code、stage（ASSESSMENT 或 SUPERVISION）、"
                        + "severity 和 clause"));
            } else {
                declared.add(code.toCode());
            }
        }
        return CodeCatalogue.library().with(declared, CodesFile.PATH, lines, problems);
    }
}

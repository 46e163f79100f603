package org.carrierrules.internal.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
import org.carrierrules.policy.RuleInfo;

/**
 * The rule files of a policy directory, parsed and checked stage by stage, before anything is compiled: every
 * staff file (a rule file or a decision table) through the library's grammar and checker, the allocation stage's DRL held to the library's own.
 * Problems come in the order of the stages, each stage's files in path order.
 *
 * @param assessment  the checked rules of 受理审查, in index order
 * @param supervision the checked rules of 跟踪管理, in index order
 */
public record CheckedRules(List<CheckedRule> assessment, List<CheckedRule> supervision) {
    private static final String DSLR = ".dslr";

    public static CheckedRules check(PolicyFiles files, PolicyTerms terms, List<PolicyProblem> problems) {
        CodeCatalogue codes = catalogue(files, problems);
        RuleChecker checker = new RuleChecker(Vocabulary.bundled(), codes, terms);
        for (RuleInfo rule : LibraryRules.rules()) {
            checker.reserve(rule.name(), rule.file());
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
        allocation(byStage.getOrDefault(Stage.ALLOCATION, List.of()), files, problems);
        List<CheckedRule> supervision = staffRules(Stage.SUPERVISION, byStage, files, checker, problems);
        return new CheckedRules(assessment, supervision);
    }

    private static List<CheckedRule> staffRules(Stage stage, Map<Stage, List<String>> byStage, PolicyFiles files,
                                                RuleChecker checker, List<PolicyProblem> problems) {
        List<CheckedRule> rules = new ArrayList<>();
        for (String path : byStage.getOrDefault(stage, List.of())) {
            if (DecisionTable.isTable(path)) {
                rules.addAll(DecisionTable.check(path, files.bytes(path), stage, checker, problems));
                continue;
            }
            if (!path.endsWith(DSLR)) {
                problems.add(new PolicyProblem(path, 0, "政策目录中的 DRL 文件只能是本库自带的原样文件，不能修改或新增；"
                        + "修改规则请使用 .dslr 中文规则文件"));
                continue;
            }
            RuleTree tree = RuleFileParser.parse(path, files.bytes(path), problems);
            rules.addAll(checker.check(tree, stage, problems));
        }
        return rules;
    }

    /** The allocation stage is the library's DRL, present and unaltered: a missing or edited copy fails {@code check}. */
    private static void allocation(List<String> paths, PolicyFiles files, List<PolicyProblem> problems) {
        if (!files.contains(LibraryRules.PATH)) {
            problems.add(new PolicyProblem(LibraryRules.PATH, 0, "缺少本库的评审与名额分配规则（三、四(四)、四(五)），"
                    + "没有它无法确定候选名单：请从 carrier-rules init 生成的新副本中把此文件原样复制回来"));
        }
        for (String path : paths) {
            if (path.endsWith(DSLR) || DecisionTable.isTable(path)) {
                problems.add(new PolicyProblem(path, 0, "评审与名额分配的规则由本库提供（" + LibraryRules.PATH
                        + "），不能用中文规则文件或决策表增改；请把此文件移出 rules/allocation/"));
            } else if (!path.equals(LibraryRules.PATH) || !LibraryRules.isLibrary(files.bytes(path))) {
                problems.add(new PolicyProblem(path, 0, "政策目录中的 DRL 文件只能是本库自带的原样文件，不能修改或新增；"
                        + "修改规则请使用 .dslr 中文规则文件"));
            }
        }
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

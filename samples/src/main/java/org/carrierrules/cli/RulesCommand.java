package org.carrierrules.cli;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.carrierrules.CarrierRules;
import org.carrierrules.json.AssessmentJson;
import org.carrierrules.policy.RuleInfo;

/**
 * {@code rules [--policy DIR]}: every rule of a policy with the clause it applies and where it is written, so that
 * staff can find the rule a finding cites; a row of a decision table is a rule too, at its line of the table.
 */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "列出政策的全部规则：按规则目录逐个列出每条规则所在的文件与行号、依据条款和规则名（决策表的每一行也是一条规则）。",
        exitCodeList = {
            "0:已列出全部规则",
            CarrierRulesCommand.UNREADABLE + ":用法错误",
            CarrierRulesCommand.POLICY_BROKEN + ":政策目录有误，无法加载（用 check 列出全部问题）"})
final class RulesCommand implements Callable<Integer> {
    enum Format { json, text }

    @Option(names = "--format", defaultValue = "text",
            description = "输出格式：text（按规则目录列出）或 json（与 GET /v1/policy 的 rules 相同的数组），默认 ${DEFAULT-VALUE}")
    Format format;

    @Mixin
    PolicyOption policy;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        // Untested, as check and test load it: a policy whose scenarios fail still has rules to look at.
        CarrierRules rules = policy.loadUntested();
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            AssessmentJson.print(Decisions.rules(rules.rules()), out);
        } else {
            print(rules, out);
        }
        out.flush();
        return 0;
    }

    /** The rules folder by folder, in the order the policy runs its stages, each folder's rules as they are written. */
    private static void print(CarrierRules rules, PrintWriter out) {
        out.println(rules.round().title() + "（" + rules.policy().fingerprint() + "）：规则 " + rules.rules().size() + " 条");
        Map<String, List<RuleInfo>> byFolder = rules.rules().stream().collect(Collectors.groupingBy(RulesCommand::folder,
                LinkedHashMap::new, Collectors.toList()));
        byFolder.forEach((folder, inFolder) -> {
            out.println();
            out.println(folder + "（" + inFolder.size() + " 条）");
            inFolder.stream().sorted(Comparator.comparing(RuleInfo::file).thenComparingInt(RuleInfo::line)).forEach(rule ->
                    // Locale.ROOT: under ar-EG the platform's locale would print the line numbers in Arabic-Indic digits.
                    out.printf(Locale.ROOT, "  %-40s %s  %s%n", rule.file() + ":" + rule.line(), rule.clause(), rule.name()));
        });
    }

    /**
     * {@code rules/materials/} for {@code rules/materials/scans.dslr}: the folder a stage reads its rules from. The
     * allocation rules are the library's own; the file they are listed with is where their clauses are written.
     */
    private static String folder(RuleInfo rule) {
        if (!rule.file().startsWith("rules/")) {
            return "评审与名额分配：本库自带的规则，引用的条款见 " + rule.file();
        }
        int second = rule.file().indexOf('/', rule.file().indexOf('/') + 1);
        return second < 0 ? rule.file() : rule.file().substring(0, second + 1);
    }
}

package org.carrierrules.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.carrierrules.CarrierRules;
import org.carrierrules.policy.MisfitBase;
import org.carrierrules.policy.PolicyException;
import org.carrierrules.policy.PolicyProblem;
import org.carrierrules.policy.RuleInfo;
import org.carrierrules.policy.ScenarioReport;
import org.carrierrules.policy.ScenarioResult;

/**
 * {@code test [DIR] [--coverage]}: the policy's own scenario tests, pass or fail per scenario; the scenarios that
 * fail only because their base no longer fits the policy listed once, under the base.
 */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "运行政策目录中的场景测试（scenarios/*.yaml），逐个列出通过与否；只因样例（scenarios/bases.yaml）不再符合本政策而失败的场景，"
                + "在样例处合并列出；--coverage 列出每条规则被触发的次数。",
        exitCodeList = {
            "0:场景测试全部通过",
            CarrierRulesCommand.UNREADABLE + ":用法错误",
            CarrierRulesCommand.POLICY_BROKEN + ":政策目录有误，无法加载（先用 check 改正）",
            CarrierRulesCommand.SCENARIOS_FAILED + ":有场景测试失败，逐个列出或在样例处合并列出"})
final class TestCommand implements Callable<Integer> {
    private static final String DETAIL = "        ";

    @Parameters(paramLabel = "DIR", arity = "0..1", description = "政策目录（默认使用内置的罗湖区2024年度政策）")
    Path directory;

    @Option(names = "--coverage", description = "列出每条规则在多少个场景中被触发，并指出没有场景覆盖的规则")
    boolean coverage;

    @Option(names = "--watch", description = "运行后不退出：每当政策目录（须给出 DIR）中的文件保存后立即重新运行，只列出新失败的和"
            + "新通过的场景；按 Ctrl-C 结束")
    boolean watch;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!watch) {
            CarrierRules rules = Policies.loadUntested(directory);
            ScenarioReport report = rules.runScenarios();
            print(out, rules, report);
            out.flush();
            return report.passed() ? 0 : CarrierRulesCommand.SCENARIOS_FAILED;
        }
        if (directory == null) {
            throw new CommandFailure(CarrierRulesCommand.UNREADABLE, "--watch 需要给出政策目录 DIR：内置政策不会改动");
        }
        Tested first = Tested.of(directory);
        if (first.report() == null) {
            out.println("政策目录有误，无法运行场景测试：" + directory + " 有 " + first.problems().size() + " 个问题");
            first.problems().forEach(problem -> out.println("  " + problem));
        } else {
            print(out, first.rules(), first.report());
        }
        out.flush();
        Tested[] last = {first};
        return StaffWatch.watch(directory, out, () -> {
            Tested now = Tested.of(directory);
            now.printChanges(out, directory, last[0]);
            last[0] = now;
        });
    }

    private void print(PrintWriter out, CarrierRules rules, ScenarioReport report) {
        Set<ScenarioResult> onTheirOwn = new HashSet<>(report.failedOnTheirOwn());
        for (ScenarioResult result : report.results()) {
            if (result.passed() || onTheirOwn.contains(result)) {
                out.println((result.passed() ? "通过  " : "失败  ") + result.file() + ":" + result.line() + "  " + result.name());
                result.failures().forEach(failure -> out.println(DETAIL + failure));
            }
        }
        for (MisfitBase base : report.misfitBases()) {
            // One entry at the base for the scenarios that fail because of it alone, rather than each of them.
            out.println("失败  " + base.file() + ":" + base.line() + "  " + base.headline());
            base.differences().forEach(difference -> out.println(DETAIL + difference));
            out.println(DETAIL + base.hint() + "。这些场景是：");
            base.scenarioLines().forEach(line -> out.println(DETAIL + "  " + line));
        }
        out.println();
        out.println(summary(report));
        if (coverage) {
            printCoverage(out, rules, report);
        }
        out.println(report.results().size() - report.failed().size() + " passed, " + report.failed().size() + " failed");
    }

    private static String summary(ScenarioReport report) {
        return "场景 " + report.results().size() + " 个：通过 " + (report.results().size() - report.failed().size())
                + " 个，失败 " + report.failed().size() + " 个";
    }

    /** One run of the directory's scenarios: the policy and its report when it loads, else its problems. */
    private record Tested(CarrierRules rules, ScenarioReport report, List<PolicyProblem> problems) {
        static Tested of(Path directory) {
            try {
                CarrierRules rules = CarrierRules.fromDirectoryUntested(directory);
                return new Tested(rules, rules.runScenarios(), List.of());
            } catch (PolicyException e) {
                return new Tested(null, null, e.problems());
            }
        }

        /**
         * After a save: the scenarios that now fail (with why) or fail for another reason, those that now pass, and
         * a scenario added that passes; or, while the directory does not load, its problems that are new or put right.
         * A scenario is the same scenario when its file and name are, wherever its line moved.
         */
        void printChanges(PrintWriter out, Path directory, Tested before) {
            boolean changed = StaffWatch.printProblemChanges(out, before.problems, problems);
            if (report == null) {
                out.println((changed ? "" : "问题没有变化：") + "政策目录有误，无法运行场景测试：" + directory + " 有 "
                        + problems.size() + " 个问题");
                return;
            }
            Map<String, ScenarioResult> previous = new HashMap<>();
            if (before.report != null) {
                before.report.results().forEach(result -> previous.put(result.file() + "\u0000" + result.name(), result));
            }
            for (ScenarioResult result : report.results()) {
                ScenarioResult was = previous.get(result.file() + "\u0000" + result.name());
                String where = result.file() + ":" + result.line() + "  " + result.name();
                if (!result.passed() && (was == null || was.passed())) {
                    out.println("新失败  " + where);
                } else if (!result.passed() && !was.failures().equals(result.failures())) {
                    out.println("仍失败  " + where + "（原因有变）");
                } else if (result.passed() && was != null && !was.passed()) {
                    out.println("已通过  " + where);
                } else if (result.passed() && was == null && before.report != null) {
                    out.println("新增    " + where + "（通过）");
                } else {
                    continue;
                }
                changed = true;
                result.failures().forEach(failure -> out.println(DETAIL + failure));
            }
            out.println((changed ? "" : "场景结果没有变化：") + summary(report));
        }
    }

    private static void printCoverage(PrintWriter out, CarrierRules rules, ScenarioReport report) {
        out.println();
        out.println("规则覆盖（每条规则在多少个场景中被触发）：");
        Map<String, Integer> firings = report.ruleFirings();
        for (RuleInfo rule : rules.rules()) {
            // Locale.ROOT: under ar-EG the platform's locale would print the counts in Arabic-Indic digits.
            out.printf(Locale.ROOT, "  %4d  %-28s %s  %s%n", firings.getOrDefault(rule.name(), 0), rule.file(), rule.clause(), rule.name());
        }
        int reached = (int) firings.values().stream().filter(n -> n > 0).count();
        out.println("覆盖 " + reached + "/" + firings.size() + " 条规则"
                + (report.unreachedRules().isEmpty() ? "，全部覆盖。" : "；没有场景覆盖的规则：" + String.join("、", report.unreachedRules())));
    }
}

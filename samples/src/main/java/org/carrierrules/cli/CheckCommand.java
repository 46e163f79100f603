package org.carrierrules.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.carrierrules.CarrierRules;
import org.carrierrules.policy.PolicyException;
import org.carrierrules.policy.PolicyProblem;

/** {@code check DIR}: everything wrong with a policy directory, at once, in plain Chinese. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "检查政策目录：本轮参数、材料清单、日历、评审细则、规则文件和场景文件，一次列出全部问题（含文件与行号）。",
        exitCodeList = {
            "0:检查通过",
            CarrierRulesCommand.UNREADABLE + ":用法错误",
            CarrierRulesCommand.POLICY_BROKEN + ":政策目录有问题，逐个列出（含文件与行号）"})
final class CheckCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "政策目录")
    Path directory;

    @Option(names = "--print-drl", description = "检查通过后，打印由规则文件生成、实际运行的 Drools 规则（供工程人员审阅；"
            + "其中没有规则文件里的任何文字，规则名 r0、r1… 与政策文件中规则的对照表附在每个环节之后）")
    boolean printDrl;

    @Option(names = "--watch", description = "检查后不退出：每当目录中的文件保存后立即重新检查，只列出新出现的和已改正的问题；"
            + "按 Ctrl-C 结束")
    boolean watch;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Checked first = Checked.of(directory);
        first.print(out, directory, printDrl);
        out.flush();
        if (!watch) {
            return first.exitCode();
        }
        Checked[] last = {first};
        return StaffWatch.watch(directory, out, () -> {
            Checked now = Checked.of(directory);
            now.printChanges(out, directory, last[0]);
            last[0] = now;
        });
    }

    /** One check of the directory: the policy when it loads, else its problems. */
    private record Checked(CarrierRules rules, List<PolicyProblem> problems) {
        static Checked of(Path directory) {
            try {
                // Loaded once: what check would read and compile is what the summary below reports on.
                return new Checked(CarrierRules.fromDirectoryUntested(directory), List.of());
            } catch (PolicyException e) {
                return new Checked(null, e.problems());
            }
        }

        int exitCode() {
            return rules == null ? CarrierRulesCommand.POLICY_BROKEN : 0;
        }

        void print(PrintWriter out, Path directory, boolean printDrl) {
            if (rules == null) {
                out.println("检查未通过：" + directory + " 有 " + problems.size() + " 个问题");
                problems.forEach(problem -> out.println("  " + problem));
                return;
            }
            out.println(passed(directory));
            if (!rules.ignoredFiles().isEmpty()) {
                out.println("已忽略（不属于政策目录的格式，未读取）：" + String.join("、", rules.ignoredFiles()));
            }
            if (printDrl) {
                out.println();
                out.print(rules.generatedRules());
            }
        }

        /** After a save: the problems that are new and those put right, then where the directory stands. */
        void printChanges(PrintWriter out, Path directory, Checked before) {
            boolean changed = StaffWatch.printProblemChanges(out, before.problems, problems);
            if (rules != null) {
                out.println(passed(directory));
            } else {
                out.println((changed ? "" : "问题没有变化：") + "检查未通过：" + directory + " 有 " + problems.size() + " 个问题");
            }
        }

        private String passed(Path directory) {
            return "检查通过：" + directory + "（" + rules.round().title() + "，规则 " + rules.rules().size()
                    + " 条，" + rules.policy().fingerprint() + "）";
        }
    }
}

package org.carrierrules.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.carrierrules.CarrierRules;
import org.carrierrules.PolicyProblem;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code check DIR}: everything wrong with a policy directory, at once, in plain Chinese. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "检查政策目录：本轮参数、材料清单、日历、评审细则、规则文件和场景文件，一次列出全部问题（含文件与行号）。")
final class CheckCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "政策目录")
    Path directory;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<PolicyProblem> problems = CarrierRules.check(directory);
        if (problems.isEmpty()) {
            CarrierRules rules = CarrierRules.fromDirectory(directory);
            out.println("检查通过：" + directory + "（" + rules.round().title() + "，规则 " + rules.rules().size()
                    + " 条，" + rules.policy().fingerprint() + "）");
            out.flush();
            return 0;
        }
        out.println("检查未通过：" + directory + " 有 " + problems.size() + " 个问题");
        problems.forEach(problem -> out.println("  " + problem));
        out.flush();
        return CarrierRulesCommand.POLICY_BROKEN;
    }
}

package org.carrierrules.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.carrierrules.CarrierRules;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code init DIR}: a copy of the bundled policy directory for staff to edit. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "把内置的罗湖区2024年度政策目录复制到一个新目录，供政策人员修改；改后用 check、test 检查，用 --policy 使用。",
        exitCodeList = {
            "0:已复制内置政策",
            CarrierRulesCommand.UNREADABLE + ":用法错误，或目录已存在且不为空、无法写入"})
final class InitCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "新目录（不存在或为空）")
    Path directory;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try {
            CarrierRules.copyBundledPolicy(directory);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return CarrierRulesCommand.UNREADABLE;
        }
        spec.commandLine().getOut().println("已复制内置政策到 " + directory + "。修改后运行：check " + directory + "，test "
                + directory + " --coverage");
        spec.commandLine().getOut().flush();
        return 0;
    }
}

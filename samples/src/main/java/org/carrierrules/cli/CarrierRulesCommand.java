package org.carrierrules.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code carrier-rules}: the library's decisions from the command line, in the contract's JSON or in Chinese text. */
@Command(name = "carrier-rules", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "终身职业技能培训载体认定规则：受理审查、评审分配与跟踪管理。",
        subcommands = {AssessCommand.class, AllocateCommand.class, NoticePeriodCommand.class, RunCommand.class,
            SupervisionCommand.class, VerifyCommand.class, InitCommand.class, CheckCommand.class, TestCommand.class,
            ServeCommand.class,
            CommandLine.HelpCommand.class},
        exitCodeListHeading = "%n退出码：%n",
        exitCodeList = {
            "0:全部记录已处理",
            "2:用法错误，或输入文件无法读取、不是有效的 JSON、超过读取上限（--max-bytes 等选项可调高）",
            "3:部分记录输入有误（assess、review：结果中以 error 条目标出，其余记录照常处理；allocate、run：列出全部错误，不作分配；verify：决定记录格式有误、编号重复或其输入已被改动，列出字段位置）",
            "4:政策目录有误，无法加载（check 列出全部问题）；或其场景测试未全部通过，不能用来作出决定（test 列出未通过的场景）",
            "5:场景测试有失败（test）",
            "6:日历缺少所需年份的节假日安排，无法计算公示期",
            "7:核验的决定记录中有决定不再成立（verify）",
            "8:决定记录的签名核验未通过：记录在签名后被改动、由其他密钥签名或没有签名（verify --public-key）",
            "9:决定服务无法在所给地址和端口上监听（serve：端口已被占用、无权使用或本机没有此地址）"})
public final class CarrierRulesCommand {
    /** Something unexpected stopped the command (run names the step); not the input's fault. */
    static final int UNEXPECTED = 1;
    static final int RECORDS_INVALID = 3;
    static final int POLICY_BROKEN = 4;
    static final int UNREADABLE = 2;
    static final int SCENARIOS_FAILED = 5;
    static final int CALENDAR_MISSING = 6;
    static final int DECISION_CHANGED = 7;

    public static void main(String[] args) {
        CommandLine cli = commandLine();
        int exitCode = cli.execute(args);
        cli.getOut().flush();
        System.exit(exitCode);
    }

    /** The command line with UTF-8 output, whatever the platform's default encoding. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new CarrierRulesCommand());
        cli.setOut(new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))));
        cli.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        return cli;
    }
}

package org.carrierrules.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.ResourceBundle;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code carrier-rules}: the library's decisions from the command line, in the contract's JSON or in Chinese text. */
@Command(name = "carrier-rules", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "终身职业技能培训载体认定规则：受理审查、评审分配与跟踪管理。",
        subcommands = {AssessCommand.class, AllocateCommand.class, NoticePeriodCommand.class, RunCommand.class,
            SupervisionCommand.class, VerifyCommand.class, InitCommand.class, CheckCommand.class, TestCommand.class,
            ServeCommand.class, RulesCommand.class,
            CommandLine.HelpCommand.class},
        exitCodeList = {
            "0:全部记录已处理",
            CarrierRulesCommand.UNREADABLE + ":用法错误，或输入文件无法读取、不是有效的 JSON、超过读取上限（--max-bytes 等选项可调高）",
            CarrierRulesCommand.RECORDS_INVALID + ":部分记录输入有误（assess、review：结果中以 error 条目标出，其余记录照常处理；allocate、run：列出全部错误，不作分配；verify：决定记录格式有误、编号重复或其输入已被改动，列出字段位置）",
            CarrierRulesCommand.POLICY_BROKEN + ":政策目录有误，无法加载（check 列出全部问题）；或其场景测试未全部通过，不能用来作出决定（test 列出未通过的场景）",
            CarrierRulesCommand.SCENARIOS_FAILED + ":场景测试有失败（test）",
            CarrierRulesCommand.CALENDAR_MISSING + ":日历缺少所需年份的节假日安排，无法计算公示期",
            CarrierRulesCommand.DECISION_CHANGED + ":核验的决定记录中有决定不再成立（verify）",
            VerifyCommand.SIGNATURE_FAILED + ":决定记录的签名核验未通过：记录在签名后被改动、由其他密钥签名或没有签名（verify --public-key）",
            ServeCommand.CANNOT_LISTEN + ":决定服务无法在所给地址和端口上监听（serve：端口已被占用、无权使用或本机没有此地址）"})
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

    /**
     * The command line with UTF-8 output, whatever the platform's default encoding, and with picocli's own texts
     * in Chinese: the usage help's headings ({@code UsageHelp.properties}), its parse errors ({@link UsageErrors})
     * and the conversion of a number. A {@link CommandFailure} is printed as the one line it is and exits with
     * its code through picocli's exit-code mapping; anything else is unexpected, exit {@link #UNEXPECTED}.
     */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new CarrierRulesCommand());
        cli.setOut(new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))));
        cli.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        cli.setResourceBundle(ResourceBundle.getBundle("org.carrierrules.cli.UsageHelp", Locale.ROOT));
        Failures failures = new Failures();
        cli.registerConverter(Integer.class, failures);
        cli.registerConverter(Integer.TYPE, failures);
        cli.setParameterExceptionHandler(new UsageErrors());
        cli.setExitCodeExceptionMapper(failures);
        cli.setExecutionExceptionHandler(failures);
        return cli;
    }

    /**
     * How the command line reads numbers and ends on a failure. A class, not lambdas: picocli's interfaces are class
     * files of Java 5, which the class-data archive cannot hold, and on JDK 17 writing an archive that has a lambda of
     * such an interface crashes the JVM (SIGSEGV in {@code adjust_lambda_proxy_class_dictionary}, seen with the
     * launcher's {@code -XX:ArchiveClassesAtExit}).
     */
    private static final class Failures implements CommandLine.ITypeConverter<Integer>, CommandLine.IExitCodeExceptionMapper,
            CommandLine.IExecutionExceptionHandler {
        @Override
        public Integer convert(String value) {
            try {
                return Integer.valueOf(value.trim());
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("“" + value + "”不是整数");
            }
        }

        @Override
        public int getExitCode(Throwable e) {
            return e instanceof CommandFailure failure ? failure.exitCode()
                    : e instanceof CommandLine.ParameterException ? UNREADABLE : UNEXPECTED;
        }

        @Override
        public int handleExecutionException(Exception e, CommandLine command, CommandLine.ParseResult parsed) throws Exception {
            if (!(e instanceof CommandFailure)) {
                throw e;
            }
            command.getOut().flush();
            command.getErr().println(e.getMessage());
            command.getErr().flush();
            return command.getExitCodeExceptionMapper().getExitCode(e);
        }
    }
}

package org.carrierrules.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.carrierrules.CarrierRules;
import org.carrierrules.allocation.Allocation;
import org.carrierrules.allocation.AllocationStatus;
import org.carrierrules.allocation.RoundSubmission;
import org.carrierrules.documents.Document;
import org.carrierrules.documents.DocumentFormat;
import org.carrierrules.documents.Documents;
import org.carrierrules.json.AllocationInput;
import org.carrierrules.json.AllocationJson;
import org.carrierrules.json.AssessmentJson;
import org.carrierrules.json.DecisionRecords;
import org.carrierrules.json.ReadLimits;

/**
 * {@code run}: a whole round from its folder ({@code round.json} naming the round, {@code applications.json},
 * {@code reviews.json}, and {@code objections.json} when there were objections): 受理审查, 评审, 名额 and 公示,
 * written as {@code round-result.json}, the Chinese report {@code round-report.md} and, for print, {@code round-report.html}
 * (the 公示公告 and the report), all three worded by the library from the policy's templates.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "整轮运行：对一轮的申报、评审结果和异议进行受理审查与评审分配，写出结果 JSON、中文报告 round-report.md 和可打印的 round-report.html（公示公告与报告，A4）。",
        exitCodeList = {
            "0:已写出本轮结果（和假设分析）",
            CarrierRulesCommand.UNEXPECTED + ":意外错误：说明在哪一步失败，结果可能未写全",
            CarrierRulesCommand.UNREADABLE + ":用法错误；输入文件缺少、无法读取或超过读取上限；结果无法写出；或 --baseline 未与 --policy 同用、两者不是同一轮次",
            CarrierRulesCommand.RECORDS_INVALID + ":输入有误（含输入属于另一轮次），列出全部错误，不作分配",
            CarrierRulesCommand.POLICY_BROKEN + ":政策目录有误，无法加载",
            CarrierRulesCommand.CALENDAR_MISSING + ":日历缺少所需年份的节假日安排，无法计算公示期"})
final class RunCommand implements Callable<Integer> {
    static final String ROUND = "round.json";
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);
    static final String APPLICATIONS = "applications.json";
    static final String REVIEWS = "reviews.json";
    static final String OBJECTIONS = "objections.json";
    static final String RESULT = "round-result.json";
    static final String REPORT = "round-report.md";
    /** The same report for print, after the 公示公告 on a page of its own: A4, the list as a table, a chart. */
    static final String PRINTABLE = "round-report.html";
    static final String RECORD = "decision-record.json";
    static final String WHAT_IF = "what-if.md";

    @Parameters(paramLabel = "DIR", description = "一轮的文件夹：" + ROUND + "（{\"round\": 轮次}）、" + APPLICATIONS + "、" + REVIEWS
            + "，有异议时还有 " + OBJECTIONS)
    Path folder;

    @Option(names = "--out", paramLabel = "OUTDIR", defaultValue = ".", description = "结果写入的文件夹（默认当前文件夹）")
    Path out;

    @Option(names = "--notice-start", converter = ContractDate.class, paramLabel = "DATE",
            description = "公示开始日期，如 2024-09-11；不指定时取申报截止后的第一个工作日")
    LocalDate noticeStart;

    @Mixin
    PolicyOption policy;

    @Option(names = "--baseline", paramLabel = "DIR",
            description = "与 --policy 同用：另按此政策目录得出本轮结果，列出名单状态改变的每份申报及其理由（假设分析）；须与 --policy 同一轮次。"
                    + "不指定时，--policy 属于内置轮次才与内置政策比较，否则不作假设分析")
    Path baseline;

    @Option(names = "--no-what-if", description = "不作假设分析（不写 " + WHAT_IF + "）")
    boolean noWhatIf;

    @Mixin
    ReadLimitOptions readLimits;

    @Mixin
    SigningKeyOption signKey;

    @Spec
    CommandSpec spec;

    /** What the command is doing, named when something unexpected stops it. */
    private String step = "开始运行";

    /**
     * The round, or, when something unexpected stops it (a bug, not the input), one line in Chinese naming the
     * step that failed and exit 1: no stack trace reaches the user; it goes to the log at DEBUG. Tests see the
     * exit code and the line.
     */
    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            return runRound(err);
        } catch (CommandFailure e) {
            // Expected and already said in full (an unreadable file, a broken policy): not a step that failed.
            throw e;
        } catch (RuntimeException e) {
            LOG.debug("run stopped while {}", step, e);
            err.println("运行未完成：" + step + "时出现意外错误（" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : "：" + e.getMessage()) + "），结果可能未写全。请把这一行和输入文件交给维护人员。");
            return CarrierRulesCommand.UNEXPECTED;
        }
    }

    private int runRound(PrintWriter err) {
        ReadLimits limits = readLimits.limits();
        step = "读取签名密钥";
        signKey.load();
        step = "加载政策";
        CarrierRules rules = policy.load();
        step = "加载假设分析的基准政策";
        Baseline base = baseline(rules, err);
        if (base.exitCode() != 0) {
            return base.exitCode();
        }
        step = "读取输入文件";
        // Kept as one tree: the decision record written beside the result holds the whole input. The round is the
        // folder's own, so that the policy refuses another round's input as allocate does.
        ObjectNode round = JsonNodeFactory.instance.objectNode();
        round.set("round", read(required(ROUND), limits).get("round"));
        round.set("applications", read(required(APPLICATIONS), limits));
        round.set("reviews", read(required(REVIEWS), limits));
        Path objections = folder.resolve(OBJECTIONS);
        round.set("objections", Files.exists(objections) ? read(objections, limits) : round.arrayNode());
        if (noticeStart != null) {
            // In the record's input too, so that verify decides the notice period from the same start.
            round.put("noticeStart", noticeStart.toString());
        }
        step = "评审分配";
        AllocationInput input = AllocationJson.read(round, limits);
        Decided decided = Decided.of(rules, input, round, noticeStart, spec.commandLine().getOut(), err);
        if (decided.allocation() == null) {
            return decided.exitCode();
        }
        RoundSubmission submission = ((AllocationInput.Valid) input).submission();
        Allocation allocation = decided.allocation();
        step = "写出结果";
        try {
            Files.createDirectories(out);
            try (Writer json = Files.newBufferedWriter(out.resolve(RESULT), StandardCharsets.UTF_8)) {
                AllocationJson.printRound(allocation, json);
            }
            Documents documents = rules.documents();
            Document.RoundReport report = new Document.RoundReport(submission, allocation);
            Files.writeString(out.resolve(REPORT), documents.render(report, DocumentFormat.MARKDOWN), StandardCharsets.UTF_8);
            Files.writeString(out.resolve(PRINTABLE), documents.printable(List.of(new Document.PublicNotice(submission, allocation), report)),
                    StandardCharsets.UTF_8);
            try (Writer record = Files.newBufferedWriter(out.resolve(RECORD), StandardCharsets.UTF_8)) {
                AssessmentJson.print(signKey.apply(DecisionRecords.of(round, allocation, rules.rules())), record);
            }
        } catch (IOException e) {
            err.println("无法写出结果到 " + out + "：" + e.getMessage());
            return CarrierRulesCommand.UNREADABLE;
        }
        PrintWriter stdout = spec.commandLine().getOut();
        long candidates = allocation.entries().stream().filter(e -> e.status() == AllocationStatus.CANDIDATE).count();
        stdout.println(rules.round().title() + "：" + submission.applications().size() + " 份申报，候选 " + candidates + " 家，空缺 "
                + allocation.vacancies().values().stream().mapToInt(Integer::intValue).sum() + " 家；公示 "
                + allocation.noticePeriod().start() + " 至 " + allocation.noticePeriod().end());
        stdout.println("已写出 " + out.resolve(RESULT) + "、" + out.resolve(REPORT) + "、可打印的 " + out.resolve(PRINTABLE) + " 和" + (signKey.given() ? "已签名的" : "")
                + "决定记录 " + out.resolve(RECORD));
        if (base.skipped() != null) {
            stdout.println(base.skipped());
        }
        if (base.rules() != null) {
            step = "假设分析";
            return whatIf(base.rules(), submission, allocation, stdout, err);
        }
        stdout.flush();
        return 0;
    }

    /**
     * The what-if's baseline, decided before anything is written.
     *
     * @param rules    the policy to compare, or null when there is no what-if
     * @param skipped  the line that says why there is none, or null
     * @param exitCode 0, or why the command stops
     */
    private record Baseline(CarrierRules rules, String skipped, int exitCode) {
    }

    /**
     * Only with {@code --policy}, and not with {@code --no-what-if}: {@code --baseline} when given, which must be of
     * the same round (another round's policy cannot decide this round's input); else the bundled policy when
     * {@code --policy} is of the bundled round; else none, and the run says so.
     */
    private Baseline baseline(CarrierRules rules, PrintWriter err) {
        if (!policy.given() && baseline != null) {
            err.println("--baseline 须与 --policy 同用：假设分析把 --policy 的政策与基准政策比较；请加上 --policy DIR，或去掉 --baseline。");
            return new Baseline(null, null, CommandLine.ExitCode.USAGE);
        }
        if (!policy.given() || noWhatIf) {
            return new Baseline(null, null, 0);
        }
        String round = rules.policy().round();
        if (baseline == null) {
            return round.equals(CarrierRules.BUNDLED_ROUND) ? new Baseline(CarrierRules.bundled(), null, 0)
                    : new Baseline(null, "未作假设分析：--policy 属于轮次“" + round + "”，内置政策属于“" + CarrierRules.BUNDLED_ROUND
                            + "”，不同轮次无法比较；要比较，请用 --baseline 指定同一轮次的另一套政策目录。", 0);
        }
        CarrierRules base = Policies.loadUntested(baseline);
        if (!base.policy().round().equals(round)) {
            err.println("--baseline " + baseline + " 属于轮次“" + base.policy().round() + "”，而 --policy " + policy.directory()
                    + " 属于轮次“" + round + "”：假设分析只比较同一轮次的两套政策，请用 --baseline 指定轮次“" + round
                    + "”的政策目录，或用 --no-what-if 不作假设分析。");
            return new Baseline(null, null, CommandLine.ExitCode.USAGE);
        }
        return new Baseline(base, null, 0);
    }

    /**
     * The same round under the baseline policy ({@link #baseline}), and every application whose place on the
     * list differs, with the reasons it has under {@code --policy}.
     */
    private int whatIf(CarrierRules base, RoundSubmission submission, Allocation allocation, PrintWriter stdout, PrintWriter err) {
        Allocation before = noticeStart == null ? base.allocate(submission) : base.allocate(submission, noticeStart);
        List<String> changes = DecisionRecords.compareRounds(before, allocation);
        StringBuilder text = new StringBuilder("# 假设分析：同一轮申报在两套政策下的结果\n\n")
                .append("- 基准政策：").append(baseline == null ? "内置政策" : baseline.toString()).append("（")
                .append(base.policy().fingerprint()).append("）\n")
                .append("- 比较政策：").append(policy.directory()).append("（").append(allocation.policy().fingerprint())
                .append("）\n\n");
        if (changes.isEmpty()) {
            text.append("两套政策下，每份申报的名单状态、名次和得分都相同。\n");
        } else {
            text.append("有 ").append(changes.size()).append(" 处不同：\n\n");
            changes.forEach(change -> text.append("- ").append(change).append('\n'));
        }
        try {
            Files.writeString(out.resolve(WHAT_IF), text.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("无法写出 " + out.resolve(WHAT_IF) + "：" + e.getMessage());
            return CarrierRulesCommand.UNREADABLE;
        }
        stdout.println("与" + (baseline == null ? "内置政策" : "基准政策 " + baseline) + "相比：" + changes.size() + " 处不同，见 " + out.resolve(WHAT_IF));
        changes.forEach(change -> stdout.println("  " + change));
        stdout.flush();
        return 0;
    }

    private static JsonNode read(Path file, ReadLimits limits) {
        return InputFiles.readOne(file, f -> AllocationJson.readTree(f, limits), "输入文件");
    }

    /** A file every round folder has: missing, it is named with the others the folder should hold. */
    private Path required(String name) {
        InputFiles.folder(folder, "一轮的文件夹");
        Path file = folder.resolve(name);
        if (!Files.exists(file)) {
            throw new CommandFailure(CarrierRulesCommand.UNREADABLE, "无法读取输入文件：缺少 " + file + "（一轮的文件夹中应有 " + ROUND + "、"
                    + APPLICATIONS + " 和 " + REVIEWS + "）");
        }
        return file;
    }
}

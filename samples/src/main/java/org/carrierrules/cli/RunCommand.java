package org.carrierrules.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.carrierrules.json.AllocationInput;
import org.carrierrules.json.AllocationJson;
import org.carrierrules.json.AssessmentJson;
import org.carrierrules.json.DecisionRecords;
import org.carrierrules.json.JsonFileException;
import org.carrierrules.json.ReadLimits;

/**
 * {@code run}: a whole round from its folder ({@code applications.json}, {@code reviews.json}, and
 * {@code objections.json} when there were objections): 受理审查, 评审, 名额 and 公示, written as
 * {@code round-result.json} and the Chinese report {@code round-report.md}.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "整轮运行：对一轮的申报、评审结果和异议进行受理审查与评审分配，写出结果 JSON 和中文报告 round-report.md。")
final class RunCommand implements Callable<Integer> {
    static final String APPLICATIONS = "applications.json";
    static final String REVIEWS = "reviews.json";
    static final String OBJECTIONS = "objections.json";
    static final String RESULT = "round-result.json";
    static final String REPORT = "round-report.md";
    static final String RECORD = "decision-record.json";
    static final String WHAT_IF = "what-if.md";

    @Parameters(paramLabel = "DIR", description = "一轮的文件夹：" + APPLICATIONS + "、" + REVIEWS + "，有异议时还有 " + OBJECTIONS)
    Path folder;

    @Option(names = "--out", paramLabel = "OUTDIR", defaultValue = ".", description = "结果写入的文件夹（默认当前文件夹）")
    Path out;

    @Option(names = "--notice-start", converter = ContractDate.class, paramLabel = "DATE",
            description = "公示开始日期，如 2024-09-11；不指定时取申报截止后的第一个工作日")
    LocalDate noticeStart;

    @Mixin
    PolicyOption policy;

    @Option(names = "--baseline", paramLabel = "DIR",
            description = "与 --policy 同用：另按此政策目录（默认内置政策）得出本轮结果，列出名单状态改变的每份申报及其理由（假设分析）")
    Path baseline;

    @Mixin
    ReadLimitOptions readLimits;

    @Mixin
    SigningKeyOption signKey;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        ReadLimits limits = readLimits.limits();
        if (!signKey.loadOrReport(err)) {
            return CarrierRulesCommand.UNREADABLE;
        }
        CarrierRules rules = policy.loadOrReport(err);
        if (rules == null) {
            return CarrierRulesCommand.POLICY_BROKEN;
        }
        // Kept as one tree: the decision record written beside the result holds the whole input.
        ObjectNode round = JsonNodeFactory.instance.objectNode().put("round", rules.policy().round());
        try {
            round.set("applications", AllocationJson.readTree(required(APPLICATIONS), limits));
            round.set("reviews", AllocationJson.readTree(required(REVIEWS), limits));
            Path objections = folder.resolve(OBJECTIONS);
            round.set("objections", Files.exists(objections) ? AllocationJson.readTree(objections, limits) : round.arrayNode());
            if (noticeStart != null) {
                // In the record's input too, so that verify decides the notice period from the same start.
                round.put("noticeStart", noticeStart.toString());
            }
        } catch (JsonFileException e) {
            err.println("无法读取输入文件：" + ReadLimitOptions.describe(e));
            return CarrierRulesCommand.UNREADABLE;
        } catch (UncheckedIOException e) {
            err.println("无法读取输入文件：" + e.getCause().getMessage());
            return CarrierRulesCommand.UNREADABLE;
        }
        AllocationInput input = AllocationJson.read(round, limits);
        Decided decided = Decided.of(rules, input, noticeStart, spec.commandLine().getOut(), err);
        if (decided.allocation() == null) {
            return decided.exitCode();
        }
        RoundSubmission submission = ((AllocationInput.Valid) input).submission();
        Allocation allocation = decided.allocation();
        try {
            Files.createDirectories(out);
            try (Writer json = Files.newBufferedWriter(out.resolve(RESULT), StandardCharsets.UTF_8)) {
                AllocationJson.printRound(allocation, json);
            }
            Files.writeString(out.resolve(REPORT), new RoundReport(rules, submission, allocation).markdown(), StandardCharsets.UTF_8);
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
        stdout.println("已写出 " + out.resolve(RESULT) + "、" + out.resolve(REPORT) + " 和" + (signKey.given() ? "已签名的" : "")
                + "决定记录 " + out.resolve(RECORD));
        if (policy.given()) {
            return whatIf(submission, allocation, stdout, err);
        }
        stdout.flush();
        return 0;
    }

    /**
     * The same round under the baseline policy (the bundled one unless {@code --baseline} names another),
     * and every application whose place on the list differs, with the reasons it has under {@code --policy}.
     */
    private int whatIf(RoundSubmission submission, Allocation allocation, PrintWriter stdout, PrintWriter err) {
        CarrierRules base = Policies.loadUntestedOrReport(baseline, err);
        if (base == null) {
            return CarrierRulesCommand.POLICY_BROKEN;
        }
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

    private Path required(String name) {
        Path file = folder.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new UncheckedIOException(new IOException("缺少 " + file + "（一轮的文件夹中应有 " + APPLICATIONS + " 和 " + REVIEWS + "）"));
        }
        return file;
    }
}

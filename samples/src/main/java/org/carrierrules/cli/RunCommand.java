package org.carrierrules.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.carrierrules.Allocation;
import org.carrierrules.AllocationStatus;
import org.carrierrules.CarrierRules;
import org.carrierrules.PolicyException;
import org.carrierrules.RoundSubmission;
import org.carrierrules.json.AllocationInput;
import org.carrierrules.json.AllocationJson;
import org.carrierrules.json.AssessmentJson;
import org.carrierrules.json.JsonFileException;
import org.carrierrules.json.ReadLimits;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

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

    @Parameters(paramLabel = "DIR", description = "一轮的文件夹：" + APPLICATIONS + "、" + REVIEWS + "，有异议时还有 " + OBJECTIONS)
    Path folder;

    @Option(names = "--out", paramLabel = "OUTDIR", defaultValue = ".", description = "结果写入的文件夹（默认当前文件夹）")
    Path out;

    @Option(names = "--notice-start", converter = ContractDate.class, paramLabel = "DATE",
            description = "公示开始日期，如 2024-09-11；不指定时取申报截止后的第一个工作日")
    LocalDate noticeStart;

    @Option(names = "--policy", paramLabel = "DIR", description = "政策目录（默认使用内置的罗湖区2024年度政策）")
    Path policy;

    @Mixin
    ReadLimitOptions readLimits;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        ReadLimits limits = readLimits.limits();
        CarrierRules rules;
        try {
            rules = Policies.load(policy);
        } catch (PolicyException e) {
            err.println(e.getMessage());
            return CarrierRulesCommand.POLICY_BROKEN;
        }
        AllocationInput input;
        try {
            Path objections = folder.resolve(OBJECTIONS);
            input = AllocationJson.read(rules.policy().round(), required(APPLICATIONS), required(REVIEWS),
                    Files.exists(objections) ? objections : null, limits);
        } catch (JsonFileException e) {
            err.println("无法读取输入文件：" + ReadLimitOptions.describe(e));
            return CarrierRulesCommand.UNREADABLE;
        } catch (UncheckedIOException e) {
            err.println("无法读取输入文件：" + e.getCause().getMessage());
            return CarrierRulesCommand.UNREADABLE;
        }
        Decided decided = Decided.of(rules, input, noticeStart, spec.commandLine().getOut(), err);
        if (decided.allocation() == null) {
            return decided.exitCode();
        }
        RoundSubmission submission = ((AllocationInput.Valid) input).submission();
        Allocation allocation = decided.allocation();
        ObjectNode result = AllocationJson.writeRound(allocation);
        ArrayNode assessments = result.putArray("assessments");
        submission.applications().forEach(a -> assessments.add(AssessmentJson.write(rules.assess(a))));
        try {
            Files.createDirectories(out);
            try (Writer json = Files.newBufferedWriter(out.resolve(RESULT), StandardCharsets.UTF_8)) {
                AssessmentJson.print(result, json);
            }
            Files.writeString(out.resolve(REPORT), new RoundReport(rules, submission, allocation).markdown(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("无法写出结果到 " + out + "：" + e.getMessage());
            return CarrierRulesCommand.UNREADABLE;
        }
        PrintWriter stdout = spec.commandLine().getOut();
        long candidates = allocation.entries().stream().filter(e -> e.status() == AllocationStatus.CANDIDATE).count();
        stdout.println(rules.round().title() + "：" + submission.applications().size() + " 份申报，候选 " + candidates + " 家，空缺 "
                + allocation.vacancies().values().stream().mapToInt(Integer::intValue).sum() + " 家；公示 "
                + allocation.noticePeriod().start() + " 至 " + allocation.noticePeriod().end());
        stdout.println("已写出 " + out.resolve(RESULT) + " 和 " + out.resolve(REPORT));
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

package org.carrierrules.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.carrierrules.CarrierRules;
import org.carrierrules.assessment.Assessment;
import org.carrierrules.json.ApplicationJson;
import org.carrierrules.json.AssessmentJson;
import org.carrierrules.json.DecisionRecords;
import org.carrierrules.json.InputRecord;
import org.carrierrules.json.ReadLimits;
import org.carrierrules.policy.RuleInfo;

/** {@code assess}: 受理审查 (四(三)) of every application in the files, one result per record, in order. */
@Command(name = "assess", mixinStandardHelpOptions = true,
        description = "受理审查：逐条判断申报是否受理、需补正或不予受理，并说明依据条款。",
        exitCodeList = {
            "0:每份申报都已审查",
            CarrierRulesCommand.UNREADABLE + ":用法错误；申报文件缺少、是文件夹、无法读取、不是有效的 JSON 或超过读取上限；--sign-key 未与 --records 同用或私钥无法读取；决定记录无法写出",
            CarrierRulesCommand.RECORDS_INVALID + ":部分申报输入有误：结果中以 error 条目标出，其余申报照常审查",
            CarrierRulesCommand.POLICY_BROKEN + ":政策目录有误，或其场景测试未全部通过，不能用来作出决定"})
final class AssessCommand implements Callable<Integer> {
    enum Format { json, text, html }

    @Option(names = "--format", defaultValue = "json", description = "输出格式：json（接口约定）、text（中文说明与受理、补正、不予受理通知）或 html（可打印的通知，每份一页），默认 ${DEFAULT-VALUE}")
    Format format;

    @Mixin
    PolicyOption policy;

    @Option(names = "--records", paramLabel = "DIR", description = "把每份申报的决定记录（输入、其哈希、政策指纹、库版本、结论与触发的规则）写入此文件夹，供 verify 核验")
    Path recordsDirectory;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "申报记录 JSON 文件（数组）")
    List<Path> files;

    @Mixin
    ReadLimitOptions readLimits;

    @Mixin
    SigningKeyOption signKey;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        RecordFiles.checkSigningFits(signKey, recordsDirectory, "--records");
        signKey.load();
        Policies.Loading loading = policy.startLoading();
        ReadLimits limits = readLimits.limits();
        List<InputRecord> records;
        // Kept only for the decision records, written once everything is printed.
        List<Assessment> kept = new ArrayList<>();
        CarrierRules rules;
        try (BlockAssessor assessor = new BlockAssessor(loading::get)) {
            // Assessed block by block while the files are read; printed once all of them have been read.
            for (Path file : files) {
                InputFiles.readOne(file, f -> {
                    ApplicationJson.readEach(f, limits, assessor::add);
                    return f;
                }, "申报文件");
            }
            rules = loading.get();
            PrintWriter out = spec.commandLine().getOut();
            if (format == Format.json) {
                try (AssessmentJson.Printer json = AssessmentJson.printer(out)) {
                    records = assessor.assess((record, assessment) -> {
                        json.print(record, assessment);
                        keep(kept, assessment);
                    });
                }
            } else {
                PrintWriter err = spec.commandLine().getErr();
                AssessmentText text = format == Format.html ? AssessmentText.html(rules, out) : AssessmentText.text(rules, out);
                records = assessor.assess((record, assessment) -> {
                    text.print(record, assessment, err);
                    keep(kept, assessment);
                });
                text.finish();
                err.flush();
            }
        }
        if (recordsDirectory != null) {
            List<RuleInfo> ruleList = rules.rules();
            Iterator<Assessment> decided = kept.iterator();
            for (InputRecord record : records) {
                if (record instanceof InputRecord.Valid valid) {
                    RecordFiles.write(recordsDirectory, valid.applicationId(),
                            signKey.apply(DecisionRecords.of(valid.application(), decided.next(), ruleList)));
                }
            }
        }
        boolean anyInvalid = records.stream().anyMatch(r -> r instanceof InputRecord.Invalid);
        return anyInvalid ? CarrierRulesCommand.RECORDS_INVALID : 0;
    }

    private void keep(List<Assessment> kept, Assessment assessment) {
        if (recordsDirectory != null && assessment != null) {
            kept.add(assessment);
        }
    }
}

package org.carrierrules.cli;

import java.nio.file.Path;
import java.time.LocalDate;
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
import org.carrierrules.json.CarrierJson;
import org.carrierrules.json.CarrierRecord;
import org.carrierrules.json.DecisionRecords;
import org.carrierrules.json.ReadLimits;
import org.carrierrules.json.SupervisionJson;
import org.carrierrules.policy.RuleInfo;
import org.carrierrules.supervision.SupervisionDecision;

/** {@code supervise} (also {@code review}, the name the contract gave it first): 跟踪管理 (五) of every recognised carrier in the files as of a date, one result per record, in order. */
@Command(name = "supervise", aliases = "review", mixinStandardHelpOptions = true,
        description = "跟踪管理审查：截至评估日期，逐个判断已认定的载体应保持认定、通知改正，还是报请取消认定，并说明依据条款。",
        exitCodeList = {
            "0:每个载体都已审查",
            CarrierRulesCommand.UNREADABLE + ":用法错误；载体文件缺少、是文件夹、无法读取、不是有效的 JSON 或超过读取上限；--sign-key 未与 --records 同用或私钥无法读取；决定记录无法写出",
            CarrierRulesCommand.RECORDS_INVALID + ":部分载体输入有误：结果中以 error 条目标出，其余载体照常审查",
            CarrierRulesCommand.POLICY_BROKEN + ":政策目录有误，或其场景测试未全部通过，不能用来作出决定"})
final class SupervisionCommand implements Callable<Integer> {
    @Option(names = "--as-of", required = true, paramLabel = "DATE", converter = ContractDate.class,
            description = "评估日期，如 2024-12-31：只考虑该日及以前发现的情况，以及该日之前已经结束的自然年")
    LocalDate asOf;

    @Option(names = "--format", defaultValue = "json",
            description = "输出格式：json（接口约定）、text（中文说明、通知改正与取消认定建议）或 html（可打印的通知改正与取消认定建议，每份一页），默认 ${DEFAULT-VALUE}")
    AssessCommand.Format format;

    @Mixin
    PolicyOption policy;

    @Option(names = "--records", paramLabel = "DIR", description = "把每个载体的决定记录写入此文件夹，供 verify 核验")
    Path recordsDirectory;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "已认定载体的 JSON 文件（数组）")
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
        ReadLimits limits = readLimits.limits();
        List<CarrierRecord> records = InputFiles.read(files, file -> CarrierJson.readAll(file, limits), "载体文件");
        CarrierRules rules = policy.load();
        List<SupervisionDecision> decisions = rules.superviseAll(records.stream()
                .filter(r -> r instanceof CarrierRecord.Valid).map(r -> ((CarrierRecord.Valid) r).carrier()).toList(), asOf);
        if (format == AssessCommand.Format.json) {
            SupervisionJson.print(records, decisions, spec.commandLine().getOut());
        } else {
            new SupervisionText(rules, spec.commandLine().getOut()).print(records, decisions, asOf, format == AssessCommand.Format.html,
                    spec.commandLine().getErr());
        }
        if (recordsDirectory != null) {
            List<RuleInfo> ruleList = rules.rules();
            Iterator<SupervisionDecision> decided = decisions.iterator();
            for (CarrierRecord record : records) {
                if (record instanceof CarrierRecord.Valid valid) {
                    RecordFiles.write(recordsDirectory, valid.carrier().carrierId(),
                            signKey.apply(DecisionRecords.of(valid.carrier(), decided.next(), ruleList)));
                }
            }
        }
        boolean anyInvalid = records.stream().anyMatch(r -> r instanceof CarrierRecord.Invalid);
        return anyInvalid ? CarrierRulesCommand.RECORDS_INVALID : 0;
    }
}

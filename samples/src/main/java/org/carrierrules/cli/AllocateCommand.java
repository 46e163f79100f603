package org.carrierrules.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.carrierrules.CarrierRules;
import org.carrierrules.json.AllocationInput;
import org.carrierrules.json.AllocationJson;
import org.carrierrules.json.AssessmentJson;
import org.carrierrules.json.DecisionRecords;
import org.carrierrules.json.ReadLimits;

/** {@code allocate}: 评审与名额分配 (三, 四(四), 四(五)) of one round in the contract's JSON, one entry per application, in order. */
@Command(name = "allocate", mixinStandardHelpOptions = true,
        description = "评审与名额分配：按评审得分和各类名额确定候选名单，处理公示期间的异议，逐份写明结果与依据条款。",
        exitCodeList = {
            "0:已作出评审分配",
            CarrierRulesCommand.UNREADABLE + ":用法错误；输入文件缺少、是文件夹、无法读取、不是有效的 JSON 或超过读取上限；--sign-key 未与 --record 同用或私钥无法读取；决定记录无法写出",
            CarrierRulesCommand.RECORDS_INVALID + ":输入有误（含输入属于另一轮次）：列出全部错误，不作分配",
            CarrierRulesCommand.POLICY_BROKEN + ":政策目录有误，或其场景测试未全部通过，不能用来作出决定",
            CarrierRulesCommand.CALENDAR_MISSING + ":日历缺少所需年份的节假日安排，无法计算公示期"})
final class AllocateCommand implements Callable<Integer> {
    @Mixin
    PolicyOption policy;

    @Option(names = "--record", paramLabel = "FILE", description = "把本轮的决定记录（输入、其哈希、政策指纹、库版本、名单与触发的规则）写入此文件，供 verify 核验")
    Path recordFile;

    @Parameters(paramLabel = "FILE", description = "一轮的输入 JSON：{round, applications, reviews, objections}")
    Path file;

    @Mixin
    ReadLimitOptions readLimits;

    @Mixin
    SigningKeyOption signKey;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        RecordFiles.checkSigningFits(signKey, recordFile, "--record");
        signKey.load();
        ReadLimits limits = readLimits.limits();
        // A decision record holds the whole input, so only then is the file kept as a tree; otherwise it is read
        // as a stream, one record at a time, and a large round needs memory for its records alone.
        JsonNode tree = null;
        AllocationInput input;
        if (recordFile != null) {
            tree = InputFiles.readOne(file, f -> AllocationJson.readTree(f, limits), "输入文件");
            input = AllocationJson.read(tree, limits);
        } else {
            input = InputFiles.readOne(file, f -> AllocationJson.read(f, limits), "输入文件");
        }
        CarrierRules rules = policy.load();
        Decided decided = Decided.of(rules, input, tree, null, spec.commandLine().getOut(), err);
        if (decided.allocation() != null) {
            AllocationJson.print(decided.allocation(), spec.commandLine().getOut());
            if (recordFile != null) {
                writeRecord(signKey.apply(DecisionRecords.of(tree, decided.allocation(), rules.rules())));
            }
        }
        return decided.exitCode();
    }

    private void writeRecord(JsonNode record) {
        try (Writer out = Files.newBufferedWriter(recordFile, StandardCharsets.UTF_8)) {
            AssessmentJson.print(record, out);
        } catch (IOException e) {
            throw new CommandFailure(CarrierRulesCommand.UNREADABLE, "无法写出决定记录 " + recordFile + "：" + e.getMessage());
        }
    }
}

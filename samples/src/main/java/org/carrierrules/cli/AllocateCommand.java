package org.carrierrules.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
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
        description = "评审与名额分配：按评审得分和各类名额确定候选名单，处理公示期间的异议，逐份写明结果与依据条款。")
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
        if (!RecordFiles.signingFits(signKey, recordFile, "--record", err) || !signKey.loadOrReport(err)) {
            return CarrierRulesCommand.UNREADABLE;
        }
        ReadLimits limits = readLimits.limits();
        // A decision record holds the whole input, so only then is the file kept as a tree; otherwise it is read
        // as a stream, one record at a time, and a large round needs memory for its records alone.
        JsonNode tree = null;
        AllocationInput input;
        if (recordFile != null) {
            tree = InputFiles.readOne(file, f -> AllocationJson.readTree(f, limits), "输入文件", err);
            input = tree == null ? null : AllocationJson.read(tree, limits);
        } else {
            input = InputFiles.readOne(file, f -> AllocationJson.read(f, limits), "输入文件", err);
        }
        if (input == null) {
            return CarrierRulesCommand.UNREADABLE;
        }
        CarrierRules rules = policy.loadOrReport(err);
        if (rules == null) {
            return CarrierRulesCommand.POLICY_BROKEN;
        }
        Decided decided = Decided.of(rules, input, null, spec.commandLine().getOut(), err);
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
            throw new UncheckedIOException("无法写出决定记录 " + recordFile, e);
        }
    }
}

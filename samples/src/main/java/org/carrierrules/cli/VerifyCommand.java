package org.carrierrules.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

import org.carrierrules.CarrierRules;
import org.carrierrules.InvalidInputException;
import org.carrierrules.json.AllocationJson;
import org.carrierrules.json.DecisionRecords;
import org.carrierrules.json.JsonFileException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code verify RECORD…}: does each recorded decision still stand under a policy, and if not, what changed. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "核验决定记录：按政策重新作出决定，与记录比较；决定仍然成立则通过，否则列出改变之处（用于审计与按修改后的政策重放）。")
final class VerifyCommand implements Callable<Integer> {
    @Mixin
    PolicyOption policy;

    @Parameters(arity = "1..*", paramLabel = "RECORD", description = "决定记录文件（assess/review --records、allocate --record、run 写出）")
    List<Path> records;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CarrierRules rules = policy.loadOrReport(err);
        if (rules == null) {
            return CarrierRulesCommand.POLICY_BROKEN;
        }
        int exit = 0;
        for (Path file : records) {
            try {
                JsonNode record = AllocationJson.readTree(file);
                DecisionRecords.Verification result = DecisionRecords.verify(rules, record);
                boolean samePolicy = result.recorded().equals(result.current());
                out.println((result.stands() ? "成立    " : "不再成立 ") + file + "（记录政策 " + result.recorded().fingerprint()
                        + (samePolicy ? "，与核验政策相同）" : "；核验政策 " + result.current().fingerprint() + "）"));
                result.changes().forEach(change -> out.println("        " + change));
                if (!result.stands()) {
                    exit = Math.max(exit, CarrierRulesCommand.DECISION_CHANGED);
                }
            } catch (JsonFileException | InvalidInputException e) {
                err.println("无法核验 " + file + "：" + e.getMessage());
                exit = Math.max(exit, CarrierRulesCommand.RECORDS_INVALID);
            }
        }
        out.flush();
        return exit;
    }
}

package org.carrierrules.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.carrierrules.CarrierRules;
import org.carrierrules.InvalidInputException;
import org.carrierrules.allocation.Allocation;
import org.carrierrules.json.AllocationJson;
import org.carrierrules.json.DecisionRecordException;
import org.carrierrules.json.DecisionRecords;
import org.carrierrules.json.DecisionRecords.SignatureCheck;
import org.carrierrules.json.KeyFileException;
import org.carrierrules.json.RecordKeys;
import org.carrierrules.notice.CalendarYearMissingException;

/**
 * {@code verify RECORD…}: does each recorded decision still stand under a policy, field for field, and if
 * not, what changed; with {@code --public-key}, is each record exactly what the key's holder signed.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"核验决定记录：按政策重新作出决定，与记录逐项比较（每条审查发现、依据、名单条目与理由的每个字段及其顺序、名额空缺、公示期、规则轨迹）；"
                + "决定仍然成立则通过，否则逐项列出改变之处及其在记录中的位置（用于审计与按修改后的政策重放）。",
            "给出 --public-key 时还核验签名：记录在签名后被改动、由其他密钥签名或没有签名，均不通过（退出码 8）。",
            "多个记录时，退出码取各记录中最大者。"},
        exitCodeList = {
            "0:每个决定记录都成立（给出 --public-key 时签名也都有效）",
            CarrierRulesCommand.UNREADABLE + ":用法错误；决定记录或公钥文件缺少、是文件夹、无法读取、不是有效的 JSON 或超过读取上限",
            CarrierRulesCommand.RECORDS_INVALID + ":决定记录格式有误、编号重复或其输入已被改动，列出字段位置",
            CarrierRulesCommand.POLICY_BROKEN + ":政策目录有误，无法加载",
            CarrierRulesCommand.CALENDAR_MISSING + ":日历缺少所需年份的节假日安排，无法重算公示期",
            CarrierRulesCommand.DECISION_CHANGED + ":有决定不再成立，逐项列出改变之处",
            VerifyCommand.SIGNATURE_FAILED + ":签名核验未通过：记录在签名后被改动、由其他密钥签名或没有签名"})
final class VerifyCommand implements Callable<Integer> {
    /** A record's signature did not check under the key given: edited after signing, made up, or another key's. */
    static final int SIGNATURE_FAILED = 8;
    private static final String INDENT = "        ";

    @Mixin
    PolicyOption policy;

    @Option(names = "--public-key", paramLabel = "KEYFILE",
            description = "出具方的 Ed25519 公钥（X.509 PEM，可由 openssl pkey -in sign-key.pem -pubout -out public-key.pem 从私钥导出）；"
                    + "给出时每个记录都须带有此密钥的有效签名")
    Path publicKeyFile;

    @Parameters(arity = "1..*", paramLabel = "RECORD", description = "决定记录文件（assess/review --records、allocate --record、run 写出）")
    List<Path> records;

    @Mixin
    ReadLimitOptions readLimits;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PublicKey key = null;
        if (publicKeyFile != null) {
            InputFiles.readable(publicKeyFile, "核验公钥");
            try {
                key = RecordKeys.readPublicKey(publicKeyFile);
            } catch (KeyFileException e) {
                throw new CommandFailure(CarrierRulesCommand.UNREADABLE, "无法读取核验公钥 " + e.getMessage());
            }
        }
        CarrierRules rules = policy.loadUntested();
        int exit = 0;
        for (Path file : records) {
            exit = Math.max(exit, verify(file, rules, key, out, err));
        }
        out.flush();
        return exit;
    }

    private int verify(Path file, CarrierRules rules, PublicKey key, PrintWriter out, PrintWriter err) {
        JsonNode record;
        try {
            record = InputFiles.readOne(file, f -> AllocationJson.readTree(f, readLimits.limits()), "决定记录");
        } catch (CommandFailure e) {
            // One record that cannot be read does not keep the others from being verified.
            err.println(e.getMessage());
            return e.exitCode();
        }
        int exit = 0;
        SignatureCheck signature;
        try {
            signature = DecisionRecords.checkSignature(record, key);
            if (signature.failed()) {
                err.println(file + "：" + signature.message());
                exit = SIGNATURE_FAILED;
            }
        } catch (DecisionRecordException e) {
            // No object, or a value no canonical form holds: verify would refuse it too; one message is enough.
            return refused(file, e.field(), e.problem(), err);
        }
        try {
            DecisionRecords.Verification result = decideAgain(rules, DecisionRecords.read(record));
            boolean samePolicy = result.recorded().equals(result.current());
            out.println((result.stands() ? "成立    " : "不再成立 ") + file + "（记录政策 " + result.recorded().fingerprint()
                    + (samePolicy ? "，与核验政策相同）" : "；核验政策 " + result.current().fingerprint() + "）"));
            printSignature(signature, out);
            result.changes().forEach(change -> out.println(INDENT + change));
            return Math.max(exit, result.stands() ? 0 : CarrierRulesCommand.DECISION_CHANGED);
        } catch (DecisionRecordException e) {
            return Math.max(exit, refused(file, e.field(), e.problem(), err));
        } catch (InvalidInputException e) {
            // The policy refuses the recorded input (a sheet that does not fit its rubric, another round's input).
            return Math.max(exit, refused(file, "input." + e.field(), e.problem(), err));
        } catch (CalendarYearMissingException e) {
            err.println("无法核验 " + file + "：" + e.getMessage());
            return Math.max(exit, CarrierRulesCommand.CALENDAR_MISSING);
        }
    }

    private static int refused(Path file, String field, String problem, PrintWriter err) {
        err.println("无法核验 " + file + "：" + field + "：" + problem);
        return CarrierRulesCommand.RECORDS_INVALID;
    }

    /** The recorded input decided again under {@code rules}, and the decision compared with the recorded one. */
    private static DecisionRecords.Verification decideAgain(CarrierRules rules, DecisionRecords.Recorded recorded) {
        if (recorded instanceof DecisionRecords.Assessed assessed) {
            return assessed.verify(rules.assess(assessed.application()), rules.rules());
        }
        if (recorded instanceof DecisionRecords.Reviewed reviewed) {
            return reviewed.verify(rules.supervise(reviewed.carrier(), reviewed.asOf()), rules.rules());
        }
        DecisionRecords.Allocated round = (DecisionRecords.Allocated) recorded;
        Allocation again = round.noticeStart() == null ? rules.allocate(round.submission())
                : rules.allocate(round.submission(), round.noticeStart());
        return round.verify(again, rules.rules());
    }

    /** Nothing for an unsigned record checked without a key: there was nothing to check and nothing was asked. */
    private static void printSignature(SignatureCheck signature, PrintWriter out) {
        if (signature.status() == SignatureCheck.Status.UNSIGNED) {
            return;
        }
        String hint = signature.status() == SignatureCheck.Status.NOT_CHECKED ? "（用 --public-key 给出出具方的公钥即可核验）" : "";
        out.println(INDENT + signature.message() + hint);
    }
}

package org.carrierrules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check --print-drl}: the Drools rules that run, which hold no text of the staff's files. */
class CheckCommandTest {
    @TempDir
    Path temp;

    @Test
    void printsTheGeneratedRulesWithATableBackToTheStaffRules() throws IOException {
        Path policy = temp.resolve("policy");
        assertEquals(0, Run.of("init", policy.toString()).exitCode());
        Path eligibility = policy.resolve("rules/eligibility/eligibility.dslr");
        String hostile = Files.readString(eligibility, StandardCharsets.UTF_8).replace(
                "不予受理，代码 NOT_LEGALLY_ESTABLISHED：申请单位未依法设立\n",
                "不予受理，代码 NOT_LEGALLY_ESTABLISHED：申请单位未依法设立\"); System.exit(3); //\n");
        Files.writeString(eligibility, hostile, StandardCharsets.UTF_8);
        Files.writeString(policy.resolve("备注.txt"), "改动记录", StandardCharsets.UTF_8);

        Run run = Run.of("check", "--print-drl", policy.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("已忽略（不属于政策目录的格式，未读取）：备注.txt\n"), run.out());
        assertTrue(run.out().contains("package org.carrierrules.rules.assessment;"), run.out());
        assertTrue(run.out().contains("package org.carrierrules.rules.supervision;"), run.out());
        assertTrue(run.out().contains("// r2 = rules/eligibility/eligibility.dslr 第24行 “申请单位未依法设立”"), run.out());
        for (String stage : run.out().split("// ==== ")) {
            // The generated rules, from the first (in 评审与名额分配 they follow the library's own, written in Chinese).
            String drl = stage.contains("对照表") ? stage.substring(stage.indexOf("\nrule \"r0\""), stage.indexOf("// ---- 对照表")) : "";
            assertFalse(drl.contains("System"), drl);
            // Chinese there is the library's own, the step the rules of 排名资格 run in; never a word of a staff file.
            String library = drl.replace("ruleflow-group \"排名资格\"", "");
            assertFalse(library.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), drl);
        }
    }
}

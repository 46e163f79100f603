package org.carrierrules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.carrierrules.PolicyCopies;

/**
 * The command output README.md quotes (the blocks marked {@code <!-- 实际输出：… -->}): a fresh copy's check and
 * coverage, a mistyped sentence, the scenarios that fail when a round closes the rural stations, and a decision
 * record that no longer stands under an edited copy. Each is run as the README says and held to what it prints,
 * so that the rule and scenario counts the README gives cannot drift from the bundled policy. (The curl call's
 * answer is held by {@code ServeEndpointsTest}, the Java quick start by {@code ReadmeQuickStartTest}.)
 */
class ReadmeOutputTest {
    private static final Path README = Path.of("../README.md");
    private static final String SAMPLE = "data/luohu-2024/applications.json";

    @Test
    void theReadmeQuotesWhatTheCommandsPrint(@TempDir Path temp) throws IOException {
        QuotedBlocks readme = QuotedBlocks.of(README);

        Path fresh = copy(temp, "my-policy");
        Run check = Run.of("check", fresh.toString());
        assertEquals(0, check.exitCode(), check.err());
        readme.assertQuotes("检查副本", check.out().replace(fresh.toString(), "my-policy"));
        Run test = Run.of("test", "--coverage", fresh.toString());
        assertEquals(0, test.exitCode(), test.err());
        readme.assertQuotes("测试副本", test.out());

        Path mistyped = copy(temp, "mistyped");
        PolicyCopies.edit(mistyped, "rules/eligibility/eligibility.dslr", "    申请单位未依法设立\n", "    申请单位未依法成立\n");
        Run refused = Run.of("check", mistyped.toString());
        assertEquals(CarrierRulesCommand.POLICY_BROKEN, refused.exitCode());
        readme.assertQuotesPart("拼错的句子", refused.out());

        Path closed = copy(temp, "closed");
        PolicyCopies.edit(closed, "round.yaml", "RURAL_REVITALIZATION_STATION: 1", "RURAL_REVITALIZATION_STATION: 0");
        Run failing = Run.of("test", closed.toString());
        assertEquals(CarrierRulesCommand.SCENARIOS_FAILED, failing.exitCode());
        readme.assertQuotesPart("关闭一类载体", failing.out());

        Path records = temp.resolve("records");
        assertEquals(0, Run.of("assess", "--records", records.toString(), SAMPLE).exitCode());
        Path threeCopies = copy(temp, "three-copies");
        PolicyCopies.edit(threeCopies, "round.yaml", "  copies: 2", "  copies: 3");
        Run verify = Run.of("verify", "--policy", threeCopies.toString(), records.resolve("LH2024-001.decision.json").toString());
        assertEquals(CarrierRulesCommand.DECISION_CHANGED, verify.exitCode(), verify.err());
        readme.assertQuotes("核验", verify.out().replace(records.toString(), "records"));

        Run rules = Run.of("rules");
        assertEquals(0, rules.exitCode(), rules.err());
        readme.assertQuotes("规则列表", rules.out());

        readme.assertEveryOutputHeld();
    }

    private static Path copy(Path temp, String name) {
        Path copy = temp.resolve(name);
        assertEquals(0, Run.of("init", copy.toString()).exitCode());
        return copy;
    }
}

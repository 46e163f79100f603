package org.carrierrules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.carrierrules.PolicyCopies;

/**
 * The policy staff's guide (docs/policy-staff-guide.md) quotes what the commands print: a fresh copy's check, the
 * worked example of section 四 (a new rule, its code, a failing scenario, the policy kept out of service, the
 * scenario updated, the coverage) and the broken copy of section 七. Staff compare their screen with these, so this
 * test follows the guide's steps, making the guide's own edits from its blocks, and holds every quoted output to
 * the command's, rule and scenario counts included: when the bundled policy or a message changes, it fails until
 * the guide says what the commands now print. Section 七's bases that no longer fit (a material added) are followed
 * the same way, to the directory whose scenarios pass again.
 */
class PolicyStaffGuideOutputTest {
    private static final Path GUIDE = Path.of("../docs/policy-staff-guide.md");
    private static final String SAMPLE = "data/luohu-2024/applications.json";

    @Test
    void theWorkedExamplePrintsWhatTheGuideQuotes(@TempDir Path temp) throws IOException {
        QuotedBlocks guide = QuotedBlocks.of(GUIDE);
        Path policy = temp.resolve("my-policy");
        String dir = policy.toString();

        Run init = Run.of("init", dir);
        assertEquals(0, init.exitCode(), init.err());
        guide.assertQuotes("复制", init.out().replace(dir, "my-policy"));
        Run fresh = Run.of("check", dir);
        assertEquals(0, fresh.exitCode(), fresh.err());
        guide.assertQuotes("检查副本", fresh.out().replace(dir, "my-policy"));

        // 四, 例子: the rule after the rule 未提交纸质材料, its code declared in codes.yaml.
        Path paperCopy = policy.resolve("rules/materials/paper-copy.dslr");
        String rules = Files.readString(paperCopy, StandardCharsets.UTF_8);
        int end = rules.indexOf("\nend\n", rules.indexOf("rule \"未提交纸质材料\"")) + "\nend\n".length();
        Files.writeString(paperCopy, rules.substring(0, end) + "\n" + guide.block(QuotedBlocks.EDIT, "新规则")
                + rules.substring(end), StandardCharsets.UTF_8);
        Files.writeString(policy.resolve("codes.yaml"), guide.block(QuotedBlocks.EDIT, "codes.yaml"), StandardCharsets.UTF_8);

        Run check = Run.of("check", dir);
        assertEquals(0, check.exitCode(), check.out() + check.err());
        guide.assertQuotes("例子-检查", check.out().replace(dir, "my-policy"));
        assertNotEquals(fingerprint(fresh.out()), fingerprint(check.out()), "the guide says the new rule changes the fingerprint");

        Run failing = Run.of("test", dir);
        assertEquals(CarrierRulesCommand.SCENARIOS_FAILED, failing.exitCode(), failing.err());
        guide.assertQuotes("例子-测试未通过", failing.out());

        Run refused = Run.of("assess", "--format", "text", "--policy", dir, SAMPLE);
        assertEquals(CarrierRulesCommand.POLICY_BROKEN, refused.exitCode());
        assertEquals("", refused.out());
        guide.assertQuotes("例子-未投入使用", refused.err().replace(dir, "my-policy"));

        // The scenario with its new expectation, in place of the old one.
        Path scenarios = policy.resolve("scenarios/materials.yaml");
        String yaml = Files.readString(scenarios, StandardCharsets.UTF_8);
        String updated = guide.block(QuotedBlocks.EDIT, "场景");
        int from = yaml.indexOf(updated.lines().findFirst().orElseThrow() + "\n");
        int to = yaml.indexOf("\n  - name:", from) + 1;
        Files.writeString(scenarios, yaml.substring(0, from) + updated + yaml.substring(to), StandardCharsets.UTF_8);

        Run passing = Run.of("test", "--coverage", dir);
        assertEquals(0, passing.exitCode(), passing.out() + passing.err());
        guide.assertQuotes("例子-测试与覆盖", passing.out());

        Run assess = Run.of("assess", "--format", "text", "--policy", dir, SAMPLE);
        assertEquals(0, assess.exitCode(), assess.err());
        guide.assertQuotesPart("例子-受理审查", assess.out());
        Run supervise = Run.of("supervise", "--as-of", "2024-12-31", "--format", "text", "--policy", dir, "data/carriers-2024.json");
        assertEquals(0, supervise.exitCode(), supervise.err());

        guide.assertQuotes("检查未通过", brokenCheck(temp, guide));
        factsExample(temp, guide);
        newMaterial(temp, guide);
        templatesExample(temp, guide);
        guide.assertEveryOutputHeld();
    }

    /** 九: the contact template edited as the guide shows, then a placeholder misspelled in the 补正 notice's template. */
    private static void templatesExample(Path temp, QuotedBlocks guide) throws IOException {
        Path policy = temp.resolve("wording").resolve("my-policy");
        String dir = policy.toString();
        assertEquals(0, Run.of("init", dir).exitCode());
        write(policy, "templates/contact.mustache", guide.block(QuotedBlocks.EDIT, "联系方式"));
        Run assess = Run.of("assess", "--format", "text", "--policy", dir, "data/one-application.json");
        assertEquals(0, assess.exitCode(), assess.err());
        guide.assertQuotesPart("文书-补正通知", assess.out());

        PolicyCopies.edit(policy, "templates/supplement-notice.mustache", "{{applicationId}}", "{{applicatonId}}");
        Run check = Run.of("check", dir);
        assertEquals(CarrierRulesCommand.POLICY_BROKEN, check.exitCode());
        guide.assertQuotes("文书-检查", check.out().replace(dir, "my-policy"));
    }

    /**
     * 四, the worked example of a criterion of staff's own: a declared fact, a parameter, a rule in a file of its own and
     * its code, the scenarios refused until the base carries the fact, two scenarios at the boundary, and coverage.
     */
    private static void factsExample(Path temp, QuotedBlocks guide) throws IOException {
        Path policy = temp.resolve("facts-example").resolve("my-policy");
        String dir = policy.toString();
        assertEquals(0, Run.of("init", dir).exitCode());
        write(policy, "facts.yaml", guide.block(QuotedBlocks.EDIT, "facts.yaml"));
        write(policy, "parameters.yaml", guide.block(QuotedBlocks.EDIT, "parameters.yaml"));
        write(policy, "rules/eligibility/studio.dslr", guide.block(QuotedBlocks.EDIT, "studio.dslr"));
        Run undeclared = Run.of("check", dir);
        assertEquals(CarrierRulesCommand.POLICY_BROKEN, undeclared.exitCode());
        assertTrue(undeclared.out().contains("rules/eligibility/studio.dslr 第8行：代码 TOO_FEW_APPRENTICES 不在代码目录中"),
                undeclared::out);
        write(policy, "codes.yaml", guide.block(QuotedBlocks.EDIT, "事实例子-codes.yaml"));

        Run check = Run.of("check", dir);
        assertEquals(0, check.exitCode(), check.out() + check.err());
        guide.assertQuotes("事实例子-检查", check.out().replace(dir, "my-policy"));

        Run failing = Run.of("test", dir);
        assertEquals(CarrierRulesCommand.SCENARIOS_FAILED, failing.exitCode(), failing.err());
        guide.assertQuotes("事实例子-测试未通过", failing.out());

        // The base studio application gets the fact, under its carrierType line.
        String base = "    carrierType: SKILL_MASTER_STUDIO\n";
        PolicyCopies.edit(policy, "scenarios/bases.yaml", "    id: 场景-技能大师工作室\n" + base,
                "    id: 场景-技能大师工作室\n" + base + guide.block(QuotedBlocks.EDIT, "样例的事实"));
        write(policy, "scenarios/studio.yaml", guide.block(QuotedBlocks.EDIT, "studio.yaml"));
        Run passing = Run.of("test", "--coverage", dir);
        assertEquals(0, passing.exitCode(), passing.out() + passing.err());
        guide.assertQuotes("事实例子-测试与覆盖", passing.out());
    }

    private static void write(Path policy, String file, String content) throws IOException {
        Files.writeString(policy.resolve(file), content, StandardCharsets.UTF_8);
    }

    /**
     * 七, 样例不再符合本政策时: a material every carrier type must hand in, added to the list, fails the scenarios under
     * the three application bases, listed once per base; the material added to each base, as the guide shows, leaves
     * the one scenario that added a sixth material where the new one now is, and that one fixed, all pass.
     */
    private static void newMaterial(Path temp, QuotedBlocks guide) throws IOException {
        Path policy = temp.resolve("new-material");
        assertEquals(0, Run.of("init", policy.toString()).exitCode());
        PolicyCopies.edit(policy, "materials.yaml", "  RURAL_TRAINING_PLAN: 涉农培训帮扶方案\n",
                "  RURAL_TRAINING_PLAN: 涉农培训帮扶方案\n  SAFETY_CERT: 安全生产证明材料\n");
        PolicyCopies.edit(policy, "materials.yaml", "TRAINING_RECORD]", "TRAINING_RECORD, SAFETY_CERT]");
        Run failing = Run.of("test", policy.toString());
        assertEquals(CarrierRulesCommand.SCENARIOS_FAILED, failing.exitCode(), failing.err());
        guide.assertQuotes("新增材料", failing.out());

        String added = guide.block(QuotedBlocks.EDIT, "样例");
        for (String last : List.of("FACULTY, fileName: 师资队伍情况.pdf", "STUDIO_PLAN, fileName: 工作室建设方案.pdf",
                "RURAL_TRAINING_PLAN, fileName: 涉农培训帮扶方案.pdf")) {
            String line = "      - {code: " + last + ", format: PDF, sealed: true, legible: true, pagesComplete: true, skewed: false}\n";
            PolicyCopies.edit(policy, "scenarios/bases.yaml", line, line + added);
        }
        Run one = Run.of("test", policy.toString());
        assertEquals(CarrierRulesCommand.SCENARIOS_FAILED, one.exitCode(), one.err());
        assertEquals(1, one.out().lines().filter(l -> l.startsWith("失败  ")).count(), one.out());
        guide.assertQuotesPart("改正样例后", one.out());

        PolicyCopies.edit(policy, "scenarios/materials.yaml", "materials[5]: {code: AWARD_CERTIFICATES", "materials[6]: {code: AWARD_CERTIFICATES");
        Run passing = Run.of("test", policy.toString());
        assertEquals(0, passing.exitCode(), passing.out());
    }

    /**
     * 三, 评审细则: the guide's byCarrierType example, added to a fresh copy's rubric.yaml, checks; and, as the guide
     * says, the studio scenarios, still scored on the common items, fail until they use the studio's.
     */
    @Test
    void theGuidesPerTypeRubricChecksAndAsksTheStudioScenariosForTheStudioItems(@TempDir Path temp) throws IOException {
        QuotedBlocks guide = QuotedBlocks.of(GUIDE);
        Path policy = temp.resolve("my-policy");
        assertEquals(0, Run.of("init", policy.toString()).exitCode());
        Files.writeString(policy.resolve("rubric.yaml"), "\n" + guide.block(QuotedBlocks.EDIT, "按载体类型的评分表"), StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);

        Run check = Run.of("check", policy.toString());
        assertEquals(0, check.exitCode(), check.out() + check.err());
        Run test = Run.of("test", policy.toString());
        assertEquals(CarrierRulesCommand.SCENARIOS_FAILED, test.exitCode(), test.out() + test.err());
        assertTrue(test.out().contains("reviews[场景-甲].expertScores[E1].items.FACULTY"), test.out());
    }

    private static String fingerprint(String checkOutput) {
        Matcher fingerprint = Pattern.compile("sha256:[0-9a-f]{64}").matcher(checkOutput);
        assertTrue(fingerprint.find(), checkOutput);
        return fingerprint.group();
    }

    /**
     * 七: the copy broken as the guide says (a quota written 两家 and {@code copies} misspelled, {@code System.exit(0);}
     * in a rule, a condition mistyped, {@code {本轮}} in a supervision message), checked: both mistakes of round.yaml
     * are listed at once. Returns the check's output.
     */
    private static String brokenCheck(Path temp, QuotedBlocks guide) {
        Path broken = temp.resolve("broken");
        assertEquals(0, Run.of("init", broken.toString()).exitCode());
        PolicyCopies.edit(broken, "round.yaml", "SKILL_MASTER_STUDIO: 2", "SKILL_MASTER_STUDIO: 两家");
        PolicyCopies.edit(broken, "round.yaml", "  copies: 2", "  copys: 2");
        PolicyCopies.edit(broken, "rules/eligibility/eligibility.dslr", "：申请单位未依法设立\nend\n",
                "：申请单位未依法设立\n    System.exit(0);\nend\n");
        PolicyCopies.edit(broken, "rules/materials/scans.dslr", "    申报单位未提交该材料\n", "    申报单位没有提交该材料\n");
        PolicyCopies.edit(broken, "rules/supervision/supervision.dslr", "的职责（{载体职责}），应予改正", "的职责（{载体职责}），应予改正（{本轮}）");

        Run check = Run.of("check", broken.toString());
        assertEquals(CarrierRulesCommand.POLICY_BROKEN, check.exitCode());
        assertEquals("", check.err(), "no log of the rule engine: staff mistakes are found before it");
        String printed = check.out().replace(broken.toString(), "broken");
        guide.assertQuotesPart("拼错的句子", printed);
        Run test = Run.of("test", broken.toString());
        assertEquals(CarrierRulesCommand.POLICY_BROKEN, test.exitCode());
        return printed;
    }
}

package org.carrierrules.internal.language;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.carrierrules.CarrierType;
import org.carrierrules.application.Applicant;
import org.carrierrules.application.ApplicantType;
import org.carrierrules.application.Application;
import org.carrierrules.application.FactValues;
import org.carrierrules.internal.facts.AssessedApplication;
import org.carrierrules.internal.facts.FactTest;
import org.carrierrules.internal.facts.RoundParameters;
import org.carrierrules.internal.policy.BundledPolicyFiles;
import org.carrierrules.internal.policy.FactsFile;
import org.carrierrules.internal.policy.PolicyFiles;
import org.carrierrules.policy.PolicyProblem;

/**
 * A policy's own terms for tests of fact sentences: facts of every kind and parameters of every kind, read from
 * {@code facts.yaml} and {@code parameters.yaml} as the loader reads them, and rules checked against them.
 */
final class FactRules {
    /** The day the 2024 round's window closes (四(一): 8月25日). */
    static final LocalDate CLOSES = LocalDate.of(2024, 8, 25);

    static final String FACTS = """
            reference: 测试用的事实
            facts:
              - {key: annualTrainees, label: 年培训人数, type: 整数, unit: 人, clause: 测试 年培训规模, requiredFor: [HIGH_SKILL_TRAINING_BASE]}
              - {key: floorArea, label: 场地面积, type: 小数, unit: 平方米, clause: 测试 场地}
              - {key: onlinePlatform, label: 以线上平台开展培训, type: 是否, clause: 测试 线上平台}
              - {key: onCreditBlacklist, label: 列入失信惩戒名单, type: 是否, clause: 测试 失信惩戒}
              - {key: establishedOn, label: 成立日期, type: 日期, clause: 测试 成立年限}
              - {key: remarks, label: 备注, type: 文本, clause: 测试 备注}
              - key: leaderQualification
                label: 领办人职业资格
                type: 选项
                clause: 测试 领办人
                requiredFor: [SKILL_MASTER_STUDIO]
                choices: {CHIEF_TECHNICIAN: 首席技师, SENIOR_TECHNICIAN: 高级技师, TECHNICIAN: 技师, SENIOR_WORKER: 高级工}
            """;

    static final String PARAMETERS = """
            parameters:
              - name: 最低年培训人数
                type: 整数
                unit: 人
                reference: 测试 按申报单位类型
                values:
                  - {carrierTypes: [HIGH_SKILL_TRAINING_BASE], applicantTypes: [TRAINING_INSTITUTION], value: 1000}
                  - {carrierTypes: [HIGH_SKILL_TRAINING_BASE], applicantTypes: [ENTERPRISE], value: 200}
              - {name: 最短成立年限, type: 整数, unit: 年, reference: 测试 成立年限, value: 2}
              - {name: 最低场地面积, type: 小数, unit: 平方米, reference: 测试 场地, value: 80.5}
              - {name: 成立基准日, type: 日期, reference: 测试 成立, value: "2020-01-01"}
              - {name: 试点开放, type: 是否, reference: 测试 试点, value: true}
            """;

    private FactRules() {
    }

    /** The test facts and parameters, read once: every rule and every evaluation of the tests uses the same. */
    private static final PolicyTerms TERMS = read();

    static PolicyTerms terms() {
        return TERMS;
    }

    private static PolicyTerms read() {
        List<PolicyProblem> problems = new ArrayList<>();
        PolicyFiles files = files(FACTS, PARAMETERS);
        PolicyTerms terms = new PolicyTerms(FactsFile.read(files, problems), RoundParameters.read(files, problems));
        assertEquals(List.of(), problems);
        return terms;
    }

    /** The bundled policy's files with these two. */
    static PolicyFiles files(String facts, String parameters) {
        return BundledPolicyFiles.read().with(FactsFile.PATH, facts.getBytes(StandardCharsets.UTF_8))
                .with("parameters.yaml", parameters.getBytes(StandardCharsets.UTF_8));
    }

    /** A rule of one stage with these sentences under {@code when} and this conclusion; its condition lines begin at 4. */
    static String rule(String when, String then) {
        return "rule \"规则\"\n    @clause(\"测试\")\nwhen\n" + when.lines().map(l -> "    " + l + "\n").reduce("", String::concat)
                + "then\n    " + then + "\nend\n";
    }

    /** A rule of 受理审查 whose finding is a defect. */
    static String assessmentRule(String when, String message) {
        return rule(when, "通知补正，代码 PAPER_COPY_MISSING：" + message);
    }

    static StaffFiles.Result check(String text, Stage stage) {
        List<PolicyProblem> problems = new ArrayList<>();
        RuleTree tree = RuleFileParser.parse(StaffFiles.FILE, text.getBytes(StandardCharsets.UTF_8), problems);
        List<CheckedRule> rules = new RuleChecker(Vocabulary.bundled(), CodeCatalogue.library(), terms()).check(tree, stage, problems);
        return new StaffFiles.Result(rules, problems);
    }

    /** The one sound rule of 受理审查 with these sentences; fails with the problems when it is not sound. */
    static CheckedRule sound(String when) {
        return sound(when, "x");
    }

    static CheckedRule sound(String when, String message) {
        StaffFiles.Result result = check(assessmentRule(when, message), Stage.ASSESSMENT);
        assertEquals(List.of(), result.messages());
        assertEquals(1, result.rules().size());
        return result.rules().get(0);
    }

    /** The problems of a rule of 受理审查 with these sentences, each as {@code line:message}. */
    static List<String> problems(String when, String message) {
        return check(assessmentRule(when, message), Stage.ASSESSMENT).messages();
    }

    static boolean holds(CheckedRule rule, CarrierType carrierType, ApplicantType applicantType, FactValues facts) {
        return rule.test().test(new FactTest.Subject(carrierType, applicantType, facts, CLOSES, terms().parameters()));
    }

    /** Whether the rule's fact sentences hold of a training institution's base carrying {@code facts}. */
    static boolean holds(CheckedRule rule, FactValues facts) {
        return holds(rule, CarrierType.HIGH_SKILL_TRAINING_BASE, ApplicantType.TRAINING_INSTITUTION, facts);
    }

    static Application application(CarrierType carrierType, ApplicantType applicantType, FactValues facts) {
        return new Application("T-1", carrierType, Instant.parse("2024-08-20T02:15:00Z"),
                new Applicant("深圳市罗湖区示例职业培训学校", "52440303MJL177700D", applicantType, true, true, "罗湖区"),
                List.of(), null, null, facts);
    }

    /** The rule's message as a finding shows it for this application. */
    static String message(CheckedRule rule, Application application) {
        AssessedApplication assessed = AssessedApplication.of(application);
        return rule.message().render(variable -> CheckedRule.FACTS.equals(variable) ? assessed : null, null,
                value -> MessageValues.format(value, null));
    }
}

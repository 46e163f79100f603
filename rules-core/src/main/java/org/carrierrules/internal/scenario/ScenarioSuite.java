package org.carrierrules.internal.scenario;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import org.carrierrules.assessment.Acceptance;
import org.carrierrules.allocation.Allocation;
import org.carrierrules.allocation.AllocationEntry;
import org.carrierrules.allocation.AllocationReason;
import org.carrierrules.allocation.AllocationStatus;
import org.carrierrules.assessment.Assessment;
import org.carrierrules.supervision.SupervisionDecision;
import org.carrierrules.assessment.Finding;
import org.carrierrules.supervision.Ground;
import org.carrierrules.InvalidInputException;
import org.carrierrules.policy.PolicyException;
import org.carrierrules.policy.PolicyProblem;
import org.carrierrules.supervision.SupervisionOutcome;
import org.carrierrules.policy.ScenarioReport;
import org.carrierrules.policy.ScenarioResult;
import org.carrierrules.json.AllocationInput;
import org.carrierrules.json.AllocationJson;
import org.carrierrules.json.ApplicationJson;
import org.carrierrules.json.CarrierJson;
import org.carrierrules.internal.tree.Shape;
import org.carrierrules.internal.tree.KeyPath;

/**
 * The scenario tests of a policy directory, OpenFisca-style: {@code scenarios/bases.yaml} names whole,
 * valid inputs in the contract's form (applications, recognised carriers, round submissions); every
 * other {@code scenarios/*.yaml} lists scenarios that take a base, change a few fields and say what
 * must come out:
 * <pre>
 * scenarios:
 *   - name: 个体工商户不在申报对象之内                  # an application (受理, 四(三))
 *     clause: 二
 *     application: 合格的高技能人才培训基地申报
 *     round:                                     # optional: this scenario's round differs from the policy's
 *       carrierTypes.quotas.SKILL_MASTER_STUDIO: 0
 *     change:
 *       applicant.type: INDIVIDUAL_BUSINESS     # a dotted path, list items as materials[2]; ~ removes
 *     expect:
 *       acceptance: NOT_ACCEPTED
 *       codes: [APPLICANT_TYPE_NOT_ELIGIBLE]      # exactly these codes, in any order
 *       messages: [申请单位类型为“个体工商户”，不在本轮申报对象之内]   # each must appear
 *       # or, for input the library must refuse:  error: applicant.creditCode
 *   - name: 连续3年未培训，报请取消认定                # a recognised carrier (五), reviewed as of a date
 *     carrier: 2020年认定的技能大师工作室
 *     asOf: 2024-01-01
 *     change: {trainingActivity.2021: 0, trainingActivity.2022: 0, trainingActivity.2023: 0}
 *     expect: {outcome: REVOKE, codes: [NO_TRAINING_THREE_YEARS]}
 *   - name: 候选单位异议成立，名额空缺                  # a round's candidate list (三, 四(四), 四(五))
 *     submission: 技能大师工作室七家申报
 *     change: {objections: [{applicationId: 场景-甲, upheld: true}]}
 *     expect:
 *       statuses: {场景-甲: REMOVED_BY_OBJECTION, 场景-乙: CANDIDATE}
 *       reasons: {场景-甲: [OBJECTION_UPHELD]}     # exactly these reason codes of that application
 * </pre>
 * In {@code bases.yaml} an application of a submission may be written {@code {from: 样例名, set: {id: …}}}:
 * that application base with the fields in {@code set} changed.
 * <p>
 * The files are read by {@link ScenarioFiles}, which checks every change against the shape of what it
 * changes ({@link InputShapes}) and reports every problem at its line; this class holds what was read and runs it.
 */
public final class ScenarioSuite {
    static final String BASES = "scenarios/bases.yaml";

    /** What a scenario is about: each kind has its base section, its input's shape, its conclusion and the keys it expects. */
    enum Kind {
        APPLICATION("application", "applications", InputShapes.APPLICATION, "acceptance", "受理结论", names(Acceptance.values()),
                Set.of("acceptance", "codes", "messages", "error")),
        CARRIER("carrier", "carriers", InputShapes.CARRIER, "outcome", "跟踪管理结论", names(SupervisionOutcome.values()),
                Set.of("outcome", "codes", "messages", "error")),
        SUBMISSION("submission", "submissions", InputShapes.SUBMISSION, "statuses", "各申报的名单状态",
                names(AllocationStatus.values()), Set.of("statuses", "reasons", "error"));

        final String key;
        final String section;
        final Shape shape;
        final String conclusion;
        final String conclusionLabel;
        final List<String> allowed;
        final Set<String> expectKeys;

        Kind(String key, String section, Shape shape, String conclusion, String conclusionLabel, List<String> allowed,
             Set<String> expectKeys) {
            this.key = key;
            this.section = section;
            this.shape = shape;
            this.conclusion = conclusion;
            this.conclusionLabel = conclusionLabel;
            this.allowed = allowed;
            this.expectKeys = expectKeys;
        }
    }

    /**
     * What must come out. For applications and carriers, {@code conclusion} and {@code codes} are the
     * 受理 or supervision answer and its codes; for a submission, {@code statuses} and {@code reasons} by id.
     */
    record Expectation(String conclusion, List<String> codes, List<String> messages,
                       Map<String, String> statuses, Map<String, List<String>> reasons, String errorField) {
    }

    /** One scenario, read and checked: {@code roundChanges} an object (perhaps empty), {@code input} the base with its changes. */
    record Case(String file, int line, String name, Kind kind, JsonNode roundChanges, JsonNode input,
                LocalDate asOf, Expectation expect) {
    }

    /** What an input came to, whichever stage decided it. */
    private record Outcome(String conclusion, List<String> codes, List<String> messages,
                           Map<String, String> statuses, Map<String, List<String>> reasons, List<String> rules) {
    }

    private final List<Case> cases;

    private ScenarioSuite(List<Case> cases) {
        this.cases = List.copyOf(cases);
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    /**
     * The suite, with a problem added, at its line, for everything malformed in the files: every problem of
     * every file, never an exception ({@link ScenarioFiles}).
     */
    public static ScenarioSuite read(Map<String, byte[]> files, List<PolicyProblem> problems) {
        return new ScenarioSuite(ScenarioFiles.read(files, problems));
    }

    /** Runs every scenario against {@code policy}; counts, for every rule of it, the scenarios it fired in. */
    public ScenarioReport run(ScenarioSubject policy, Collection<String> ruleNames) {
        Map<String, Integer> firings = new TreeMap<>();
        ruleNames.forEach(rule -> firings.put(rule, 0));
        List<ScenarioResult> results = new ArrayList<>();
        for (Case c : cases) {
            ScenarioResult result = run(c, policy);
            result.firedRules().stream().distinct().forEach(rule -> firings.merge(rule, 1, Integer::sum));
            results.add(result);
        }
        return new ScenarioReport(policy.ref(), results, firings);
    }

    private static ScenarioResult run(Case c, ScenarioSubject basePolicy) {
        List<String> failures = new ArrayList<>();
        ScenarioSubject policy = basePolicy;
        if (c.roundChanges().size() > 0) {
            try {
                policy = basePolicy.withRoundChanges(c.roundChanges());
            } catch (PolicyException e) {
                failures.add("round 中的改动使本轮参数无效：" + e.problems());
                return new ScenarioResult(c.file(), c.line(), c.name(), failures, List.of());
            }
        }
        Outcome outcome;
        try {
            outcome = switch (c.kind()) {
                case APPLICATION -> assess(policy, c.input());
                case CARRIER -> review(policy, c.input(), c.asOf());
                case SUBMISSION -> allocate(policy, c.input());
            };
        } catch (InvalidInputException e) {
            if (c.expect().errorField() == null) {
                failures.add("输入被拒绝（字段 " + e.field() + "：" + e.problem() + "），预期应作出结论");
            } else if (!c.expect().errorField().equals(e.field())) {
                failures.add("预期字段 " + c.expect().errorField() + " 有误，实为字段 " + e.field() + "：" + e.problem());
            }
            return new ScenarioResult(c.file(), c.line(), c.name(), failures, List.of());
        }
        compare(c.expect(), outcome, failures);
        return new ScenarioResult(c.file(), c.line(), c.name(), failures, outcome.rules());
    }

    private static void compare(Expectation expect, Outcome outcome, List<String> failures) {
        if (expect.errorField() != null) {
            failures.add("预期字段 " + expect.errorField() + " 的输入应被拒绝，实际作出了结论");
        }
        if (expect.conclusion() != null && !expect.conclusion().equals(outcome.conclusion())) {
            failures.add("结论预期为 " + expect.conclusion() + "，实为 " + outcome.conclusion());
        }
        List<String> codes = outcome.codes().stream().sorted().toList();
        if (expect.codes() != null && !expect.codes().stream().sorted().toList().equals(codes)) {
            failures.add("代码预期为 " + expect.codes() + "，实为 " + codes);
        }
        if (expect.messages() != null) {
            expect.messages().stream().filter(m -> !outcome.messages().contains(m))
                    .forEach(m -> failures.add("没有出现预期的说明“" + m + "”；实际说明为：" + outcome.messages()));
        }
        expect.statuses().forEach((id, status) -> {
            if (!status.equals(outcome.statuses().get(id))) {
                failures.add(id + " 的名单状态预期为 " + status + "，实为 " + outcome.statuses().get(id));
            }
        });
        expect.reasons().forEach((id, reasons) -> {
            List<String> actual = outcome.reasons().getOrDefault(id, List.of()).stream().sorted().toList();
            if (!reasons.stream().sorted().toList().equals(actual)) {
                failures.add(id + " 的理由代码预期为 " + reasons + "，实为 " + actual);
            }
        });
    }

    private static Outcome assess(ScenarioSubject policy, JsonNode application) {
        Assessment a = policy.assess(ApplicationJson.read(application));
        return new Outcome(a.acceptance().name(), a.findings().stream().map(Finding::code).toList(),
                a.findings().stream().map(Finding::message).toList(), Map.of(), Map.of(),
                a.findings().stream().map(Finding::rule).toList());
    }

    private static Outcome review(ScenarioSubject policy, JsonNode carrier, LocalDate asOf) {
        SupervisionDecision r = policy.supervise(CarrierJson.read(carrier), asOf);
        return new Outcome(r.outcome().name(), r.grounds().stream().map(Ground::code).toList(),
                r.grounds().stream().map(Ground::message).toList(), Map.of(), Map.of(),
                r.grounds().stream().map(Ground::rule).toList());
    }

    private static Outcome allocate(ScenarioSubject policy, JsonNode submission) {
        AllocationInput input = AllocationJson.read(submission);
        if (input instanceof AllocationInput.Invalid invalid) {
            throw new InvalidInputException(invalid.errors().get(0).field(), invalid.errors().get(0).message());
        }
        Allocation allocation = policy.allocate(((AllocationInput.Valid) input).submission(), null);
        Map<String, String> statuses = new TreeMap<>();
        Map<String, List<String>> reasons = new TreeMap<>();
        for (AllocationEntry entry : allocation.entries()) {
            statuses.put(entry.applicationId(), entry.status().name());
            reasons.put(entry.applicationId(), entry.reasons().stream().map(AllocationReason::code).toList());
        }
        return new Outcome(null, List.of(), List.of(), statuses, reasons, allocation.firedRules());
    }
}

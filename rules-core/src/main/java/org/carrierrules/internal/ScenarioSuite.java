package org.carrierrules.internal;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.carrierrules.Acceptance;
import org.carrierrules.Allocation;
import org.carrierrules.AllocationEntry;
import org.carrierrules.AllocationReason;
import org.carrierrules.AllocationStatus;
import org.carrierrules.Assessment;
import org.carrierrules.CarrierReview;
import org.carrierrules.Finding;
import org.carrierrules.Ground;
import org.carrierrules.InvalidInputException;
import org.carrierrules.PolicyException;
import org.carrierrules.PolicyProblem;
import org.carrierrules.ReviewOutcome;
import org.carrierrules.ScenarioReport;
import org.carrierrules.ScenarioResult;
import org.carrierrules.json.AllocationInput;
import org.carrierrules.json.AllocationJson;
import org.carrierrules.json.ApplicationJson;
import org.carrierrules.json.CarrierJson;

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
 *       applicant.type: INDIVIDUAL_BUSINESS     # a dotted path; ~ removes the field or list item
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
 */
final class ScenarioSuite {
    static final String BASES = "scenarios/bases.yaml";
    private static final Set<String> SCENARIO_KEYS =
            Set.of("name", "clause", "round", "application", "carrier", "submission", "asOf", "change", "expect");

    /** What a scenario is about: each kind has its base section, its conclusion and the keys it expects. */
    private enum Kind {
        APPLICATION("application", "applications", "acceptance", "受理结论", names(Acceptance.values()),
                Set.of("acceptance", "codes", "messages", "error")),
        CARRIER("carrier", "carriers", "outcome", "跟踪管理结论", names(ReviewOutcome.values()),
                Set.of("outcome", "codes", "messages", "error")),
        SUBMISSION("submission", "submissions", "statuses", "各申报的名单状态", names(AllocationStatus.values()),
                Set.of("statuses", "reasons", "error"));

        final String key;
        final String section;
        final String conclusion;
        final String conclusionLabel;
        final List<String> allowed;
        final Set<String> expectKeys;

        Kind(String key, String section, String conclusion, String conclusionLabel, List<String> allowed,
             Set<String> expectKeys) {
            this.key = key;
            this.section = section;
            this.conclusion = conclusion;
            this.conclusionLabel = conclusionLabel;
            this.allowed = allowed;
            this.expectKeys = expectKeys;
        }

        static Kind of(JsonNode scenario) {
            return scenario.has("carrier") ? CARRIER : scenario.has("submission") ? SUBMISSION : APPLICATION;
        }
    }

    /**
     * What must come out. For applications and carriers, {@code conclusion} and {@code codes} are the
     * 受理 or supervision answer and its codes; for a submission, {@code statuses} and {@code reasons} by id.
     */
    private record Expectation(String conclusion, List<String> codes, List<String> messages,
                               Map<String, String> statuses, Map<String, List<String>> reasons, String errorField) {
    }

    private record Case(String file, int line, String name, Kind kind, JsonNode roundChanges, JsonNode input,
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

    /** The suite, with a problem added for everything malformed in the files. */
    static ScenarioSuite read(Map<String, byte[]> files, List<PolicyProblem> problems) {
        Map<Kind, Map<String, JsonNode>> bases = new HashMap<>();
        for (Kind kind : Kind.values()) {
            bases.put(kind, new HashMap<>());
        }
        if (files.containsKey(BASES)) {
            JsonNode tree = YamlData.tree(BASES, files.get(BASES), problems);
            if (tree != null) {
                for (Kind kind : Kind.values()) {
                    tree.path(kind.section).fields().forEachRemaining(e -> bases.get(kind).put(e.getKey(), e.getValue()));
                }
                bases.get(Kind.SUBMISSION).replaceAll((name, submission) ->
                        withApplicationsResolved(name, submission, bases.get(Kind.APPLICATION), problems));
            }
        }
        List<Case> cases = new ArrayList<>();
        files.forEach((path, bytes) -> {
            if (!path.equals(BASES)) {
                readFile(path, bytes, bases, cases, problems);
            }
        });
        return new ScenarioSuite(cases);
    }

    /** A submission whose applications written {@code {from, set}} are replaced by the named base, changed. */
    private static JsonNode withApplicationsResolved(String name, JsonNode submission, Map<String, JsonNode> applications,
                                                     List<PolicyProblem> problems) {
        JsonNode copy = submission.deepCopy();
        JsonNode list = copy.path("applications");
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            if (!item.has("from")) {
                continue;
            }
            JsonNode base = applications.get(item.path("from").asText());
            if (base == null) {
                problems.add(new PolicyProblem(BASES, 0, "申报批次“" + name + "”第" + (i + 1) + "份申报的 from“"
                        + item.path("from").asText() + "”不是 applications 中的样例名称"));
                continue;
            }
            List<String> wrong = new ArrayList<>();
            ((ArrayNode) list).set(i, changed(base, item.path("set"), wrong));
            int position = i + 1;
            wrong.forEach(w -> problems.add(new PolicyProblem(BASES, 0, "申报批次“" + name + "”第" + position + "份申报：" + w)));
        }
        return copy;
    }

    private static void readFile(String path, byte[] bytes, Map<Kind, Map<String, JsonNode>> bases, List<Case> cases,
                                 List<PolicyProblem> problems) {
        JsonNode tree = YamlData.tree(path, bytes, problems);
        if (tree == null) {
            return;
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        JsonNode list = tree.path("scenarios");
        if (!list.isArray()) {
            problems.add(new PolicyProblem(path, 0, "场景文件应以 scenarios: 开头，下列若干场景（每个以“- name:”开始）"));
            return;
        }
        for (JsonNode scenario : list) {
            String name = scenario.path("name").asText("");
            int line = lineOf(text, name);
            Kind kind = Kind.of(scenario);
            List<String> wrong = new ArrayList<>();
            unknownKeys(scenario, SCENARIO_KEYS, "", wrong);
            unknownKeys(scenario.path("expect"), kind.expectKeys, "expect.", wrong);
            if (name.isBlank()) {
                wrong.add("场景缺少 name（场景名称）");
            }
            JsonNode base = base(bases.get(kind), kind, scenario.path(kind.key).asText(""), wrong);
            LocalDate asOf = kind == Kind.CARRIER ? asOf(scenario.path("asOf"), wrong) : null;
            Expectation expect = expectation(scenario.path("expect"), kind, wrong);
            JsonNode input = base == null ? null : changed(base, scenario.path("change"), wrong);
            if (wrong.isEmpty()) {
                cases.add(new Case(path, line, name, kind, scenario.path("round"), input, asOf, expect));
            } else {
                wrong.forEach(w -> problems.add(new PolicyProblem(path, line, "场景“" + name + "”：" + w)));
            }
        }
    }

    private static JsonNode base(Map<String, JsonNode> named, Kind kind, String name, List<String> wrong) {
        JsonNode base = named.get(name);
        if (base == null) {
            wrong.add(kind.key + " 应为 " + BASES + " 中 " + kind.section + " 下的样例名称，“" + name + "”不存在；可用的有："
                    + String.join("、", new TreeSet<>(named.keySet())));
        }
        return base;
    }

    private static void unknownKeys(JsonNode node, Set<String> known, String prefix, List<String> wrong) {
        for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!known.contains(key)) {
                wrong.add("不认识的键“" + prefix + key + "”，可用的键为：" + String.join("、", new TreeSet<>(known)));
            }
        }
    }

    private static LocalDate asOf(JsonNode date, List<String> wrong) {
        try {
            return LocalDate.parse(date.asText());
        } catch (DateTimeException e) {
            wrong.add("关于已认定载体的场景须写 asOf（评估日，如 2024-12-31），实为“" + date.asText() + "”");
            return null;
        }
    }

    private static Expectation expectation(JsonNode expect, Kind kind, List<String> wrong) {
        if (!expect.isObject()) {
            wrong.add("缺少 expect（预期结果）");
            return null;
        }
        String error = expect.has("error") ? expect.path("error").asText() : null;
        if (!expect.has(kind.conclusion) && error == null && wrong.isEmpty()) {
            wrong.add("expect 须写明 " + kind.conclusion + "（" + kind.conclusionLabel + "）或 error（应被拒绝的输入字段）");
        }
        Map<String, String> statuses = new TreeMap<>();
        Map<String, List<String>> reasons = new TreeMap<>();
        String conclusion = null;
        if (kind == Kind.SUBMISSION) {
            expect.path("statuses").fields().forEachRemaining(e -> statuses.put(e.getKey(), allowed(e.getValue().asText(), kind, wrong)));
            expect.path("reasons").fields().forEachRemaining(e -> reasons.put(e.getKey(), texts(e.getValue())));
        } else if (expect.has(kind.conclusion)) {
            conclusion = allowed(expect.path(kind.conclusion).asText(), kind, wrong);
        }
        return new Expectation(conclusion, texts(expect.get("codes")), texts(expect.get("messages")), statuses, reasons, error);
    }

    private static String allowed(String value, Kind kind, List<String> wrong) {
        if (!kind.allowed.contains(value)) {
            wrong.add("expect." + kind.conclusion + " 的值应为 " + String.join("、", kind.allowed) + " 之一，实为“" + value + "”");
        }
        return value;
    }

    private static List<String> texts(JsonNode array) {
        if (array == null) {
            return null;
        }
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    /** The base with each change applied: {@code a.b[2].c: value} sets, {@code ~} removes. */
    private static JsonNode changed(JsonNode base, JsonNode changes, List<String> wrong) {
        JsonNode copy = base.deepCopy();
        changes.fields().forEachRemaining(change -> {
            String problem = FieldPath.apply(copy, change.getKey(), change.getValue());
            if (problem != null) {
                wrong.add("change 中的“" + change.getKey() + "”：" + problem);
            }
        });
        return copy;
    }

    private static int lineOf(String text, String name) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains("name:") && lines[i].contains(name)) {
                return i + 1;
            }
        }
        return 0;
    }

    /** Runs every scenario against {@code policy}; counts, for every rule of it, the scenarios it fired in. */
    ScenarioReport run(LoadedPolicy policy, Collection<String> ruleNames) {
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

    private static ScenarioResult run(Case c, LoadedPolicy basePolicy) {
        List<String> failures = new ArrayList<>();
        LoadedPolicy policy = basePolicy;
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

    private static Outcome assess(LoadedPolicy policy, JsonNode application) {
        Assessment a = policy.assess(ApplicationJson.read(application));
        return new Outcome(a.acceptance().name(), a.findings().stream().map(Finding::code).toList(),
                a.findings().stream().map(Finding::message).toList(), Map.of(), Map.of(),
                a.findings().stream().map(Finding::rule).toList());
    }

    private static Outcome review(LoadedPolicy policy, JsonNode carrier, LocalDate asOf) {
        CarrierReview r = policy.review(CarrierJson.read(carrier), asOf);
        return new Outcome(r.outcome().name(), r.grounds().stream().map(Ground::code).toList(),
                r.grounds().stream().map(Ground::message).toList(), Map.of(), Map.of(),
                r.grounds().stream().map(Ground::rule).toList());
    }

    private static Outcome allocate(LoadedPolicy policy, JsonNode submission) {
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

    /** Dotted paths into a JSON tree, for scenario changes. */
    static final class FieldPath {
        private FieldPath() {
        }

        /** Applies one change; returns what is wrong with the path, or null. */
        static String apply(JsonNode root, String path, JsonNode value) {
            List<Object> steps = new ArrayList<>();
            for (String part : path.split("\\.")) {
                int bracket = part.indexOf('[');
                steps.add(bracket < 0 ? part : part.substring(0, bracket));
                while (bracket >= 0) {
                    int close = part.indexOf(']', bracket);
                    if (close < 0) {
                        return "方括号没有配对";
                    }
                    try {
                        steps.add(Integer.parseInt(part.substring(bracket + 1, close)));
                    } catch (NumberFormatException e) {
                        return "方括号中应为序号（从0起）";
                    }
                    bracket = part.indexOf('[', close);
                }
            }
            JsonNode parent = root;
            for (int i = 0; i < steps.size() - 1; i++) {
                Object step = steps.get(i);
                parent = step instanceof Integer index ? parent.path(index) : parent.path((String) step);
                if (parent.isMissingNode() || parent.isNull()) {
                    return "样例中没有“" + step + "”这一项";
                }
            }
            Object last = steps.get(steps.size() - 1);
            boolean remove = value == null || value.isNull();
            if (last instanceof Integer index) {
                if (!(parent instanceof ArrayNode array) || index >= array.size() + (remove ? 0 : 1)) {
                    return "序号 " + index + " 超出范围";
                }
                if (remove) {
                    array.remove(index);
                } else if (index == array.size()) {
                    array.add(value);
                } else {
                    array.set(index, value);
                }
            } else if (parent instanceof ObjectNode object) {
                if (remove) {
                    object.remove((String) last);
                } else {
                    object.set((String) last, value == null ? JsonNodeFactory.instance.nullNode() : value);
                }
            } else {
                return "“" + last + "”的上一级不是对象";
            }
            return null;
        }
    }
}

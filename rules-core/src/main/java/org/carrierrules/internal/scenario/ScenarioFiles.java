package org.carrierrules.internal.scenario;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import org.carrierrules.internal.policy.LocatedTree;
import org.carrierrules.internal.tree.DateTexts;
import org.carrierrules.internal.tree.Shape;
import org.carrierrules.internal.tree.Texts;
import org.carrierrules.policy.PolicyProblem;

/**
 * Reads the scenario tests of a policy directory, OpenFisca-style: {@code scenarios/bases.yaml} names whole,
 * valid inputs in the contract's form ({@link BasesFile}); every other {@code scenarios/*.yaml} lists scenarios
 * that take a base, change a few fields and say what must come out:
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
 * The files are untrusted input: written by hand, by anyone who edits the directory. Every problem is a
 * {@link PolicyProblem} at the line the YAML parser gives for it ({@link LocatedTree}), never an exception;
 * every problem of a file is reported, and the other files are still read. What each kind of scenario may
 * expect, and how it is decided, is its {@link ScenarioKind}'s; every change is checked by {@link Changes}.
 */
final class ScenarioFiles {
    private static final Set<String> SCENARIO_KEYS =
            Set.of("name", "clause", "round", "application", "carrier", "submission", "asOf", "change", "expect");
    private static final JsonPointer TOP = JsonPointer.empty();

    private final BasesFile bases;
    /** Where each scenario name was first used. */
    private final Map<String, Where> names = new HashMap<>();
    private final List<Scenario> scenarios = new ArrayList<>();

    private ScenarioFiles(BasesFile bases) {
        this.bases = bases;
    }

    /** Where a scenario's name is written. */
    private record Where(String file, int line) {
    }

    /** What a scenario's {@code expect:} says: the field its input must be refused for (or null), and its kind's check. */
    private record Expected(String errorField, Check check) {
    }

    /** Every scenario without a problem; a problem added, at its line, for everything malformed in the files. */
    static List<Scenario> read(Map<String, byte[]> files, List<PolicyProblem> problems) {
        BasesFile bases = BasesFile.none();
        if (files.containsKey(BasesFile.PATH)) {
            List<PolicyProblem> found = new ArrayList<>();
            bases = BasesFile.read(files.get(BasesFile.PATH), found);
            addByLine(found, problems);
        }
        ScenarioFiles reading = new ScenarioFiles(bases);
        files.forEach((path, bytes) -> {
            if (!path.equals(BasesFile.PATH)) {
                List<PolicyProblem> found = new ArrayList<>();
                reading.readFile(path, bytes, found);
                addByLine(found, problems);
            }
        });
        return List.copyOf(reading.scenarios);
    }

    /** A file's problems in the order of its lines, those about the file as a whole first; as found within a line. */
    private static void addByLine(List<PolicyProblem> found, List<PolicyProblem> problems) {
        found.sort(Comparator.comparingInt(PolicyProblem::line));
        problems.addAll(found);
    }

    private void readFile(String path, byte[] bytes, List<PolicyProblem> found) {
        LocatedTree tree = LocatedTree.read(path, bytes, found);
        if (tree == null) {
            return;
        }
        ScenarioProblems file = new ScenarioProblems(path, tree, found);
        JsonNode list = tree.root().path("scenarios");
        if (!list.isArray()) {
            file.add(list.isMissingNode() ? null : TOP.appendProperty("scenarios"),
                    "场景文件应以 scenarios: 开头，下列若干场景（每个以“- name:”开始）");
            return;
        }
        for (Iterator<String> keys = tree.root().fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!key.equals("scenarios")) {
                file.add(TOP.appendProperty(key), "不认识的键“" + Texts.abbreviate(key) + "”：场景文件只有 scenarios: 一节");
            }
        }
        for (int i = 0; i < list.size(); i++) {
            readScenario(path, list.get(i), TOP.appendProperty("scenarios").appendIndex(i), i, file);
        }
    }

    private void readScenario(String path, JsonNode scenario, JsonPointer at, int position, ScenarioProblems file) {
        if (!scenario.isObject()) {
            file.add(at, "第" + (position + 1) + "个场景应为若干“键: 值”，以“- name: 场景名称”开始，实为" + Shape.kind(scenario));
            return;
        }
        int line = file.line(at);
        String name = scenario.path("name").isValueNode() ? scenario.path("name").asText("") : "";
        ScenarioProblems wrong = file.about("场景“" + Texts.abbreviate(name) + "”：", line);
        ScenarioKind kind = kindOf(scenario);
        unknownKeys(scenario, SCENARIO_KEYS, "", wrong);
        unknownKeys(scenario.path("expect"), kind.expectKeys(), "expect.", wrong);
        if (name.isBlank()) {
            wrong.here("场景缺少 name（场景名称）");
        } else {
            Where first = names.putIfAbsent(name, new Where(path, file.line(at.appendProperty("name"))));
            if (first != null) {
                wrong.add(at.appendProperty("name"), "名称与" + (first.file().equals(path) ? "本文件" : " " + first.file() + " ")
                        + "第" + first.line() + "行的场景重复：每个场景须有自己的名称，测试结果按名称报告");
            }
        }
        List<String> given = ScenarioKind.ALL.stream().map(ScenarioKind::key).filter(scenario::has).toList();
        if (given.size() > 1) {
            wrong.add(at.appendProperty(given.get(1)), "application、carrier、submission 只能写其中一个（以哪份样例为基础），本场景写了 "
                    + String.join("、", given));
        }
        Base base = base(scenario, kind, at, wrong);
        LocalDate asOf = asOf(scenario, kind, at, wrong);
        Expected expect = expectation(scenario.path("expect"), kind, asOf, at.appendProperty("expect"), wrong);
        String errorField = expect == null ? null : expect.errorField();
        JsonNode round = changesOf(scenario, "round", at, wrong);
        Changes.apply(round, at.appendProperty("round"), InputShapes.ROUND, null, null, "round 中", wrong);
        JsonNode input = base == null ? null : base.input().deepCopy();
        JsonNode change = changesOf(scenario, "change", at, wrong);
        Changes.apply(change, at.appendProperty("change"), kind.shape(), input, errorField, "change 中", wrong);
        if (wrong.none()) {
            scenarios.add(new Scenario(path, line, name, round, base, input, errorField, expect.check()));
        }
    }

    private static ScenarioKind kindOf(JsonNode scenario) {
        return scenario.has("carrier") ? ScenarioKind.CARRIER
                : scenario.has("submission") ? ScenarioKind.SUBMISSION : ScenarioKind.APPLICATION;
    }

    private static void unknownKeys(JsonNode node, Set<String> known, String prefix, ScenarioProblems wrong) {
        for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!known.contains(key)) {
                wrong.here("不认识的键“" + prefix + Texts.abbreviate(key) + "”，可用的键为：" + String.join("、", new TreeSet<>(known)));
            }
        }
    }

    private Base base(JsonNode scenario, ScenarioKind kind, JsonPointer at, ScenarioProblems wrong) {
        JsonNode reference = scenario.get(kind.key());
        if (reference == null || reference.isNull()) {
            wrong.here("缺少 application（以 " + BasesFile.PATH + " 中哪份申报样例为基础）；关于已认定载体的场景写 carrier，关于一轮名单的写 submission");
            return null;
        }
        if (!reference.isValueNode()) {
            wrong.add(at.appendProperty(kind.key()), kind.key() + " 应为 " + BasesFile.PATH + " 中 " + kind.section() + " 下的样例名称，实为"
                    + Shape.kind(reference));
            return null;
        }
        String name = reference.asText();
        Map<String, Base> named = bases.named(kind);
        Base base = named.get(name);
        if (base == null) {
            wrong.here(kind.key() + " 应为 " + BasesFile.PATH + " 中 " + kind.section() + " 下的样例名称，“" + Texts.abbreviate(name)
                    + "”不存在；可用的有：" + String.join("、", new TreeSet<>(named.keySet())));
        }
        return base;
    }

    /** The date a carrier is supervised as of (五); the other kinds have none. */
    private static LocalDate asOf(JsonNode scenario, ScenarioKind kind, JsonPointer at, ScenarioProblems wrong) {
        JsonNode date = scenario.get("asOf");
        if (kind != ScenarioKind.CARRIER) {
            if (date != null) {
                wrong.add(at.appendProperty("asOf"), "asOf（评估日）只用于关于已认定载体（carrier）的场景");
            }
            return null;
        }
        if (date == null || !date.isTextual()) {
            wrong.add(date == null ? at : at.appendProperty("asOf"), "关于已认定载体的场景须写 asOf（评估日，如 2024-12-31），实为“"
                    + (date == null ? "" : Texts.abbreviate(date.asText())) + "”");
            return null;
        }
        String problem = DateTexts.dateProblem(date.textValue());
        if (problem != null) {
            wrong.add(at.appendProperty("asOf"), "asOf（评估日）" + problem);
            return null;
        }
        return LocalDate.parse(date.textValue());
    }

    /** The scenario's expect, or null (with a problem) when there is none to read. */
    private static Expected expectation(JsonNode expect, ScenarioKind kind, LocalDate asOf, JsonPointer at, ScenarioProblems wrong) {
        if (expect.isMissingNode() || expect.isNull()) {
            wrong.here("缺少 expect（预期结果）");
            return null;
        }
        if (!expect.isObject()) {
            wrong.add(at, "expect（预期结果）应为若干“键: 值”，如 expect: {" + kind.conclusion() + ": …}，实为" + Shape.kind(expect));
            return null;
        }
        String error = null;
        if (expect.has("error")) {
            JsonNode field = expect.get("error");
            if (field.isTextual() && !field.textValue().isBlank()) {
                error = field.textValue();
            } else {
                wrong.add(at.appendProperty("error"), "expect.error 应为应被拒绝的输入字段，如 applicant.creditCode，实为" + Shape.kind(field));
            }
        }
        if (!expect.has(kind.conclusion()) && !expect.has("error") && wrong.none()) {
            wrong.here("expect 须写明 " + kind.conclusion() + "（" + kind.conclusionLabel() + "）或 error（应被拒绝的输入字段）");
        }
        return new Expected(error, kind.check(new Expect(expect, at, wrong), asOf));
    }

    /** The scenario's {@code change} or {@code round}: an object of path to value, empty when absent. */
    private static JsonNode changesOf(JsonNode scenario, String key, JsonPointer at, ScenarioProblems wrong) {
        JsonNode changes = scenario.get(key);
        if (changes == null || changes.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!changes.isObject()) {
            wrong.add(at.appendProperty(key), key + " 应为若干“改动路径: 新值”（如 applicant.type: ENTERPRISE），实为" + Shape.kind(changes));
            return JsonNodeFactory.instance.objectNode();
        }
        return changes;
    }
}

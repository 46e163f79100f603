package org.carrierrules.internal.scenario;

import static org.carrierrules.internal.scenario.ScenarioSuite.BASES;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import org.carrierrules.policy.PolicyProblem;
import org.carrierrules.internal.tree.KeyPath.Step;
import org.carrierrules.internal.scenario.ScenarioSuite.Case;
import org.carrierrules.internal.scenario.ScenarioSuite.Expectation;
import org.carrierrules.internal.scenario.ScenarioSuite.Kind;
import org.carrierrules.internal.tree.DateTexts;
import org.carrierrules.internal.policy.FileProblems;
import org.carrierrules.internal.policy.LocatedTree;
import org.carrierrules.internal.tree.Shape;
import org.carrierrules.internal.tree.Texts;
import org.carrierrules.internal.tree.KeyPath;

/**
 * Reads the scenario files of a policy directory ({@code scenarios/bases.yaml} and every other
 * {@code scenarios/*.yaml}) as the untrusted input they are: written by hand, by anyone who edits the
 * directory. Every problem is a {@link PolicyProblem} at the line the YAML parser gives for it
 * ({@link LocatedTree}), never an exception; every problem of a file is reported, and the other files
 * are still read. A change is checked against the shape of what it changes ({@link InputShapes}) when the
 * file is read, not found out when the scenario runs.
 */
final class ScenarioFiles {
    private static final Set<String> SCENARIO_KEYS =
            Set.of("name", "clause", "round", "application", "carrier", "submission", "asOf", "change", "expect");
    private static final Set<String> FROM_KEYS = Set.of("from", "set");
    private static final JsonPointer TOP = JsonPointer.empty();

    private ScenarioFiles() {
    }

    /** The named bases of each kind, and where each scenario name was first used. */
    private record Reading(Map<Kind, Map<String, JsonNode>> bases, Map<String, Where> names, List<Case> cases,
                           List<PolicyProblem> problems) {
    }

    /** Where a scenario's name is written. */
    private record Where(String file, int line) {
    }

    static List<Case> read(Map<String, byte[]> files, List<PolicyProblem> problems) {
        Map<Kind, Map<String, JsonNode>> bases = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            bases.put(kind, new LinkedHashMap<>());
        }
        Reading reading = new Reading(bases, new HashMap<>(), new ArrayList<>(), problems);
        if (files.containsKey(BASES)) {
            readBases(files.get(BASES), reading);
        }
        files.forEach((path, bytes) -> {
            if (!path.equals(BASES)) {
                readFile(path, bytes, reading);
            }
        });
        return reading.cases();
    }

    // ---------------------------------------------------------------- bases.yaml

    private static void readBases(byte[] bytes, Reading reading) {
        List<PolicyProblem> found = new ArrayList<>();
        readBases(bytes, reading, found);
        addByLine(found, reading.problems());
    }

    /** A file's problems in the order of its lines, those about the file as a whole first; as found within a line. */
    private static void addByLine(List<PolicyProblem> found, List<PolicyProblem> problems) {
        found.sort(Comparator.comparingInt(PolicyProblem::line));
        problems.addAll(found);
    }

    private static void readBases(byte[] bytes, Reading reading, List<PolicyProblem> found) {
        LocatedTree tree = LocatedTree.read(BASES, bytes, found);
        if (tree == null || tree.root().isMissingNode() || tree.root().isNull()) {
            return;
        }
        Problems file = new Problems(BASES, tree, found);
        if (!tree.root().isObject()) {
            file.add(TOP, "样例文件应为 applications:、carriers:、submissions: 三节，每节下是若干“样例名称: 样例”");
            return;
        }
        Set<String> sections = new TreeSet<>();
        for (Kind kind : Kind.values()) {
            sections.add(kind.section);
        }
        for (Iterator<String> keys = tree.root().fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!sections.contains(key)) {
                file.add(TOP.appendProperty(key), "不认识的键“" + Texts.abbreviate(key) + "”，可用的键为："
                        + String.join("、", sections) + "（是否拼写有误？）");
            }
        }
        // Applications first: a submission's applications may be written {from: 样例名, set: …}.
        for (Kind kind : List.of(Kind.APPLICATION, Kind.CARRIER, Kind.SUBMISSION)) {
            JsonNode section = tree.root().get(kind.section);
            JsonPointer at = TOP.appendProperty(kind.section);
            if (section == null || section.isNull()) {
                continue;
            }
            if (!section.isObject()) {
                file.add(at, kind.section + " 下应为若干“样例名称: 样例”，实为" + Shape.kind(section));
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = section.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                String name = entry.getKey();
                JsonPointer base = at.appendProperty(name);
                String prefix = kind.section + " 下的样例“" + Texts.abbreviate(name) + "”：";
                JsonNode value = entry.getValue();
                Set<Integer> resolved = Set.of();
                if (kind == Kind.SUBMISSION && value.isObject()) {
                    List<Integer> from = new ArrayList<>();
                    value = withApplicationsResolved(name, value, base, reading.bases().get(Kind.APPLICATION), file, from);
                    resolved = Set.copyOf(from);
                }
                for (Shape.Mismatch m : Shape.check(kind.shape, value, List.of())) {
                    // An application written {from, set} was checked as its base and its changes.
                    if (!underResolved(m.at(), resolved)) {
                        file.add(KeyPath.pointer(base, m.at()), prefix + m.message());
                    }
                }
                reading.bases().get(kind).put(name, value);
            }
        }
    }

    private static boolean underResolved(List<Step> at, Set<Integer> resolved) {
        return at.size() >= 2 && "applications".equals(at.get(0).name()) && at.get(1).isIndex() && resolved.contains(at.get(1).index());
    }

    /** A submission whose applications written {@code {from, set}} are replaced by the named base, changed. */
    private static JsonNode withApplicationsResolved(String name, JsonNode submission, JsonPointer at,
                                                     Map<String, JsonNode> applications, Problems file, List<Integer> resolved) {
        JsonNode copy = submission.deepCopy();
        if (!(copy.get("applications") instanceof ArrayNode list)) {
            return copy;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            if (!item.isObject() || !item.has("from")) {
                continue;
            }
            resolved.add(i);
            JsonPointer itemAt = at.appendProperty("applications").appendIndex(i);
            String prefix = "申报批次“" + Texts.abbreviate(name) + "”第" + (i + 1) + "份申报：";
            for (Iterator<String> keys = item.fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                if (!FROM_KEYS.contains(key)) {
                    file.add(itemAt.appendProperty(key), prefix + "不认识的键“" + Texts.abbreviate(key)
                            + "”：以样例为基础的申报只写 from（样例名称）和 set（改动）");
                }
            }
            JsonNode from = item.get("from");
            JsonNode base = from.isValueNode() && !from.isNull() ? applications.get(from.asText()) : null;
            if (base == null) {
                file.add(itemAt.appendProperty("from"), "申报批次“" + Texts.abbreviate(name) + "”第" + (i + 1) + "份申报的 from“"
                        + Texts.abbreviate(from.asText()) + "”不是 applications 中的样例名称；可用的有："
                        + String.join("、", new TreeSet<>(applications.keySet())));
                continue;
            }
            JsonNode changed = base.deepCopy();
            JsonNode set = item.get("set");
            if (set != null && !set.isNull()) {
                if (!set.isObject()) {
                    file.add(itemAt.appendProperty("set"), prefix + "set 应为若干“改动路径: 新值”，实为" + Shape.kind(set));
                } else {
                    changes(set, itemAt.appendProperty("set"), Kind.APPLICATION.shape, changed, null, "set 中", prefix, file);
                }
            }
            list.set(i, changed);
        }
        return copy;
    }

    // ---------------------------------------------------------------- scenario files

    private static void readFile(String path, byte[] bytes, Reading reading) {
        List<PolicyProblem> found = new ArrayList<>();
        readFile(path, bytes, reading, found);
        addByLine(found, reading.problems());
    }

    private static void readFile(String path, byte[] bytes, Reading reading, List<PolicyProblem> found) {
        LocatedTree tree = LocatedTree.read(path, bytes, found);
        if (tree == null) {
            return;
        }
        Problems file = new Problems(path, tree, found);
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
            readScenario(path, list.get(i), TOP.appendProperty("scenarios").appendIndex(i), i, file, reading);
        }
    }

    private static void readScenario(String path, JsonNode scenario, JsonPointer at, int position, Problems file, Reading reading) {
        if (!scenario.isObject()) {
            file.add(at, "第" + (position + 1) + "个场景应为若干“键: 值”，以“- name: 场景名称”开始，实为" + Shape.kind(scenario));
            return;
        }
        int line = file.tree().line(at);
        String name = scenario.path("name").isValueNode() ? scenario.path("name").asText("") : "";
        Problems wrong = file.about("场景“" + Texts.abbreviate(name) + "”：", at);
        unknownKeys(scenario, SCENARIO_KEYS, "", wrong);
        unknownKeys(scenario.path("expect"), kindOf(scenario).expectKeys, "expect.", wrong);
        if (name.isBlank()) {
            wrong.here("场景缺少 name（场景名称）");
        } else {
            Where first = reading.names().putIfAbsent(name, new Where(path, file.tree().line(at.appendProperty("name"))));
            if (first != null) {
                wrong.add(at.appendProperty("name"), "名称与" + (first.file().equals(path) ? "本文件" : " " + first.file() + " ")
                        + "第" + first.line() + "行的场景重复：每个场景须有自己的名称，测试结果按名称报告");
            }
        }
        Kind kind = kindOf(scenario);
        List<String> given = new ArrayList<>();
        for (Kind k : Kind.values()) {
            if (scenario.has(k.key)) {
                given.add(k.key);
            }
        }
        if (given.size() > 1) {
            wrong.add(at.appendProperty(given.get(1)), "application、carrier、submission 只能写其中一个（以哪份样例为基础），本场景写了 "
                    + String.join("、", given));
        }
        JsonNode base = base(scenario, kind, reading.bases().get(kind), at, wrong);
        LocalDate asOf = asOf(scenario, kind, at, wrong);
        Expectation expect = expectation(scenario.path("expect"), kind, at.appendProperty("expect"), wrong);
        String errorField = expect == null ? null : expect.errorField();
        JsonNode round = changesOf(scenario, "round", at, wrong);
        if (round.size() > 0) {
            changes(round, at.appendProperty("round"), InputShapes.ROUND, null, null, "round 中", "", wrong);
        }
        JsonNode input = base == null ? null : base.deepCopy();
        JsonNode change = changesOf(scenario, "change", at, wrong);
        changes(change, at.appendProperty("change"), kind.shape, input, errorField, "change 中", "", wrong);
        if (wrong.none()) {
            reading.cases().add(new Case(path, line, name, kind, round, input, asOf, expect));
        }
    }

    private static Kind kindOf(JsonNode scenario) {
        return scenario.has("carrier") ? Kind.CARRIER : scenario.has("submission") ? Kind.SUBMISSION : Kind.APPLICATION;
    }

    private static void unknownKeys(JsonNode node, Set<String> known, String prefix, Problems wrong) {
        for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!known.contains(key)) {
                wrong.here("不认识的键“" + prefix + Texts.abbreviate(key) + "”，可用的键为：" + String.join("、", new TreeSet<>(known)));
            }
        }
    }

    private static JsonNode base(JsonNode scenario, Kind kind, Map<String, JsonNode> named, JsonPointer at, Problems wrong) {
        JsonNode reference = scenario.get(kind.key);
        if (reference == null || reference.isNull()) {
            wrong.here("缺少 application（以 " + BASES + " 中哪份申报样例为基础）；关于已认定载体的场景写 carrier，关于一轮名单的写 submission");
            return null;
        }
        if (!reference.isValueNode()) {
            wrong.add(at.appendProperty(kind.key), kind.key + " 应为 " + BASES + " 中 " + kind.section + " 下的样例名称，实为"
                    + Shape.kind(reference));
            return null;
        }
        String name = reference.asText();
        JsonNode base = named.get(name);
        if (base == null) {
            wrong.here(kind.key + " 应为 " + BASES + " 中 " + kind.section + " 下的样例名称，“" + Texts.abbreviate(name) + "”不存在；可用的有："
                    + String.join("、", new TreeSet<>(named.keySet())));
        }
        return base;
    }

    private static LocalDate asOf(JsonNode scenario, Kind kind, JsonPointer at, Problems wrong) {
        JsonNode date = scenario.get("asOf");
        if (kind != Kind.CARRIER) {
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

    /** The scenario's {@code change} or {@code round}: an object of path to value, empty when absent. */
    private static JsonNode changesOf(JsonNode scenario, String key, JsonPointer at, Problems wrong) {
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

    /**
     * Checks each change of {@code changes} against {@code shape}, and applies it to {@code input} when there is
     * one. A change the scenario expects the library to refuse ({@code expect.error} names its field) may
     * break the shape: that is what it tests.
     */
    private static void changes(JsonNode changes, JsonPointer at, Shape shape, JsonNode input, String errorField,
                                String where, String prefix, Problems wrong) {
        for (Iterator<Map.Entry<String, JsonNode>> it = changes.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> change = it.next();
            JsonPointer key = at.appendProperty(change.getKey());
            JsonNode value = change.getValue();
            KeyPath.Parsed parsed = KeyPath.parse(change.getKey());
            if (parsed.problem() != null) {
                wrong.add(key, prefix + where + "的“" + Texts.abbreviate(change.getKey()) + "”：" + parsed.problem());
                continue;
            }
            List<Step> steps = parsed.steps();
            String field = KeyPath.display(steps);
            Shape.Place place = Shape.resolve(shape, steps);
            if (place.problem() != null) {
                if (!refused(field, errorField)) {
                    wrong.add(key, prefix + where + place.problem());
                    continue;
                }
            } else if (value.isNull()) {
                if (!place.removable() && !refused(field, errorField)) {
                    String shown = KeyPath.shown(steps);
                    wrong.add(key, prefix + where + "“" + shown + "”是必填项，不能删除；要检验缺少此项的输入被拒绝，请在 expect 中写 error: " + shown);
                }
            } else {
                for (Shape.Mismatch m : Shape.check(place.shape(), value, steps)) {
                    if (!refused(KeyPath.display(m.at()), errorField)) {
                        wrong.add(KeyPath.pointer(key, m.at().subList(steps.size(), m.at().size())), prefix + where + m.message());
                    }
                }
            }
            if (input != null) {
                String problem = KeyPath.apply(input, steps, value);
                if (problem != null) {
                    wrong.add(key, prefix + where + "的“" + KeyPath.shown(steps) + "”：" + problem);
                }
            }
        }
    }

    /** Whether {@code field} is, or lies above or below, the field a scenario expects the input to be refused for. */
    private static boolean refused(String field, String errorField) {
        if (errorField == null) {
            return false;
        }
        return field.equals(errorField) || within(field, errorField) || within(errorField, field);
    }

    private static boolean within(String inner, String outer) {
        return inner.startsWith(outer) && inner.length() > outer.length() && ".[".indexOf(inner.charAt(outer.length())) >= 0;
    }

    // ---------------------------------------------------------------- expect

    private static Expectation expectation(JsonNode expect, Kind kind, JsonPointer at, Problems wrong) {
        if (expect.isMissingNode() || expect.isNull()) {
            wrong.here("缺少 expect（预期结果）");
            return null;
        }
        if (!expect.isObject()) {
            wrong.add(at, "expect（预期结果）应为若干“键: 值”，如 expect: {" + kind.conclusion + ": …}，实为" + Shape.kind(expect));
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
        if (!expect.has(kind.conclusion) && !expect.has("error") && wrong.none()) {
            wrong.here("expect 须写明 " + kind.conclusion + "（" + kind.conclusionLabel + "）或 error（应被拒绝的输入字段）");
        }
        Map<String, String> statuses = new TreeMap<>();
        Map<String, List<String>> reasons = new TreeMap<>();
        String conclusion = null;
        if (kind == Kind.SUBMISSION) {
            JsonNode given = byId(expect, "statuses", at, wrong);
            given.fields().forEachRemaining(e -> statuses.put(e.getKey(),
                    allowed(e.getValue(), kind, "expect.statuses." + e.getKey(), at.appendProperty("statuses").appendProperty(e.getKey()), wrong)));
            JsonNode why = byId(expect, "reasons", at, wrong);
            why.fields().forEachRemaining(e -> reasons.put(e.getKey(),
                    texts(e.getValue(), "expect.reasons." + e.getKey(), at.appendProperty("reasons").appendProperty(e.getKey()), wrong)));
        } else if (expect.has(kind.conclusion)) {
            conclusion = allowed(expect.get(kind.conclusion), kind, "expect." + kind.conclusion, at.appendProperty(kind.conclusion), wrong);
        }
        return new Expectation(conclusion, optionalTexts(expect, "codes", at, wrong), optionalTexts(expect, "messages", at, wrong),
                statuses, reasons, error);
    }

    private static JsonNode byId(JsonNode expect, String key, JsonPointer at, Problems wrong) {
        JsonNode node = expect.get(key);
        if (node == null) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!node.isObject()) {
            wrong.add(at.appendProperty(key), "expect." + key + " 应为若干“申报编号: 预期”，如 {场景-甲: …}，实为" + Shape.kind(node));
            return JsonNodeFactory.instance.objectNode();
        }
        return node;
    }

    private static String allowed(JsonNode value, Kind kind, String field, JsonPointer at, Problems wrong) {
        String text = value.isValueNode() && !value.isNull() ? value.asText() : null;
        if (text == null || !kind.allowed.contains(text)) {
            wrong.add(at, field + " 的值应为 " + String.join("、", kind.allowed) + " 之一，实为"
                    + (text == null ? Shape.kind(value) : "“" + Texts.abbreviate(text) + "”"));
        }
        return text;
    }

    /** The list at {@code key}, or null when the key is absent (then it is not compared). */
    private static List<String> optionalTexts(JsonNode expect, String key, JsonPointer at, Problems wrong) {
        JsonNode list = expect.get(key);
        return list == null ? null : texts(list, "expect." + key, at.appendProperty(key), wrong);
    }

    private static List<String> texts(JsonNode list, String field, JsonPointer at, Problems wrong) {
        if (!list.isArray()) {
            // A single code written without brackets would otherwise read as “no code at all”.
            wrong.add(at, field + " 应为列表，如 [MATERIAL_MISSING]；一项也没有时写 []，实为" + Shape.kind(list));
            return List.of();
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            if (item.isValueNode() && !item.isNull()) {
                texts.add(item.asText());
            } else {
                wrong.add(at.appendIndex(i), field + " 的第" + (i + 1) + "项应为一个代码或一句说明，实为" + Shape.kind(item));
            }
        }
        return texts;
    }

    // ---------------------------------------------------------------- problems

    /** Problems of one file ({@link FileProblems}), or of one scenario: each message prefixed, {@link #here} at the scenario's line. */
    private static final class Problems {
        private final FileProblems problems;
        private final String prefix;
        private final JsonPointer scenario;
        private int count;

        Problems(String file, LocatedTree tree, List<PolicyProblem> list) {
            this(new FileProblems(file, tree, list), "", null);
        }

        private Problems(FileProblems problems, String prefix, JsonPointer scenario) {
            this.problems = problems;
            this.prefix = prefix;
            this.scenario = scenario;
        }

        LocatedTree tree() {
            return problems.tree();
        }

        /** The problems of the scenario at {@code scenario}: each message begins with {@code prefix}. */
        Problems about(String prefix, JsonPointer scenario) {
            return new Problems(problems, prefix, scenario);
        }

        /** A problem at {@code at}'s line (the file as a whole when {@code at} is null). */
        void add(JsonPointer at, String message) {
            problems.add(at, prefix + message);
            count++;
        }

        /** A problem at the line of the scenario (as the golden fixtures have always had these). */
        void here(String message) {
            add(scenario, message);
        }

        boolean none() {
            return count == 0;
        }
    }
}

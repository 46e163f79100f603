package org.carrierrules.internal.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import org.carrierrules.internal.policy.LocatedTree;
import org.carrierrules.internal.tree.KeyPath;
import org.carrierrules.internal.tree.KeyPath.Step;
import org.carrierrules.internal.tree.Shape;
import org.carrierrules.internal.tree.Texts;
import org.carrierrules.policy.PolicyProblem;

/**
 * {@code scenarios/bases.yaml}: the whole, valid inputs scenarios start from, by name, in one section per
 * kind of scenario ({@code applications:}, {@code carriers:}, {@code submissions:}), each checked against the
 * shape of its kind's input. An application of a submission may be written {@code {from: 样例名, set: {id: …}}}:
 * that application base with the fields in {@code set} changed.
 */
final class BasesFile {
    static final String PATH = "scenarios/bases.yaml";
    private static final Set<String> FROM_KEYS = Set.of("from", "set");
    private static final JsonPointer TOP = JsonPointer.empty();

    private final Map<ScenarioKind, Map<String, Base>> bases = new HashMap<>();

    private BasesFile() {
        ScenarioKind.ALL.forEach(kind -> bases.put(kind, new LinkedHashMap<>()));
    }

    /** No bases at all, for a policy directory without the file. */
    static BasesFile none() {
        return new BasesFile();
    }

    /** The bases of the file; each problem of it added to {@code found}, at its line. */
    static BasesFile read(byte[] bytes, List<PolicyProblem> found) {
        BasesFile bases = new BasesFile();
        LocatedTree tree = LocatedTree.read(PATH, bytes, found);
        if (tree != null && !tree.root().isMissingNode() && !tree.root().isNull()) {
            bases.read(tree, new ScenarioProblems(PATH, tree, found));
        }
        return bases;
    }

    /** The bases of one kind by name, in the order written; a base that has problems is here too. */
    Map<String, Base> named(ScenarioKind kind) {
        return Collections.unmodifiableMap(bases.get(kind));
    }

    private void read(LocatedTree tree, ScenarioProblems file) {
        if (!tree.root().isObject()) {
            file.add(TOP, "样例文件应为 applications:、carriers:、submissions: 三节，每节下是若干“样例名称: 样例”");
            return;
        }
        Set<String> sections = new TreeSet<>();
        ScenarioKind.ALL.forEach(kind -> sections.add(kind.section()));
        for (Iterator<String> keys = tree.root().fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!sections.contains(key)) {
                file.add(TOP.appendProperty(key), "不认识的键“" + Texts.abbreviate(key) + "”，可用的键为："
                        + String.join("、", sections) + "（是否拼写有误？）");
            }
        }
        for (ScenarioKind kind : ScenarioKind.ALL) {
            JsonNode section = tree.root().get(kind.section());
            JsonPointer at = TOP.appendProperty(kind.section());
            if (section == null || section.isNull()) {
                continue;
            }
            if (!section.isObject()) {
                file.add(at, kind.section() + " 下应为若干“样例名称: 样例”，实为" + Shape.kind(section));
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = section.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                readBase(kind, entry.getKey(), entry.getValue(), at.appendProperty(entry.getKey()), file);
            }
        }
    }

    private void readBase(ScenarioKind kind, String name, JsonNode value, JsonPointer at, ScenarioProblems file) {
        Map<Integer, Base> from = new HashMap<>();
        Set<Integer> resolved = Set.of();
        if (kind == ScenarioKind.SUBMISSION && value.isObject()) {
            List<Integer> written = new ArrayList<>();
            value = withApplicationsResolved(name, value, at, file, written, from);
            resolved = Set.copyOf(written);
        }
        String prefix = kind.section() + " 下的样例“" + Texts.abbreviate(name) + "”：";
        for (Shape.Mismatch m : Shape.check(kind.shape(), value, List.of())) {
            // An application written {from, set} was checked as its base and its changes.
            if (!underResolved(m.at(), resolved)) {
                file.add(KeyPath.pointer(at, m.at()), prefix + m.message());
            }
        }
        bases.get(kind).put(name, new Base(name, file.line(at), value, from));
    }

    private static boolean underResolved(List<Step> at, Set<Integer> resolved) {
        return at.size() >= 2 && "applications".equals(at.get(0).name()) && at.get(1).isIndex() && resolved.contains(at.get(1).index());
    }

    /**
     * A submission whose applications written {@code {from, set}} are replaced by the named base, changed; their places
     * in {@code resolved}, and by place the base each comes from, when there is one, in {@code from}.
     */
    private JsonNode withApplicationsResolved(String name, JsonNode submission, JsonPointer at, ScenarioProblems file, List<Integer> resolved,
                                              Map<Integer, Base> from) {
        JsonNode copy = submission.deepCopy();
        if (!(copy.get("applications") instanceof ArrayNode list)) {
            return copy;
        }
        Map<String, Base> applications = bases.get(ScenarioKind.APPLICATION);
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            if (!item.isObject() || !item.has("from")) {
                continue;
            }
            resolved.add(i);
            JsonPointer itemAt = at.appendProperty("applications").appendIndex(i);
            ScenarioProblems wrong = file.about("申报批次“" + Texts.abbreviate(name) + "”第" + (i + 1) + "份申报：", 0);
            for (Iterator<String> keys = item.fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                if (!FROM_KEYS.contains(key)) {
                    wrong.add(itemAt.appendProperty(key), "不认识的键“" + Texts.abbreviate(key)
                            + "”：以样例为基础的申报只写 from（样例名称）和 set（改动）");
                }
            }
            JsonNode named = item.get("from");
            Base base = named.isValueNode() && !named.isNull() ? applications.get(named.asText()) : null;
            if (base == null) {
                file.add(itemAt.appendProperty("from"), "申报批次“" + Texts.abbreviate(name) + "”第" + (i + 1) + "份申报的 from“"
                        + Texts.abbreviate(named.asText()) + "”不是 applications 中的样例名称；可用的有："
                        + String.join("、", new TreeSet<>(applications.keySet())));
                continue;
            }
            from.put(i, base);
            JsonNode changed = base.input().deepCopy();
            JsonNode set = item.get("set");
            if (set != null && !set.isNull()) {
                if (!set.isObject()) {
                    wrong.add(itemAt.appendProperty("set"), "set 应为若干“改动路径: 新值”，实为" + Shape.kind(set));
                } else {
                    Changes.apply(set, itemAt.appendProperty("set"), ScenarioKind.APPLICATION.shape(), changed, null, "set 中", wrong);
                }
            }
            list.set(i, changed);
        }
        return copy;
    }
}

package org.carrierrules.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A base of {@code scenarios/bases.yaml} that no longer fits the policy: decided as it is, under the policy, it comes
 * to what the scenarios built on it do not expect (a material added to the list, more paper copies asked for), and
 * several of them fail for that and nothing else. Staff fix the base once, not each scenario.
 *
 * @param file        {@code scenarios/bases.yaml}
 * @param line        the line where the base starts
 * @param name        the base's name
 * @param differences what the base comes to by itself that its scenarios do not expect, in plain Chinese, one per
 *                    finding, e.g. {@code 多出 PAPER_COPIES_INSUFFICIENT（字段 paperCopy.copies）：纸质材料应一式3份，实交2份}
 * @param scenarios   the failed scenarios built on it that fail for this alone, in the report's order; a scenario is
 *                    under one base at most
 */
public record MisfitBase(String file, int line, String name, List<String> differences, List<ScenarioResult> scenarios) {
    public MisfitBase {
        differences = List.copyOf(differences);
        scenarios = List.copyOf(scenarios);
    }

    /** {@code 样例“…”已不符合本政策，以它为基础的 16 个场景只因此未通过}. */
    public String headline() {
        return "样例“" + name + "”已不符合本政策，以它为基础的 " + scenarios.size() + " 个场景只因此未通过";
    }

    /** What staff do about it. */
    public String hint() {
        return "请按现行政策修改这份样例，不必逐个修改场景；若本政策下已不会有这样的样例（如本轮不开放这类载体），"
                + "就给这些场景写上它们假设的 round:";
    }

    /** The scenarios, compactly: one line per file, {@code scenarios/eligibility.yaml 第4、23、30行}. */
    public List<String> scenarioLines() {
        Map<String, List<String>> lines = new LinkedHashMap<>();
        scenarios.forEach(s -> lines.computeIfAbsent(s.file(), f -> new ArrayList<>()).add(String.valueOf(s.line())));
        return lines.entrySet().stream().map(e -> e.getKey() + " 第" + String.join("、", e.getValue()) + "行").toList();
    }

    /** All of it in one sentence, for a list of problems: headline, differences, hint and scenarios. */
    public String summary() {
        return headline() + "：" + String.join("；", differences) + "。" + hint() + "。这些场景是："
                + String.join("；", scenarioLines());
    }
}

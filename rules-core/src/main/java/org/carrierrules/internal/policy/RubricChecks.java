package org.carrierrules.internal.policy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonPointer;

import org.carrierrules.policy.PolicyProblem;

/**
 * What must hold of {@code rubric.yaml} before any score is computed from it (四(四)), once every required value
 * is there (the reading sees to that, {@link YamlData}): item codes unique, the items' maximums adding up to
 * full marks, the passing score within reach, and enough experts before trimming that some scores remain.
 * Every problem is reported, each at the line of the key it is about.
 */
public final class RubricChecks {
    public static final String RUBRIC = "rubric.yaml";
    /** Dropping the highest and the lowest total must leave at least one. */
    private static final int LEAST_EXPERTS_FOR_TRIMMING = 3;
    private static final JsonPointer TOTAL = JsonPointer.compile("/total");
    private static final JsonPointer ITEMS = JsonPointer.compile("/items");

    private RubricChecks() {
    }

    /** The rubric of a policy directory, read and checked; null, with the problems added, when it is wrong. */
    public static RubricFile read(PolicyFiles files, List<PolicyProblem> problems) {
        YamlData.Located<RubricFile> rubric = YamlData.located(files, RUBRIC, RubricFile.class, problems);
        if (rubric == null) {
            return null;
        }
        int problemsBefore = problems.size();
        check(rubric.content(), rubric.problems());
        return problems.size() == problemsBefore ? rubric.content() : null;
    }

    static void check(RubricFile rubric, FileProblems p) {
        if (rubric.total() <= 0) {
            p.add(TOTAL, "total（满分）应大于0，实为" + rubric.total());
        }
        if (rubric.passingScore() < 0 || rubric.passingScore() > rubric.total()) {
            p.add(JsonPointer.compile("/passingScore"), "passingScore（合格分）" + rubric.passingScore() + " 应在0至满分（"
                    + rubric.total() + "）之间");
        }
        if (rubric.trimAboveExperts() < LEAST_EXPERTS_FOR_TRIMMING) {
            p.add(JsonPointer.compile("/trimAboveExperts"), "trimAboveExperts 应至少为" + LEAST_EXPERTS_FOR_TRIMMING + "，实为"
                    + rubric.trimAboveExperts() + "：去掉一个最高分和一个最低分后须至少剩下一个分数");
        }
        if (rubric.items().isEmpty()) {
            p.add(ITEMS, "缺少 items（评分项目）");
            return;
        }
        checkItems(rubric, p);
    }

    private static void checkItems(RubricFile rubric, FileProblems p) {
        Set<String> codes = new HashSet<>();
        int sum = 0;
        boolean allMaximums = true;
        for (int i = 0; i < rubric.items().size(); i++) {
            RubricFile.Item item = rubric.items().get(i);
            String where = "items[" + i + "]";
            JsonPointer at = ITEMS.appendIndex(i);
            if (item == null) {
                p.add(at, where + " 是空的，请写明 code、name 和 max");
                allMaximums = false;
                continue;
            }
            if (!codes.add(item.code())) {
                p.add(at.appendProperty("code"), "评分项代码 " + item.code() + " 重复出现（" + where + "）：每个评分项只能列一次");
            }
            if (item.max() <= 0) {
                p.add(at.appendProperty("max"), where + ".max（该项满分）应大于0，实为" + item.max());
            } else {
                sum += item.max();
            }
        }
        if (allMaximums && sum != rubric.total()) {
            p.add(TOTAL, "各评分项满分之和（" + sum + "）不等于满分 total（" + rubric.total() + "），请核对各项分值");
        }
    }
}

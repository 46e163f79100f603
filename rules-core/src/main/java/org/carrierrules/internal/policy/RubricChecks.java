package org.carrierrules.internal.policy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.carrierrules.policy.PolicyProblem;

/**
 * What must hold of {@code rubric.yaml} before any score is computed from it (四(四)): every value
 * present, item codes unique, the items' maximums adding up to full marks, the passing score within
 * reach, and enough experts before trimming that some scores remain. Every problem is reported.
 */
public final class RubricChecks {
    public static final String RUBRIC = "rubric.yaml";
    /** Dropping the highest and the lowest total must leave at least one. */
    private static final int LEAST_EXPERTS_FOR_TRIMMING = 3;

    private RubricChecks() {
    }

    public static void check(RubricFile rubric, List<PolicyProblem> problems) {
        if (rubric.status() == null) {
            add(problems, "缺少 status（OFFICIAL 或 ILLUSTRATIVE）");
        }
        if (rubric.reference() == null || rubric.reference().isBlank()) {
            add(problems, "缺少 reference（评分细则的出处）");
        }
        boolean total = rubric.total() != null;
        if (!total) {
            add(problems, "缺少 total（满分）");
        } else if (rubric.total() <= 0) {
            add(problems, "total（满分）应大于0，实为" + rubric.total());
        }
        if (rubric.passingScore() == null) {
            add(problems, "缺少 passingScore（合格分）");
        } else if (rubric.passingScore() < 0 || total && rubric.passingScore() > rubric.total()) {
            add(problems, "passingScore（合格分）" + rubric.passingScore() + " 应在0至满分"
                    + (total ? "（" + rubric.total() + "）" : "") + "之间");
        }
        if (rubric.trimAboveExperts() == null) {
            add(problems, "缺少 trimAboveExperts（专家人数达到多少时去掉一个最高分和一个最低分）");
        } else if (rubric.trimAboveExperts() < LEAST_EXPERTS_FOR_TRIMMING) {
            add(problems, "trimAboveExperts 应至少为" + LEAST_EXPERTS_FOR_TRIMMING + "，实为" + rubric.trimAboveExperts()
                    + "：去掉一个最高分和一个最低分后须至少剩下一个分数");
        }
        if (rubric.items() == null || rubric.items().isEmpty()) {
            add(problems, "缺少 items（评分项目）");
            return;
        }
        checkItems(rubric, problems);
    }

    private static void checkItems(RubricFile rubric, List<PolicyProblem> problems) {
        Set<String> codes = new HashSet<>();
        int sum = 0;
        boolean allMaximums = true;
        for (int i = 0; i < rubric.items().size(); i++) {
            RubricFile.Item item = rubric.items().get(i);
            String where = "items[" + i + "]";
            if (item == null) {
                add(problems, where + " 是空的，请写明 code、name 和 max");
                allMaximums = false;
                continue;
            }
            if (item.code() == null || item.code().isBlank()) {
                add(problems, "缺少 " + where + ".code（评分项代码，如 FACULTY）");
            } else if (!codes.add(item.code())) {
                add(problems, "评分项代码 " + item.code() + " 重复出现（" + where + "）：每个评分项只能列一次");
            }
            if (item.name() == null || item.name().isBlank()) {
                add(problems, "缺少 " + where + ".name（评分项名称，如 师资力量）");
            }
            if (item.max() == null) {
                add(problems, "缺少 " + where + ".max（该项满分）");
                allMaximums = false;
            } else if (item.max() <= 0) {
                add(problems, where + ".max（该项满分）应大于0，实为" + item.max());
            } else {
                sum += item.max();
            }
        }
        if (allMaximums && rubric.total() != null && sum != rubric.total()) {
            add(problems, "各评分项满分之和（" + sum + "）不等于满分 total（" + rubric.total() + "），请核对各项分值");
        }
    }

    private static void add(List<PolicyProblem> problems, String message) {
        problems.add(new PolicyProblem(RUBRIC, 0, message));
    }
}

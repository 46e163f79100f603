package org.carrierrules.internal.allocation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.carrierrules.CarrierType;
import org.carrierrules.InvalidInputException;
import org.carrierrules.allocation.ExpertReview;
import org.carrierrules.allocation.ExpertReviewScore;
import org.carrierrules.allocation.ExpertScore;
import org.carrierrules.internal.facts.Rubric;

/**
 * An application's score from its experts' sheets (四(四) 评审打分): each expert's total is the sum of the
 * items of the scoring table of the application's carrier type; the score is the mean of those totals, with the
 * single highest and single lowest dropped first when there are enough experts for that table (去掉一个最高分和一个
 * 最低分). Exact decimal arithmetic, rounded once, at the end, to 2 decimals half up. A sheet that does not fit the
 * table is an input error.
 */
public final class ScoreAggregation {
    private static final int SCORE_DECIMALS = 2;

    private ScoreAggregation() {
    }

    /**
     * Scores one review against the scoring table of its application's carrier type: a sheet is checked against
     * that type's items, not any other type's.
     *
     * @param rubric the table of {@code type}; null when the rubric gives none (a type the round does not open)
     * @param type   the carrier type the application is for
     * @throws InvalidInputException naming the place, e.g. {@code reviews[LH2024-003].expertScores[E2].items.FACULTY},
     *                               for a type without a table, no experts, a repeated expert, or an item unknown
     *                               to the type's table, missing, negative or too high
     */
    public static ExpertReviewScore score(Rubric rubric, CarrierType type, ExpertReview review) {
        String application = review.applicationId();
        if (rubric == null) {
            throw new InvalidInputException("reviews[" + application + "]", "申报 " + application + " 申报的是" + type.label()
                    + "，本轮未开放该类载体，评审细则（rubric.yaml）中也没有该类的评分表，无从评分："
                    + "请删去这份评审结果，或核对该申报的载体类型");
        }
        String where = "reviews[" + application + "].expertScores";
        if (review.expertScores().isEmpty()) {
            throw new InvalidInputException(where, "申报 " + application + " 没有任何专家评分：评审须由专家打分，至少需要一位专家的评分");
        }
        Set<String> experts = new HashSet<>();
        List<BigDecimal> totals = new ArrayList<>();
        for (ExpertScore sheet : review.expertScores()) {
            String sheetWhere = where + "[" + sheet.expert() + "]";
            if (!experts.add(sheet.expert())) {
                throw new InvalidInputException(sheetWhere, "申报 " + application + " 中专家 " + sheet.expert()
                        + " 的评分出现了不止一次：每位专家对每个申报只能有一份评分");
            }
            totals.add(expertTotal(rubric, type, application, sheet, sheetWhere));
        }
        Set<Integer> dropped = dropped(totals, rubric.minExpertsForTrimming());
        BigDecimal keptSum = BigDecimal.ZERO;
        List<ExpertReviewScore.ExpertTotal> working = new ArrayList<>();
        for (int i = 0; i < totals.size(); i++) {
            working.add(new ExpertReviewScore.ExpertTotal(review.expertScores().get(i).expert(), totals.get(i), dropped.contains(i)));
            if (!dropped.contains(i)) {
                keptSum = keptSum.add(totals.get(i));
            }
        }
        BigDecimal kept = BigDecimal.valueOf((long) totals.size() - dropped.size());
        return new ExpertReviewScore(application, keptSum.divide(kept, SCORE_DECIMALS, RoundingMode.HALF_UP), working);
    }

    private static BigDecimal expertTotal(Rubric rubric, CarrierType type, String application, ExpertScore sheet, String where) {
        String who = "申报 " + application + " 专家 " + sheet.expert();
        Set<String> unknown = new TreeSet<>(sheet.items().keySet());
        rubric.items().forEach(item -> unknown.remove(item.code()));
        if (!unknown.isEmpty()) {
            String code = unknown.iterator().next();
            String items = rubric.items().stream().map(i -> i.code() + "（" + i.name() + "）").collect(Collectors.joining("、"));
            throw new InvalidInputException(where + ".items." + code, who + " 的评分项 " + code + " 不在评分细则中" + type.label()
                    + "的评分表内，该类的评分项应为：" + items);
        }
        BigDecimal total = BigDecimal.ZERO;
        for (Rubric.Item item : rubric.items()) {
            String itemWhere = where + ".items." + item.code();
            String itemName = who + " 的评分项 " + item.code() + "（" + item.name() + "）";
            BigDecimal points = sheet.items().get(item.code());
            if (points == null) {
                throw new InvalidInputException(itemWhere, itemName + "没有打分：每位专家须对每个评分项打分");
            }
            if (points.signum() < 0) {
                throw new InvalidInputException(itemWhere, itemName + "的得分 " + points.toPlainString() + " 不能为负数");
            }
            if (points.compareTo(item.max()) > 0) {
                throw new InvalidInputException(itemWhere, itemName + "的得分 " + points.toPlainString()
                        + " 超过该项满分 " + item.max().toPlainString());
            }
            total = total.add(points);
        }
        return total;
    }

    /**
     * The positions of the single lowest and single highest totals when there are enough experts, else
     * none. Of equal totals the first given is the one marked dropped, so the same sheets always show the same working.
     */
    private static Set<Integer> dropped(List<BigDecimal> totals, int minExpertsForTrimming) {
        if (totals.size() < minExpertsForTrimming) {
            return Set.of();
        }
        int lowest = 0;
        for (int i = 1; i < totals.size(); i++) {
            if (totals.get(i).compareTo(totals.get(lowest)) < 0) {
                lowest = i;
            }
        }
        int highest = lowest == 0 ? 1 : 0;
        for (int i = 0; i < totals.size(); i++) {
            if (i != lowest && totals.get(i).compareTo(totals.get(highest)) > 0) {
                highest = i;
            }
        }
        return Set.of(lowest, highest);
    }
}

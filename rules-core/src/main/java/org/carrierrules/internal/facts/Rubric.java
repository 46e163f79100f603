package org.carrierrules.internal.facts;

import java.math.BigDecimal;
import java.util.List;

import org.carrierrules.internal.policy.RubricFile;

/**
 * A scoring table (四(四) 评审打分), from {@code rubric.yaml}: the items each expert scores, their full marks,
 * the passing score, and from how many experts on the highest and lowest totals are dropped. The table of one
 * or more carrier types ({@link Rubrics}); the allocation rules see it as the {@code Rubric} fact of the
 * applications scored on it. Immutable and safe to share between threads.
 */
public final class Rubric {
    private final BigDecimal total;
    private final BigDecimal passingScore;
    private final int minExpertsForTrimming;
    private final List<Item> items;

    /** One item of the sheet: its code, its Chinese name and its full marks. */
    public record Item(String code, String name, BigDecimal max) {
    }

    /** A table merged and checked ({@link RubricFile#table}), so that every value is there. */
    Rubric(RubricFile.Table table) {
        this.total = BigDecimal.valueOf(table.total());
        this.passingScore = BigDecimal.valueOf(table.passingScore());
        this.minExpertsForTrimming = table.trimAboveExperts();
        this.items = table.items().stream().map(item -> new Item(item.code(), item.name(), BigDecimal.valueOf(item.max()))).toList();
    }

    /** Full marks. */
    public BigDecimal total() {
        return total;
    }

    /** The least score that may be ranked. */
    public BigDecimal passingScore() {
        return passingScore;
    }

    /** Whether a score reaches the passing score (得分达到合格分，含本数), so that it may be ranked. Called from the rules. */
    public boolean reaches(BigDecimal score) {
        return score.compareTo(passingScore) >= 0;
    }

    /** From this many experts on, the single highest and single lowest totals are dropped (去掉一个最高分和一个最低分). */
    public int minExpertsForTrimming() {
        return minExpertsForTrimming;
    }

    /** The items in the order of the scoring sheet. */
    public List<Item> items() {
        return items;
    }
}

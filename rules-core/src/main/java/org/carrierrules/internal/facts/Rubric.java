package org.carrierrules.internal.facts;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.carrierrules.internal.policy.PolicyFiles;
import org.carrierrules.internal.policy.PolicyStatus;
import org.carrierrules.internal.policy.RubricChecks;
import org.carrierrules.internal.policy.RubricFile;
import org.carrierrules.policy.PolicyProblem;

/**
 * The scoring sheet of a round (四(四) 评审打分), from {@code rubric.yaml}: the items each expert
 * scores, their full marks, the passing score, and from how many experts on the highest and lowest
 * totals are dropped. Immutable and safe to share between threads.
 */
public final class Rubric {
    private final boolean illustrative;
    private final BigDecimal total;
    private final BigDecimal passingScore;
    private final int minExpertsForTrimming;
    private final Map<String, Item> items;

    /** One item of the sheet: its code, its Chinese name and its full marks. */
    public record Item(String code, String name, BigDecimal max) {
    }

    private Rubric(RubricFile file) {
        this.illustrative = file.status() == PolicyStatus.ILLUSTRATIVE;
        this.total = BigDecimal.valueOf(file.total());
        this.passingScore = BigDecimal.valueOf(file.passingScore());
        this.minExpertsForTrimming = file.trimAboveExperts();
        Map<String, Item> byCode = new LinkedHashMap<>();
        for (RubricFile.Item item : file.items()) {
            byCode.put(item.code(), new Item(item.code(), item.name(), BigDecimal.valueOf(item.max())));
        }
        this.items = Collections.unmodifiableMap(byCode);
    }

    /** The rubric of a policy directory, read and checked; null, with the problems added, when it is wrong. */
    public static Rubric read(PolicyFiles files, List<PolicyProblem> problems) {
        RubricFile file = RubricChecks.read(files, problems);
        return file == null ? null : new Rubric(file);
    }

    /** True while the rubric is a stand-in for 附件2 (评审细则), which was not published with the notice. */
    public boolean illustrative() {
        return illustrative;
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
        return List.copyOf(items.values());
    }

    /** The item with this code, or null when the sheet has none. */
    public Item item(String code) {
        return items.get(code);
    }
}

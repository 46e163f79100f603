package org.carrierrules.internal.facts;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * What the applications of one carrier type are ranked by, one after the other (round.yaml's
 * {@code allocation.rankingOrder}): the fixed set the library knows, each by the Chinese name staff write and
 * with the direction the notice's practice gives it. The score comes first, since the candidate list follows the
 * experts' scores (罗湖区 四(四) 评审打分); the id comes last, since ids differ and so every order is total. Which
 * keys come between them, and the clause each cites, is the policy's.
 */
public enum RankingKey {
    /** 评审得分: higher first; an application without a score comes last (it is never ranked). */
    SCORE("评审得分", "高者在前", null,
            Comparator.comparing(AllocationCase::score, Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder()))),
    /** 提交时间: the earlier submission first. */
    SUBMISSION_TIME("提交时间", "早者在前", "TIE_BROKEN_BY_SUBMISSION_TIME", Comparator.comparing(AllocationCase::submittedAt)),
    /** 申报编号: in the order of the ids. */
    ID("申报编号", "按编号顺序", "TIE_BROKEN_BY_ID", Comparator.comparing(AllocationCase::id));

    private final String label;
    private final String direction;
    private final String tieCode;
    private final Comparator<AllocationCase> order;

    RankingKey(String label, String direction, String tieCode, Comparator<AllocationCase> order) {
        this.label = label;
        this.direction = direction;
        this.tieCode = tieCode;
        this.order = order;
    }

    /** The name staff write in round.yaml, e.g. 提交时间. */
    public String label() {
        return label;
    }

    /** The reason code of a tie this key decided, e.g. TIE_BROKEN_BY_SUBMISSION_TIME; null for the score, which decides no tie. */
    public String tieCode() {
        return tieCode;
    }

    /** Compares two applications by this key alone, the one ahead first. */
    Comparator<AllocationCase> order() {
        return order;
    }

    /** The key staff name so, or null when the library knows none. */
    public static RankingKey named(String label) {
        return Arrays.stream(values()).filter(k -> k.label.equals(label)).findFirst().orElse(null);
    }

    /** The keys as a message lists them: 评审得分（高者在前）、提交时间（早者在前）、申报编号（按编号顺序）. */
    public static String listed() {
        return String.join("、", Arrays.stream(values()).map(k -> k.label + "（" + k.direction + "）").toList());
    }

    /** The names of the keys, for suggesting the one meant. */
    public static List<String> labels() {
        return Arrays.stream(values()).map(RankingKey::label).toList();
    }
}

package org.carrierrules.internal;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Consecutive complete calendar years in which a carrier trained nobody (五: 连续3年未从事相关培训活动).
 *
 * @param firstYear  the first idle year
 * @param lastYear   the last idle year of the run
 * @param unrecorded the years of the run that had no record at all and counted as zero
 */
public record IdleStreak(int firstYear, int lastYear, List<Integer> unrecorded) {
    public IdleStreak {
        unrecorded = List.copyOf(unrecorded);
    }

    public int length() {
        return lastYear - firstYear + 1;
    }

    /** E.g. 2021年至2023年连续3年培训人数为零（2022年无培训记录，按零计）. */
    public String text() {
        String run = firstYear + "年至" + lastYear + "年连续" + length() + "年培训人数为零";
        if (unrecorded.isEmpty()) {
            return run;
        }
        return run + "（" + unrecorded.stream().map(y -> y + "年").collect(Collectors.joining("、")) + "无培训记录，按零计）";
    }
}

package org.carrierrules.internal.facts;

import java.util.ArrayList;
import java.util.List;

/**
 * Consecutive complete calendar years in which a carrier trained nobody (五: 连续3年未从事相关培训活动).
 *
 * @param firstYear  the first idle year
 * @param lastYear   the last idle year of the run
 * @param unrecorded the years of the run that had no record at all and counted as zero
 */
public record IdleStreak(int firstYear, int lastYear, List<Integer> unrecorded) {
    private static final int MIN_SPAN = 4;

    public IdleStreak {
        unrecorded = List.copyOf(unrecorded);
    }

    public int length() {
        return lastYear - firstYear + 1;
    }

    /**
     * E.g. 2021年至2023年连续3年培训人数为零（2022年无培训记录，按零计）. Four or more consecutive unrecorded
     * years are written as one span (2001年至2019年), so that a carrier recognised long ago with no records
     * gets one line, not a list of every year.
     */
    public String text() {
        String run = firstYear + "年至" + lastYear + "年连续" + length() + "年培训人数为零";
        if (unrecorded.isEmpty()) {
            return run;
        }
        List<String> spans = new ArrayList<>();
        for (int i = 0; i < unrecorded.size(); ) {
            int end = i;
            while (end + 1 < unrecorded.size() && unrecorded.get(end + 1) == unrecorded.get(end) + 1) {
                end++;
            }
            if (end - i + 1 >= MIN_SPAN) {
                spans.add(unrecorded.get(i) + "年至" + unrecorded.get(end) + "年");
            } else {
                unrecorded.subList(i, end + 1).forEach(year -> spans.add(year + "年"));
            }
            i = end + 1;
        }
        return run + "（" + String.join("、", spans) + "无培训记录，按零计）";
    }
}

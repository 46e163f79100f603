package org.carrierrules.internal.facts;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Dates as they are written in notices: 2024年3月1日. Called from the rules. */
public final class ChineseDates {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private ChineseDates() {
    }

    public static String chineseDate(LocalDate date) {
        return FORMAT.format(date);
    }
}

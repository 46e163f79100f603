package org.carrierrules.notice;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Dates and times as the notice and the papers sent under it write them (2024年8月25日, 18:00:00): the one
 * place their patterns live, for the library's messages and for a host writing its own documents. Nothing here
 * reads the platform's locale or zone; a time is written as given, so pass it in Beijing time.
 */
public final class NoticeDates {
    private static final String DAY = "yyyy年M月d日";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern(DAY, Locale.ROOT);
    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("M月d日", Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern(DAY + "HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter DATE_MINUTE = DateTimeFormatter.ofPattern(DAY + "HH:mm", Locale.ROOT);

    private NoticeDates() {
    }

    /** {@code 2024年8月25日}. */
    public static String date(TemporalAccessor date) {
        return DATE.format(date);
    }

    /** {@code 8月25日}, for a list of days within one year. */
    public static String monthDay(TemporalAccessor date) {
        return MONTH_DAY.format(date);
    }

    /** {@code 2024年8月26日（星期一）}. */
    public static String dateWithWeekday(LocalDate date) {
        return date(date) + "（" + date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.CHINA) + "）";
    }

    /** {@code 18:00:00}. */
    public static String time(TemporalAccessor time) {
        return TIME.format(time);
    }

    /** {@code 2024年8月25日18:00:00}, as the notice writes the close of the window. */
    public static String dateTime(TemporalAccessor dateTime) {
        return DATE_TIME.format(dateTime);
    }

    /** {@code 2024年8月25日18:00}. */
    public static String dateTimeToTheMinute(TemporalAccessor dateTime) {
        return DATE_MINUTE.format(dateTime);
    }
}

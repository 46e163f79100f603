package org.carrierrules.internal.tree;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates and date-times as policy staff type them in YAML files ({@code 2024-09-14}), checked so that a
 * date that does not exist ({@code 2024-02-30}, {@code 2023-02-29}, {@code 2024-13-01}) is told as such, with
 * the reason, rather than as a bad format. Each check gives null when the text is fine, else what is wrong.
 */
public final class DateTexts {
    static final String DATE_EXAMPLE = "2024-03-01（年-月-日，月和日各写两位）";
    private static final Pattern DATE = Pattern.compile("([0-9]{4})-([0-9]{2})-([0-9]{2})");
    /** The contract's date-times begin with a four-digit year: {@code java.time} alone would take {@code +999999999-…}. */
    private static final Pattern DATE_TIME = Pattern.compile("([0-9]{4}-[0-9]{2}-[0-9]{2})T.+");

    private DateTexts() {
    }

    /** What is wrong with {@code text} as a date, or null. */
    public static String dateProblem(String text) {
        Matcher m = DATE.matcher(text);
        if (!m.matches()) {
            return "“" + Texts.abbreviate(text) + "”不是有效的日期，应写作 " + DATE_EXAMPLE;
        }
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        int day = Integer.parseInt(m.group(3));
        if (month < 1 || month > 12) {
            return "“" + text + "”不是真实存在的日期：月份应为 01 至 12";
        }
        if (day < 1) {
            return "“" + text + "”不是真实存在的日期：日应从 01 起";
        }
        int length = YearMonth.of(year, month).lengthOfMonth();
        if (day > length) {
            return "“" + text + "”不是真实存在的日期：" + (month == 2 && day == 29
                    ? year + "年不是闰年，2月只有28天"
                    : year + "年" + month + "月只有" + length + "天");
        }
        return null;
    }

    /** The date, or null when {@link #dateProblem} has something to say. */
    static LocalDate date(String text) {
        return dateProblem(text) == null ? LocalDate.parse(text) : null;
    }

    /**
     * What is wrong with {@code text} as the contract's date-time (an application's {@code submittedAt}):
     * ISO-8601, with an offset or without one (Beijing time), or null.
     */
    public static String dateTimeProblem(String text) {
        return dateTimeProblem(text, "“" + Texts.abbreviate(text)
                + "”不是有效的日期时间，应写作 2024-08-20T10:15:00+08:00，或不带时区的 2024-08-20T10:15:00（按北京时间）",
                t -> parses(() -> OffsetDateTime.parse(t)) || parses(() -> LocalDateTime.parse(t)));
    }

    /** What is wrong with {@code text} as a local date-time of round.yaml ({@code window.closes}), or null. */
    public static String localDateTimeProblem(String text) {
        return dateTimeProblem(text, "“" + Texts.abbreviate(text) + "”不是有效的日期时间，应写作 2024-08-25T18:00:00（北京时间，不写时区）",
                t -> parses(() -> LocalDateTime.parse(t)));
    }

    /** The date part told as {@link #dateProblem} tells it (a day that does not exist, and why); else {@code wrong}. */
    private static String dateTimeProblem(String text, String wrong, Predicate<String> parses) {
        Matcher m = DATE_TIME.matcher(text);
        if (!m.matches()) {
            return wrong;
        }
        String date = dateProblem(m.group(1));
        if (date != null) {
            return date;
        }
        return parses.test(text) ? null : wrong;
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}

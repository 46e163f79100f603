package org.carrierrules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Checks shared by the input records' constructors; each names the field it checks. Public because the records of
 * every stage's package use them (and a host building records of its own may); they depend on nothing but
 * {@link InvalidInputException}.
 */
public final class Inputs {
    private static final int MAX_YEAR = 9999;

    private Inputs() {
    }

    public static <T> T required(T value, String field) {
        if (value == null) {
            throw new InvalidInputException(field, "必填，不能为空");
        }
        return value;
    }

    public static String requiredText(String value, String field) {
        if (required(value, field).isBlank()) {
            throw new InvalidInputException(field, "必填，不能为空白");
        }
        return value;
    }

    /**
     * A date with a four-digit year (0000–9999), as the contract writes dates. {@code LocalDate} reaches a
     * billion years either way, and supervision counts the years between two dates one by one (五: 连续3年).
     */
    public static LocalDate fourDigitYear(LocalDate date, String field) {
        if (required(date, field).getYear() < 0 || date.getYear() > MAX_YEAR) {
            throw new InvalidInputException(field, "日期 " + date + " 超出可处理的范围：年份应为四位数（0000–9999）");
        }
        return date;
    }

    /** An instant whose year, in UTC, has four digits: near {@code Instant.MAX} no zone can show it as a local time. */
    public static Instant fourDigitYear(Instant instant, String field) {
        int year = required(instant, field).atOffset(ZoneOffset.UTC).getYear();
        if (year < 0 || year > MAX_YEAR) {
            throw new InvalidInputException(field, "时间 " + instant + " 超出可处理的范围：年份应为四位数（0000–9999）");
        }
        return instant;
    }

    /** An immutable copy of a required list whose elements are not null. */
    public static <T> List<T> requiredList(List<T> values, String field) {
        required(values, field);
        for (int i = 0; i < values.size(); i++) {
            required(values.get(i), field + "[" + i + "]");
        }
        return List.copyOf(values);
    }
}

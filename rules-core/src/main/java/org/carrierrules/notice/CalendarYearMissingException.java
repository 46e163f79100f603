package org.carrierrules.notice;

/**
 * A working-day count reached a year for which the policy has no holiday arrangement. Working days
 * (四(五): 公示5个工作日) follow the State Council's arrangement of each year, which cannot be
 * foreseen, so the library says which year is missing rather than guess.
 */
public final class CalendarYearMissingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int year;

    public CalendarYearMissingException(int year) {
        super("日历缺少" + year + "年的节假日安排数据，请在政策目录 calendar/ 下添加 " + year + ".yaml");
        this.year = year;
    }

    /** The year without data, e.g. 2026. */
    public int year() {
        return year;
    }
}

package org.carrierrules.internal.policy;

import java.time.LocalDate;
import java.util.List;

/**
 * The shape of one {@code calendar/<year>.yaml}: a year's official holiday arrangement, from which the
 * working days of 四(五)'s 公示5个工作日 are counted. Read strictly: an unknown or misspelled key is an
 * error, not something ignored.
 *
 * @param year              the year the file covers; also the file's name
 * @param reference         the State Council notice the arrangement comes from, with its number and date
 * @param holidays          the days off, as the notice lists them
 * @param makeUpWorkingDays the weekend days worked instead (调休上班)
 */
public record CalendarYearFile(Integer year, String reference, List<Holiday> holidays, List<LocalDate> makeUpWorkingDays) {

    /** One holiday's days off, both ends included. */
    public record Holiday(String name, LocalDate from, LocalDate to) {
    }
}

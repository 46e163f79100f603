package org.carrierrules.internal.policy;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * The shape of one {@code calendar/<year>.yaml}: a year's official holiday arrangement, from which the
 * working days of 四(五)'s 公示5个工作日 are counted. Read strictly: an unknown or misspelled key is an
 * error, not something ignored, and every key is required.
 *
 * @param year              the year the file covers; also the file's name
 * @param reference         the State Council notice the arrangement comes from, with its number and date
 * @param holidays          the days off, as the notice lists them
 * @param makeUpWorkingDays the weekend days worked instead (调休上班)
 */
public record CalendarYearFile(@JsonProperty(required = true) @JsonPropertyDescription("本文件所属的年份，与文件名相同，如 calendar/2024.yaml 中写 year: 2024")
                               Integer year,
                               @JsonProperty(required = true) @JsonPropertyDescription("国务院办公厅节假日安排通知的名称、文号和日期")
                               String reference,
                               @JsonProperty(required = true) @JsonPropertyDescription("本年度的放假安排") List<Holiday> holidays,
                               @JsonProperty(required = true) @JsonPropertyDescription("调休上班日；没有调休时写 makeUpWorkingDays: []")
                               List<LocalDate> makeUpWorkingDays) {

    /** One holiday's days off, both ends included. */
    public record Holiday(@JsonProperty(required = true) @JsonPropertyDescription("节日名称，如 国庆节") String name,
                          @JsonProperty(required = true) @JsonPropertyDescription("放假的第一天") LocalDate from,
                          @JsonProperty(required = true) @JsonPropertyDescription("放假的最后一天") LocalDate to) {
    }
}

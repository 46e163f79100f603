package org.carrierrules.notice;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A public notice period counted in working days (四(五): 候选名单向社会公示5个工作日).
 *
 * @param start       the day the notice was asked to start, as given; it is the first working day of
 *                    the period only when it is itself a working day
 * @param end         the last working day of the period
 * @param workingDays the working days counted, in date order, {@code end} last
 */
public record NoticePeriod(LocalDate start, LocalDate end, List<LocalDate> workingDays) {
    public NoticePeriod {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        workingDays = List.copyOf(workingDays);
    }
}

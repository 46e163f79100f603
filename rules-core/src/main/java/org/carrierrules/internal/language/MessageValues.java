package org.carrierrules.internal.language;

import java.time.Instant;
import java.time.LocalDate;

import org.carrierrules.CarrierType;
import org.carrierrules.application.ApplicantType;
import org.carrierrules.internal.facts.IdleStreak;
import org.carrierrules.internal.facts.Round;
import org.carrierrules.notice.NoticeDates;

/** How a value a rule bound is written in a message: labels for types, notice-style dates, times in the round's zone. */
public final class MessageValues {
    private MessageValues() {
    }

    /** @param round the round whose time zone times are written in, or null outside 受理审查 */
    public static String format(Object value, Round round) {
        if (value instanceof CarrierType type) {
            return type.label();
        }
        if (value instanceof ApplicantType type) {
            return type.label();
        }
        if (value instanceof Instant instant && round != null) {
            return round.localTime(instant);
        }
        if (value instanceof LocalDate date) {
            return NoticeDates.date(date);
        }
        if (value instanceof IdleStreak streak) {
            return streak.text();
        }
        return String.valueOf(value);
    }
}

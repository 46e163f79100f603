package org.carrierrules.supervision;

import java.time.LocalDate;

import org.carrierrules.Inputs;

/**
 * One finding of supervision about a carrier, dated the day it was found (跟踪管理, 五).
 *
 * @param type what was found
 * @param date the day it was found; a supervision decision as of an earlier date does not see it
 */
public record CarrierEvent(EventType type, LocalDate date) {
    public CarrierEvent {
        Inputs.required(type, "type");
        Inputs.fourDigitYear(date, "date");
    }
}

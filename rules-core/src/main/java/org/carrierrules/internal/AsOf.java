package org.carrierrules.internal;

import java.time.LocalDate;

/**
 * The date a review speaks for, inserted as a fact so that the rules never read the system clock.
 *
 * @param date the review's as-of date
 */
public record AsOf(LocalDate date) {
}

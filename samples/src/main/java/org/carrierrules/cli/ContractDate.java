package org.carrierrules.cli;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A date option as the contract writes dates, {@code 2024-12-31}. Picocli's own conversion would also take
 * {@code +999999999-12-31}, which the library refuses (supervision counts the years up to it one by one).
 */
final class ContractDate implements ITypeConverter<LocalDate> {
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    @Override
    public LocalDate convert(String value) {
        if (DATE.matcher(value).matches()) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeException e) {
                // Shaped like a date but not one (2024-02-30): refused below with the expected form.
            }
        }
        throw new TypeConversionException("“" + value + "”不是有效的日期；应写作 2024-12-31（年-月-日）");
    }
}

package org.carrierrules.json;

import java.util.List;

import org.carrierrules.InvalidInputException;
import org.carrierrules.application.Application;
import org.carrierrules.application.FactSchema;

/**
 * One record of an input file: either an application ready to assess or the reason it is not.
 * Either way it keeps its place in the file, so that results line up with inputs one for one.
 */
public sealed interface InputRecord {
    /** 1-based position in the file. */
    int position();

    /** 1-based line where the record starts. */
    int line();

    /** The application's id as far as it could be read, or null. */
    String applicationId();

    /**
     * The records with each application's facts held to the facts its policy declares ({@code CarrierRules.factSchema()}):
     * a record whose facts do not fit becomes an error entry in its place, naming the fact ({@code facts.annualTrainees}),
     * as any other field; the others stay as read, their dates read as dates.
     */
    static List<InputRecord> conform(List<InputRecord> records, FactSchema schema) {
        return records.stream().map(record -> record instanceof Valid valid ? valid.conform(schema) : record).toList();
    }

    record Valid(int position, int line, Application application) implements InputRecord {
        @Override
        public String applicationId() {
            return application.id();
        }

        InputRecord conform(FactSchema schema) {
            try {
                Application conformed = schema.conform(application);
                return conformed == application ? this : new Valid(position, line, conformed);
            } catch (InvalidInputException e) {
                return new Invalid(position, line, application.id(), InputError.invalid(e.field(), e.problem()));
            }
        }
    }

    record Invalid(int position, int line, String applicationId, InputError error) implements InputRecord {
    }
}

package org.carrierrules.json;

import org.carrierrules.application.Application;

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

    record Valid(int position, int line, Application application) implements InputRecord {
        @Override
        public String applicationId() {
            return application.id();
        }
    }

    record Invalid(int position, int line, String applicationId, InputError error) implements InputRecord {
    }
}

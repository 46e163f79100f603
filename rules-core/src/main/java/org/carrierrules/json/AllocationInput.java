package org.carrierrules.json;

import java.time.LocalDate;
import java.util.List;

import org.carrierrules.allocation.RoundSubmission;

/**
 * The input of {@code allocate}, read: either a round ready to allocate or every reason it is not. A
 * round is allocated whole or not at all: a candidate list decided without one of its applications
 * could give that application's place to another.
 */
public sealed interface AllocationInput {
    /**
     * @param submission  the round's applications, reviews and objections
     * @param noticeStart the first day of the public notice (四(五)) when the input names one, else null
     */
    record Valid(RoundSubmission submission, LocalDate noticeStart) implements AllocationInput {
    }

    /** @param errors every input error found, each naming its field */
    record Invalid(List<InputError> errors) implements AllocationInput {
        public Invalid {
            errors = List.copyOf(errors);
        }
    }
}

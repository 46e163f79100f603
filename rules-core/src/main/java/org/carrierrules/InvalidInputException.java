package org.carrierrules;

/**
 * Input that the library refuses to decide on, naming the offending field (as a dotted path such as
 * {@code applicant.creditCode}) and, in the message, what is wrong and how to fix it.
 */
public final class InvalidInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String problem;

    public InvalidInputException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
        this.problem = problem;
    }

    /** The dotted path of the field at fault, e.g. {@code materials[2].format}. */
    public String field() {
        return field;
    }

    /** What is wrong with it, in plain Chinese, without the field name. */
    public String problem() {
        return problem;
    }

    /** The same problem, seen from one level up: {@code creditCode} becomes {@code applicant.creditCode}. */
    public InvalidInputException under(String parent) {
        return new InvalidInputException(field.startsWith("[") ? parent + field : parent + "." + field, problem);
    }
}

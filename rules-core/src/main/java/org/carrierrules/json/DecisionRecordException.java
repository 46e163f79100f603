package org.carrierrules.json;

/**
 * A decision record that cannot be checked: not a record, of the wrong shape, altered, or holding input
 * the library refuses. Names the field at fault by its path in the record ({@code decision.entries[3].rank},
 * {@code input.applicant.creditCode}, {@code $} for the record itself) and says in Chinese what is wrong.
 * {@link DecisionRecords#read} and {@link DecisionRecords#sign} throw nothing else for a bad record.
 */
public final class DecisionRecordException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What kind of fault it is, for a host that treats them differently. */
    public enum Reason {
        /** Not a decision record of a format this library knows ({@code format}, {@code kind}). */
        NOT_A_RECORD,
        /** A field missing, of the wrong type, nested too deeply, or unknown where none may be added. */
        MALFORMED,
        /** Two entries with the same id, where each id may appear once ({@link #id()} names it). */
        DUPLICATE_ID,
        /** A value RFC 8785 cannot canonicalize: a number that is no finite double, half a surrogate pair. */
        NOT_I_JSON,
        /** The input no longer matches its {@code inputHash}: the record was altered after it was written. */
        INPUT_ALTERED,
        /** The recorded input is not valid input of the contract, so nothing can be decided from it. */
        INPUT_INVALID
    }

    private final Reason reason;
    private final String field;
    private final String problem;
    private final String id;

    public DecisionRecordException(Reason reason, String field, String problem, String id) {
        super(field + "：" + problem);
        this.reason = reason;
        this.field = field;
        this.problem = problem;
        this.id = id;
    }

    public Reason reason() {
        return reason;
    }

    /** The path of the field at fault in the record, e.g. {@code decision.findings[0].message}; {@code $} for the whole record. */
    public String field() {
        return field;
    }

    /** What is wrong with it, in plain Chinese, without the field. */
    public String problem() {
        return problem;
    }

    /** The repeated id for {@link Reason#DUPLICATE_ID}, otherwise null. */
    public String id() {
        return id;
    }
}

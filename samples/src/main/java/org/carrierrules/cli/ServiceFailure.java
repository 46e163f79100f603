package org.carrierrules.cli;

/**
 * A request the decision service answers with {@code {"error": {"code", "message"}}} rather than a decision:
 * a body that is not JSON, past a read limit, a parameter that is missing or malformed. The message is for
 * the person behind the calling system, in Chinese; no stack trace is kept, none is ever shown.
 */
final class ServiceFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    static final String INVALID_JSON = "INVALID_JSON";
    static final String READ_LIMIT_EXCEEDED = "READ_LIMIT_EXCEEDED";
    static final String INVALID_PARAMETER = "INVALID_PARAMETER";
    static final String CALENDAR_YEAR_MISSING = "CALENDAR_YEAR_MISSING";

    private final int status;
    private final String code;

    ServiceFailure(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}

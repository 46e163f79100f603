package org.carrierrules.json;

/**
 * A file past one of its {@link ReadLimits}: the message says, in Chinese, which limit, its value and
 * how to raise it in Java; a host with its own way of raising it (the command line names its option)
 * words the message with {@link #messageRaisedBy(String)}.
 */
public final class ReadLimitException extends JsonFileException {
    private static final long serialVersionUID = 1L;

    private final String found;
    private final ReadLimits.Limit limit;
    private final long value;

    ReadLimitException(String file, int line, int column, String found, ReadLimits.Limit limit, long value, Throwable cause) {
        super(file, line, column, problem(found, limit, value, "ReadLimits.with" + Character.toUpperCase(limit.property().charAt(0))
                + limit.property().substring(1) + "(…)"), cause);
        this.found = found;
        this.limit = limit;
        this.value = value;
    }

    private static String problem(String found, ReadLimits.Limit limit, long value, String raisedBy) {
        return found + "，超过读取上限 " + limit.property() + " = " + value + " " + limit.unit() + "（" + limit.what()
                + "）；确需读取时，请用 " + raisedBy + " 调高此上限";
    }

    /** The same message, telling how to raise the limit in the host's own terms, e.g. {@code --max-records N}. */
    public String messageRaisedBy(String raisedBy) {
        return located(file(), line(), column(), problem(found, limit, value, raisedBy));
    }

    /** The limit that was reached. */
    public ReadLimits.Limit limit() {
        return limit;
    }

    /** The value it was set to. */
    public long value() {
        return value;
    }
}

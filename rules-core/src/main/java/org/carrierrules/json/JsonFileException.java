package org.carrierrules.json;

/**
 * A file that is not JSON of the expected shape at all, or is past a {@link ReadLimits read limit},
 * with where the reading stopped. Line and column are 1-based; both are 1 when the file was refused
 * before any of it was read.
 */
public sealed class JsonFileException extends RuntimeException permits ReadLimitException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final int column;

    public JsonFileException(String file, int line, int column, String problem, Throwable cause) {
        super(located(file, line, column, problem), cause);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    static String located(String file, int line, int column, String problem) {
        return file + " 第" + line + "行第" + column + "列：" + problem;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}

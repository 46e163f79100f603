package org.carrierrules.json;

/** A file that is not JSON of the expected shape at all, with where the reading stopped. */
public final class JsonFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final int column;

    public JsonFileException(String file, int line, int column, String problem, Throwable cause) {
        super(file + " 第" + line + "行第" + column + "列：" + problem, cause);
        this.file = file;
        this.line = line;
        this.column = column;
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

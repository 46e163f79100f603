package org.carrierrules.json;

/** A key file that cannot be used to sign or check decision records, with the file and, in Chinese, why and how to fix it. */
public final class KeyFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;

    public KeyFileException(String file, String problem, Throwable cause) {
        super(file + "：" + problem, cause);
        this.file = file;
    }

    public String file() {
        return file;
    }
}

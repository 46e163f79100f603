package org.carrierrules.json;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An input stream that gives at most {@code max} bytes and fails, rather than ending, when there are more:
 * a file past {@link ReadLimits#maxBytes()} is refused, not cut short. Counts what the parser reads, so the
 * limit holds for a stream of unknown length (a pipe, or a file still being written) as well.
 *
 * <p>Not Jackson's own {@code StreamReadConstraints.maxDocumentLength}: Jackson checks that each time it has filled
 * its buffer (8,000 bytes), after the bytes are read, so it cannot stop a read at an exact byte, nor say on which
 * line and column the first byte past the limit is.
 */
final class Bounded extends FilterInputStream {
    /**
     * More than {@code max} bytes, with the line and column (in bytes, as Jackson counts them in UTF-8) of the
     * first byte past the limit. The parser's own location is not used: it is off while it refills its buffer.
     */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        final int line;
        final int column;

        TooLarge(int line, int column) {
            super("more bytes than the read limit");
            this.line = line;
            this.column = column;
        }
    }

    private long remaining;
    private int line = 1;
    private int column = 1;

    Bounded(InputStream in, long max) {
        super(in);
        this.remaining = max;
    }

    @Override
    public int read() throws IOException {
        if (remaining == 0) {
            return endOrTooLarge();
        }
        int b = super.read();
        if (b >= 0) {
            remaining--;
            advance(b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (remaining == 0) {
            return endOrTooLarge();
        }
        int n = super.read(buffer, offset, (int) Math.min(length, remaining));
        for (int i = 0; i < n; i++) {
            advance(buffer[offset + i]);
        }
        if (n > 0) {
            remaining -= n;
        }
        return n;
    }

    /** Jackson never skips; refusing to keeps the line and column right. */
    @Override
    public long skip(long n) {
        return 0;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** At the limit: a file exactly {@code max} bytes long ends here; one more byte means it is too large. */
    private int endOrTooLarge() throws IOException {
        if (super.read() < 0) {
            return -1;
        }
        throw new TooLarge(line, column);
    }

    private void advance(int b) {
        if (b == '\n') {
            line++;
            column = 1;
        } else {
            column++;
        }
    }
}

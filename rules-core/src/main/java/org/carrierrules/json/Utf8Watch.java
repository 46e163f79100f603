package org.carrierrules.json;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Watches the bytes the parser reads for the first one that cannot be UTF-8 (RFC 3629, as Jackson decodes it:
 * no overlong form, no surrogate, nothing past U+10FFFF). Jackson reports such bytes, most often a GBK file's
 * Chinese, as a plain {@link com.fasterxml.jackson.core.JsonParseException} whose only sign of the cause is its
 * English message; a parse error at or past the first bad byte is the file's encoding, and the message can say
 * so in Chinese. Input that Jackson reads as UTF-16 or UTF-32 (a byte-order mark of those, or a zero byte among
 * the first two) is not watched.
 */
final class Utf8Watch extends FilterInputStream {
    private long offset;
    private long firstInvalid = -1;
    /** Continuation bytes still due for the character begun; -1 once the input is known not to be UTF-8. */
    private int due;
    /** The range the next continuation byte must be in: narrower after E0, ED, F0 and F4. */
    private int lowest = 0x80;
    private int highest = 0xBF;
    private int first = -1;

    Utf8Watch(InputStream in) {
        super(in);
    }

    /** Whether a byte that cannot be UTF-8 came before {@code byteOffset}, the place a parse error names. */
    boolean invalidBefore(long byteOffset) {
        if (offset == 1 && first != 0) {
            check(first, 0);
        }
        return firstInvalid >= 0 && firstInvalid < byteOffset;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            see(b, offset++);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int start, int length) throws IOException {
        int n = super.read(buffer, start, length);
        for (int i = 0; i < n && due >= 0 && firstInvalid < 0; i++) {
            byte b = buffer[start + i];
            // ASCII between characters, nearly every byte of a file, needs no look.
            if (b < 0 || due > 0 || offset + i < 2) {
                see(b & 0xFF, offset + i);
            }
        }
        offset += Math.max(n, 0);
        return n;
    }

    private void see(int b, long at) {
        if (due < 0 || firstInvalid >= 0) {
            return;
        }
        if (at == 0) {
            // Judged with the second: Jackson's bootstrapper tells the encoding from the first bytes.
            first = b;
            return;
        }
        if (at == 1) {
            if (first == 0 || b == 0 || first == 0xFE && b == 0xFF || first == 0xFF && b == 0xFE) {
                // A UTF-16 byte-order mark, or a zero byte: UTF-16 or UTF-32, which Jackson decodes itself.
                due = -1;
                return;
            }
            check(first, 0);
            if (firstInvalid >= 0) {
                return;
            }
        }
        check(b, at);
    }

    private void check(int b, long at) {
        if (due > 0) {
            if (b < lowest || b > highest) {
                firstInvalid = at;
                return;
            }
            due--;
            lowest = 0x80;
            highest = 0xBF;
        } else if (b >= 0x80) {
            if (b < 0xC2 || b > 0xF4) {
                firstInvalid = at;
                return;
            }
            due = b < 0xE0 ? 1 : b < 0xF0 ? 2 : 3;
            lowest = b == 0xE0 ? 0xA0 : b == 0xF0 ? 0x90 : 0x80;
            highest = b == 0xED ? 0x9F : b == 0xF4 ? 0x8F : 0xBF;
        }
    }
}

package org.carrierrules.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.carrierrules.json.JsonFileException;
import org.carrierrules.json.ReadLimitException;
import org.carrierrules.json.ReadLimits;

/**
 * The body of a request to the decision service, read within the same {@link ReadLimits} as the command line's
 * input files, with the same messages: the library's readers take the body as they take a file, named
 * {@value #SOURCE} in place of a file name.
 */
final class RequestBody {
    /** What a message about the body calls it, where a message about a file names the file. */
    static final String SOURCE = "请求正文";
    /** How far the first significant byte of a body is looked for; whitespace longer than this is left to the reader. */
    private static final int PEEK = 8_192;
    /** The most of a refused body read only to be dropped; past it, the connection is closed instead. */
    static final long DRAIN_LIMIT = 64L << 20;
    /** A request attribute: the body's stream was asked for (and "100 Continue" sent, if the client waited for it). */
    private static final String STARTED = "org.carrierrules.cli.bodyStarted";

    private RequestBody() {
    }

    /**
     * Refuses a body unread when it declares more bytes than {@link ReadLimits#maxBytes()}, as a file of that
     * size is refused before it is parsed.
     *
     * @param declaredLength the Content-Length, or -1 for a body sent in chunks (counted as it is read)
     */
    static void refuseDeclaredLength(long declaredLength, ReadLimits limits) {
        if (declaredLength > limits.maxBytes()) {
            throw tooLarge("大小为 " + declaredLength + " 字节", limits);
        }
    }

    /** The body, to be read once, with room to look at its first bytes ({@link #holdsOneObject}). */
    static BufferedInputStream open(HttpServletRequest request) throws IOException {
        request.setAttribute(STARTED, Boolean.TRUE);
        return new BufferedInputStream(request.getInputStream(), PEEK);
    }

    /**
     * Reads and drops what is left of a refused body, so that the refusal reaches the client: a server that
     * closes a connection with bytes still unread makes the client's system reset it, and the reset can
     * destroy the answer before the client reads it. Not done when more than {@value #DRAIN_LIMIT} bytes
     * would have to be read (the connection is closed then, as Jetty does), nor for a client that waits
     * for "100 Continue" before sending a body that no one has asked for yet.
     */
    static void drain(HttpServletRequest request) {
        boolean started = request.getAttribute(STARTED) != null;
        boolean waiting = "100-continue".equalsIgnoreCase(request.getHeader("Expect"));
        boolean hasBody = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
        if (!hasBody || (waiting && !started) || request.getContentLengthLong() > DRAIN_LIMIT) {
            return;
        }
        try {
            InputStream in = request.getInputStream();
            byte[] buffer = new byte[PEEK];
            for (long total = 0; total <= DRAIN_LIMIT; ) {
                int n = in.read(buffer);
                if (n < 0) {
                    return;
                }
                total += n;
            }
        } catch (IOException | RuntimeException e) {
            // The client is gone or the stream is broken: there is no one to answer, nothing to drain.
        }
    }

    /**
     * Whether the body is one JSON object rather than an array: the contract answers one application with one
     * assessment, an array with an array. Byte-order marks and the zero bytes of UTF-16 and UTF-32 are passed over.
     */
    static boolean holdsOneObject(BufferedInputStream in) {
        try {
            in.mark(PEEK);
            try {
                for (int i = 0; i < PEEK; i++) {
                    int b = in.read();
                    switch (b) {
                        case ' ', '\t', '\r', '\n', 0x00, 0xEF, 0xBB, 0xBF, 0xFE, 0xFF -> {
                            continue;
                        }
                        default -> {
                            return b == '{';
                        }
                    }
                }
                return false;
            } finally {
                in.reset();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Copies the body to {@code file} for a reader that takes only files, refusing it once it is past
     * {@link ReadLimits#maxBytes()}.
     */
    static void copy(InputStream in, Path file, ReadLimits limits) {
        byte[] buffer = new byte[PEEK];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                total += n;
                if (total > limits.maxBytes()) {
                    throw tooLarge("多于 " + limits.maxBytes() + " 字节", limits);
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取 " + SOURCE, e);
        }
    }

    /**
     * What {@code reader} makes of the body; a body that is not JSON is a 400, one past a read limit a 413, each
     * with the library's message (where it stopped, and for a limit which one and how to raise it).
     */
    static <T> T read(Supplier<T> reader) {
        try {
            return reader.get();
        } catch (ReadLimitException e) {
            throw new ServiceFailure(413, ServiceFailure.READ_LIMIT_EXCEEDED,
                    asBody(e, e.messageRaisedBy(raisedBy(e.limit()))));
        } catch (JsonFileException e) {
            throw new ServiceFailure(400, ServiceFailure.INVALID_JSON, asBody(e, e.getMessage()));
        } catch (UncheckedIOException e) {
            // The client went away or stalled mid-body: nothing was decided, and nobody may be listening.
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof TimeoutException) {
                    throw new ServiceFailure(408, "REQUEST_TIMEOUT", "请求正文未在规定时间内传完（连接空闲超时），未作决定；请重新发送");
                }
            }
            throw new ServiceFailure(400, "BODY_UNREADABLE", "请求正文未能读完（连接已中断），未作决定；请重新发送");
        }
    }

    /** As the command line says how to raise a limit, for the command that starts the service. */
    private static String raisedBy(ReadLimits.Limit limit) {
        return "serve " + ReadLimitOptions.option(limit) + " N";
    }

    static ServiceFailure tooLarge(String found, ReadLimits limits) {
        ReadLimits.Limit limit = ReadLimits.Limit.MAX_BYTES;
        return new ServiceFailure(413, ServiceFailure.READ_LIMIT_EXCEEDED,
                SOURCE + "：" + found + "，超过读取上限 " + limit.property() + " = " + limits.maxBytes() + " " + limit.unit() + "（"
                        + limit.what() + "）；确需读取时，请用 " + raisedBy(limit) + " 调高此上限");
    }

    /** The message with the body named as such, where a reader that takes only files named the file it was copied to. */
    private static String asBody(JsonFileException e, String message) {
        return !e.file().equals(SOURCE) && message.startsWith(e.file()) ? SOURCE + message.substring(e.file().length()) : message;
    }
}

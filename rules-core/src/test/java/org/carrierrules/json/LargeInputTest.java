package org.carrierrules.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.carrierrules.testing.Figures;
import org.carrierrules.testing.ForkedJvm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files of 50 MB, written record by record into a temporary folder: refused unread under the default limits,
 * read whole with raised ones in a JVM whose heap is four times the file, and stopped early when one string or
 * the nesting is what is large.
 */
class LargeInputTest {
    static final long SIZE = 50L * 1024 * 1024;
    /** The heap of the JVM that reads the whole file: four times the file. */
    static final String HEAP = "-Xmx200m";
    private static final long RAISED_BYTES = 64L * 1024 * 1024;

    @TempDir
    static Path temp;
    static Path applications;
    static int count;

    /** Valid applications, every seventh without a paper copy, until the file has 50 MB. */
    @BeforeAll
    static void writeFiftyMegabytesOfApplications() throws Exception {
        applications = temp.resolve("applications.json");
        long written = 1;
        try (Writer out = Files.newBufferedWriter(applications, StandardCharsets.UTF_8)) {
            out.write('[');
            while (written < SIZE) {
                ObjectNode app = ApplicationJsonTest.valid("LH-" + count);
                if (count % 7 == 0) {
                    app.remove("paperCopy");
                }
                String record = (count == 0 ? "\n" : ",\n") + app;
                out.write(record);
                written += record.getBytes(StandardCharsets.UTF_8).length;
                count++;
            }
            out.write("\n]\n");
        }
    }

    @Test
    void theDefaultLimitsRefuseItUnreadAndAStreamAtTheFirstLimitItReaches() throws Exception {
        ReadLimitException unread = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(ReadLimitException.class, () -> ApplicationJson.readAll(applications)));
        assertEquals(ReadLimits.Limit.MAX_BYTES, unread.limit());
        assertEquals(1, unread.line());
        assertTrue(unread.getMessage().contains("maxBytes = 33554432"), unread.getMessage());

        // One record a line: the 10 001st record comes long before the 32 MiB.
        try (InputStream in = Files.newInputStream(applications)) {
            ReadLimitException streamed = assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> assertThrows(ReadLimitException.class, () -> ApplicationJson.readAll(in, "stdin")));
            assertEquals(ReadLimits.Limit.MAX_RECORDS, streamed.limit());
            assertEquals(ReadLimits.DEFAULTS.maxRecords() + 2, streamed.line());
        }
        try (InputStream in = Files.newInputStream(applications)) {
            ReadLimitException streamed = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThrows(ReadLimitException.class,
                    () -> ApplicationJson.readAll(in, "stdin", ReadLimits.DEFAULTS.withMaxRecords(100_000))));
            assertEquals(ReadLimits.Limit.MAX_BYTES, streamed.limit());
            assertTrue(streamed.line() > count / 2, () -> "stopped on line " + streamed.line() + " of " + (count + 2));
        }
    }

    @Test
    void raisedLimitsReadAndAssessEveryRecordInAHeapFourTimesTheFile() throws Exception {
        ForkedJvm.Ended ended = ForkedJvm.run(List.of(HEAP, "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"),
                LargeInputMain.class.getName(), List.of(applications.toString(), Long.toString(RAISED_BYTES), "100000"), null,
                temp.resolve("large-stderr.txt"), 180);

        assertEquals(0, ended.exitCode(), ended::err);
        Map<String, String> figures = figures(ended.out());
        assertEquals(Integer.toString(count), figures.get("records"), ended::out);
        assertEquals(Integer.toString(count), figures.get("valid"), ended::out);
        assertEquals(Integer.toString(count), figures.get("results"), ended::out);
        Figures.record("large-file", "bytes", Files.size(applications), "records", count, "heap", HEAP,
                "retainedMB", figures.get("retainedMB"), "readMillis", figures.get("readMillis"),
                "assessMillis", figures.get("assessMillis"), "jvmMillis", ended.millis());
    }

    @Test
    void aFiftyMegabyteStringStopsAtTheStringLimit() throws Exception {
        Path file = temp.resolve("one-long-name.json");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("[{\"id\": \"LH-1\", \"name\": \"");
            char[] chunk = "罗湖".repeat(4096).toCharArray();
            for (long n = 0; n < SIZE / 3; n += chunk.length) {
                out.write(chunk);
            }
            out.write("\"}]");
        }

        ReadLimitException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(ReadLimitException.class,
                () -> ApplicationJson.readAll(file, ReadLimits.DEFAULTS.withMaxBytes(RAISED_BYTES))));

        assertEquals(ReadLimits.Limit.MAX_STRING_LENGTH, e.limit());
        assertEquals(1, e.line());
    }

    @Test
    void fiftyMegabytesOfNestingStopAtTheDepthLimit() throws Exception {
        Path file = temp.resolve("nested.json");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            for (int bracket = 0; bracket < 2; bracket++) {
                char[] chunk = (bracket == 0 ? "[" : "]").repeat(8192).toCharArray();
                for (long n = 0; n < SIZE / 2; n += chunk.length) {
                    out.write(chunk);
                }
            }
        }

        ReadLimitException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(ReadLimitException.class,
                () -> CarrierJson.readAll(file, ReadLimits.DEFAULTS.withMaxBytes(RAISED_BYTES))));

        assertEquals(ReadLimits.Limit.MAX_DEPTH, e.limit());
        assertEquals(ReadLimits.DEFAULTS.maxDepth() + 1, e.column());
    }

    private static Map<String, String> figures(String line) {
        Map<String, String> figures = new HashMap<>();
        for (String pair : line.trim().split(" ")) {
            String[] kv = pair.split("=", 2);
            figures.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        return figures;
    }
}

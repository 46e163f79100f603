package org.carrierrules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.carrierrules.hostile.HostileChecks;
import org.carrierrules.hostile.HostileChecks.Result;
import org.carrierrules.hostile.HostileJson;
import org.carrierrules.hostile.HostileJson.Expect;
import org.carrierrules.hostile.HostileJson.HostileFile;
import org.carrierrules.json.ReadLimits;
import org.carrierrules.testing.Figures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile files of the library's generators through the commands that read files: every case ends in
 * exit 0 or 3 with one entry per record (assess, review) or an allocation or every error (allocate, run), or in
 * exit 2 with the file, line and column and, for a limit, the option that raises it; never exit 1 (an
 * uncaught exception), never a hang.
 */
class HostileCommandsTest {
    private static final long SEED = 20240729L;
    /** Cases per command; the figures in docs/reliability.md. */
    static final int EXAMPLES = 300;
    static final int ROUND_EXAMPLES = 100;
    private static final Duration BOUND = Duration.ofSeconds(180);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACE = Pattern.compile("第[1-9][0-9]*行第[1-9][0-9]*列：");

    @TempDir
    Path temp;

    @Test
    void assessAnswersEveryRecordOrNamesWhereTheFileIsWrong() {
        AtomicInteger readable = new AtomicInteger();
        assertTimeoutPreemptively(BOUND, () -> qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(HostileJson.applicationFiles())
                .checkAssert(file -> {
                    Path input = write(file, "applications.json");
                    Run run = Run.of(args(file, "assess", input.toString()));
                    if (records(file, run, "applicationId")) {
                        readable.incrementAndGet();
                    }
                }));
        Figures.record("hostile-cli-assess", "cases", EXAMPLES, "readable", readable.get());
    }

    @Test
    void reviewAnswersEveryRecordOrNamesWhereTheFileIsWrong() {
        AtomicInteger readable = new AtomicInteger();
        assertTimeoutPreemptively(BOUND, () -> qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(HostileJson.carrierFiles())
                .checkAssert(file -> {
                    Path input = write(file, "carriers.json");
                    Run run = Run.of(args(file, "review", "--as-of", "2024-12-31", input.toString()));
                    if (records(file, run, "carrierId")) {
                        readable.incrementAndGet();
                    }
                }));
        Figures.record("hostile-cli-review", "cases", EXAMPLES, "readable", readable.get());
    }

    @Test
    void allocateDecidesTheRoundOrListsEveryError() {
        AtomicInteger readable = new AtomicInteger();
        assertTimeoutPreemptively(BOUND, () -> qt().withFixedSeed(SEED).withExamples(ROUND_EXAMPLES).forAll(HostileJson.allocationFiles())
                .checkAssert(file -> {
                    Path input = write(file, "round.json");
                    Run run = Run.of(args(file, "allocate", input.toString()));
                    if (!file.readable()) {
                        fileError(file, run);
                        return;
                    }
                    readable.incrementAndGet();
                    assertTrue(run.exitCode() == 0 || run.exitCode() == 3, () -> run + " | " + file);
                    JsonNode output = tree(run.out());
                    List<String> fields = new ArrayList<>();
                    if (run.exitCode() == 3) {
                        output.path("errors").forEach(e -> fields.add(e.path("field").asText()));
                        assertFalse(fields.isEmpty(), run::toString);
                    } else {
                        assertEquals(file.tree().path("applications").size(), output.size(), run::toString);
                    }
                    HostileChecks.checkRound(file, run.exitCode() == 3, fields);
                }));
        Figures.record("hostile-cli-allocate", "cases", ROUND_EXAMPLES, "readable", readable.get());
    }

    /** {@code run} over a round folder whose applications.json is hostile: written whole, refused with every error, or exit 2. */
    @Test
    void runWritesTheRoundOrRefusesItWhole() {
        AtomicInteger written = new AtomicInteger();
        assertTimeoutPreemptively(BOUND, () -> qt().withFixedSeed(SEED).withExamples(ROUND_EXAMPLES).forAll(HostileJson.applicationFiles())
                .checkAssert(file -> {
                    Path folder = temp.resolve("round");
                    Path out = temp.resolve("out");
                    roundFolder(folder, file, out);
                    Run run = Run.of(args(file, "run", folder.toString(), "--out", out.toString()));

                    assertTrue(List.of(0, 2, 3).contains(run.exitCode()), () -> run + " | " + file);
                    if (run.exitCode() == 2) {
                        assertTrue(PLACE.matcher(run.err()).find(), () -> run + " | " + file);
                        return;
                    }
                    JsonNode document = file.tree();
                    boolean cleanArray = file.readable() && document.isArray() && file.records().stream()
                            .allMatch(r -> r.expect() == Expect.VALID) && uniqueVersions(document);
                    if (run.exitCode() == 0) {
                        written.incrementAndGet();
                        assertTrue(file.records().stream().noneMatch(r -> r.expect() == Expect.INVALID), () -> run + " | " + file);
                        JsonNode result = tree(read(out.resolve(RunCommand.RESULT)));
                        // One entry per application, however many versions of it came (四(三) 补正); one assessment per record.
                        assertEquals(ids(document).size(), result.path("entries").size(), run::toString);
                        assertEquals(document.size(), result.path("assessments").size(), run::toString);
                    } else {
                        assertFalse(cleanArray, () -> "a clean round was refused: " + run + " | " + file);
                        assertFalse(tree(run.out()).path("errors").isEmpty(), run::toString);
                    }
                }));
        Figures.record("hostile-cli-run", "cases", ROUND_EXAMPLES, "written", written.get());
    }

    /** For a readable file, the entries of exit 0 or 3; otherwise exit 2 with the place. True when the file was readable. */
    private static boolean records(HostileFile file, Run run, String idField) {
        if (!file.readable()) {
            fileError(file, run);
            return false;
        }
        assertTrue(run.exitCode() == 0 || run.exitCode() == 3, () -> run + " | " + file);
        JsonNode entries = tree(run.out());
        List<Result> results = new ArrayList<>();
        boolean anyInvalid = false;
        for (JsonNode entry : entries) {
            String id = entry.path(idField).isTextual() ? entry.path(idField).textValue() : null;
            if (entry.has("error")) {
                anyInvalid = true;
                results.add(new Result(false, id, entry.path("error").path("field").asText(), entry.path("error").path("message").asText()));
            } else {
                results.add(new Result(true, id, null, null));
            }
        }
        HostileChecks.checkRecords(file, results);
        assertEquals(anyInvalid ? 3 : 0, run.exitCode(), run::toString);
        return true;
    }

    /** Exit 2, nothing on stdout, and on stderr the file, line and column; for a limit, its name and option. */
    private static void fileError(HostileFile file, Run run) {
        assertEquals(2, run.exitCode(), () -> run + " | " + file);
        assertEquals("", run.out(), () -> run + " | " + file);
        assertTrue(PLACE.matcher(run.err()).find(), () -> run + " | " + file);
        if (!file.malformed()) {
            assertTrue(file.limitsHit().stream().anyMatch(limit -> run.err().contains(limit.property())
                    && run.err().contains(ReadLimitOptions.option(limit))), () -> run + " | " + file);
        }
    }

    private static JsonNode tree(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> ids(JsonNode applications) {
        Set<String> ids = new HashSet<>();
        applications.forEach(application -> ids.add(application.path("id").asText()));
        return ids;
    }

    /**
     * No two records of one application submitted at the same instant (a time without an offset is Beijing time, as
     * the contract reads it): records of one id at different times are versions of it, which a round takes.
     */
    private static boolean uniqueVersions(JsonNode applications) {
        Set<String> versions = new HashSet<>();
        for (JsonNode application : applications) {
            String at = application.path("submittedAt").asText();
            String instant;
            try {
                instant = OffsetDateTime.parse(at).toInstant().toString();
            } catch (DateTimeParseException withoutOffset) {
                instant = LocalDateTime.parse(at).atOffset(ZoneOffset.ofHours(8)).toInstant().toString();
            }
            if (!versions.add(application.path("id").asText() + "@" + instant)) {
                return false;
            }
        }
        return true;
    }

    /** The command line with the case's limits given as options, when they are not the defaults. */
    private static String[] args(HostileFile file, String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        ReadLimits limits = file.limits();
        if (!limits.equals(ReadLimits.DEFAULTS)) {
            args.addAll(1, List.of("--max-bytes", Long.toString(limits.maxBytes()), "--max-records", Integer.toString(limits.maxRecords()),
                    "--max-string-length", Integer.toString(limits.maxStringLength()), "--max-depth", Integer.toString(limits.maxDepth())));
        }
        return args.toArray(String[]::new);
    }

    /** A round folder of the bundled round whose applications.json is the hostile file, with no reviews, and no result from an earlier case. */
    private static void roundFolder(Path folder, HostileFile file, Path out) {
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(RunCommand.ROUND), "{\"round\": \"luohu-2024\"}");
            Files.write(folder.resolve(RunCommand.APPLICATIONS), file.bytes());
            Files.writeString(folder.resolve(RunCommand.REVIEWS), "[]");
            Files.deleteIfExists(out.resolve(RunCommand.RESULT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path write(HostileFile file, String name) {
        try {
            return Files.write(temp.resolve(name), file.bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

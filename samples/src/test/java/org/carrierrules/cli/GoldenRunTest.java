package org.carrierrules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The golden run: every command's output on the sample data and on the broken policies, byte for byte
 * (exit code, standard output, standard error and every file a command writes), held against
 * {@code src/test/resources/golden/}. A refactoring must leave all of it unchanged; a change that is meant
 * to move output regenerates the files with {@code -Dgolden.update=true} and says why in its commit, so the
 * diff of the golden files is the review of what users will see.
 */
class GoldenRunTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final Path BROKEN = LibraryTestFiles.folder("broken-policies");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    /** One command line; {@code OUT} in an argument is replaced by a fresh folder whose files are compared too. */
    record GoldenCase(String name, List<String> args) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<GoldenCase> cases() throws IOException {
        List<GoldenCase> cases = new ArrayList<>(List.of(
                golden("assess-json", "assess", "data/luohu-2024/applications.json"),
                golden("assess-text", "assess", "--format", "text", "data/luohu-2024/applications.json"),
                golden("assess-invalid", "assess", "data/luohu-2024/invalid-applications.json"),
                golden("assess-invalid-text", "assess", "--format", "text", "data/luohu-2024/invalid-applications.json"),
                golden("assess-one", "assess", "data/one-application.json"),
                golden("assess-records", "assess", "--records", "OUT", "data/luohu-2024/applications.json"),
                golden("review-json", "review", "--as-of", "2024-12-31", "data/carriers-2024.json"),
                golden("review-text", "review", "--as-of", "2024-12-31", "--format", "text", "data/carriers-2024.json"),
                golden("review-invalid", "review", "--as-of", "2024-12-31", "data/invalid-carriers-2024.json"),
                golden("review-records", "review", "--as-of", "2024-12-31", "--records", "OUT", "data/carriers-2024.json"),
                golden("run", "run", "data/luohu-2024", "--out", "OUT"),
                golden("run-notice-start", "run", "data/luohu-2024", "--out", "OUT", "--notice-start", "2024-09-11"),
                golden("notice-period", "notice-period", "--start", "2024-09-11"),
                golden("notice-period-holiday", "notice-period", "--start", "2024-10-01", "--days", "7"),
                golden("notice-period-missing-year", "notice-period", "--start", "2026-03-02"),
                golden("check-bundled", "check", "OUT/policy"),
                golden("check-bundled-drl", "check", "--print-drl", "OUT/policy"),
                golden("test-bundled", "test", "OUT/policy"),
                golden("test-bundled-coverage", "test", "--coverage", "OUT/policy")));
        try (Stream<Path> policies = Files.list(BROKEN)) {
            policies.filter(Files::isDirectory).sorted().forEach(policy -> {
                String name = policy.getFileName().toString();
                cases.add(golden("check-broken-" + name, "check", policy.toString()));
                if (name.startsWith("scenario-")) {
                    cases.add(golden("test-broken-" + name, "test", policy.toString()));
                }
            });
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void outputIsUnchanged(GoldenCase golden, @TempDir Path out) throws IOException {
        if (golden.args().stream().anyMatch(arg -> arg.startsWith("OUT/policy"))) {
            assertEquals(0, Run.of("init", out.resolve("policy").toString()).exitCode());
        }
        Run run = Run.of(golden.args().stream().map(arg -> arg.replace("OUT", out.toString())).toArray(String[]::new));

        String actual = transcript(golden, run, out).replace(out.toString(), "OUT");
        Path expected = GOLDEN.resolve(golden.name() + ".txt");
        if (UPDATE) {
            Files.createDirectories(GOLDEN);
            Files.writeString(expected, actual, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(expected), () -> "no golden file " + expected + "; run with -Dgolden.update=true");
        assertEquals(Files.readString(expected, StandardCharsets.UTF_8), actual, golden.name());
    }

    /** Exit code, both streams and every file written under OUT (the copied policy excepted), in name order. */
    private static String transcript(GoldenCase golden, Run run, Path out) throws IOException {
        StringBuilder text = new StringBuilder()
                .append("$ carrier-rules ").append(String.join(" ", golden.args())).append('\n')
                .append("exit ").append(run.exitCode()).append('\n')
                .append("--- stdout\n").append(run.out())
                .append("--- stderr\n").append(run.err());
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(file -> !out.relativize(file).startsWith("policy")).sorted().toList()) {
                text.append("--- file ").append(out.relativize(file)).append('\n').append(read(file));
            }
        }
        return text.toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static GoldenCase golden(String name, String... args) {
        return new GoldenCase(name, List.of(args));
    }
}

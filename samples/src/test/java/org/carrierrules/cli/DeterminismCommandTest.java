package org.carrierrules.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.carrierrules.testing.Figures;
import org.carrierrules.testing.ForkedJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same input gives the same bytes: each command's JSON output (and the files {@code run} writes) run twice
 * in this JVM, and once in a JVM of its own whose language, country, time zone, file encoding and line
 * separator are all different.
 */
class DeterminismCommandTest {
    /**
     * Everything about the platform a careless program would let into its output: a language whose digits are
     * not 0 to 9 (ar-EG), a zone 12:45 ahead of UTC, an encoding without Chinese, and Windows line ends.
     */
    static final List<String> FOREIGN_PLATFORM = List.of("-Duser.language=ar", "-Duser.country=EG", "-Duser.timezone=Pacific/Chatham",
            "-Dfile.encoding=ISO-8859-1", "-Dline.separator=\r\n", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");

    private static final List<List<String>> COMMANDS = List.of(
            List.of("assess", "data/luohu-2024/applications.json", "data/luohu-2024/invalid-applications.json"),
            List.of("review", "--as-of", "2024-12-31", "data/carriers-2024.json", "data/invalid-carriers-2024.json"),
            List.of("notice-period", "--start", "2024-09-30", "--days", "7"),
            List.of("test", "--coverage"));

    @TempDir
    Path temp;

    @Test
    void everyJsonOutputAndTheRoundsFilesAreTheSameBytesTwiceHereAndOnceInAForeignJvm() throws Exception {
        List<List<String>> commands = new ArrayList<>(COMMANDS);
        commands.add(List.of("allocate", allocateInput().toString()));
        Path here = temp.resolve("here");
        Path there = temp.resolve("there");
        commands.add(List.of("run", "data/luohu-2024", "--out", there.toString()));
        List<String> args = new ArrayList<>(List.of(temp.toString()));
        commands.forEach(command -> args.add(String.join("|", command)));

        ForkedJvm.Ended forked = ForkedJvm.run(FOREIGN_PLATFORM, ForeignRuns.class.getName(), args, null, temp.resolve("stderr.txt"), 180);

        assertEquals(0, forked.exitCode(), forked::err);
        List<String> exitCodes = forked.out().lines().toList();
        for (int i = 0; i < commands.size(); i++) {
            List<String> command = new ArrayList<>(commands.get(i));
            if (command.get(0).equals("run")) {
                command.set(command.size() - 1, here.toString());
            }
            Run first = Run.of(command.toArray(String[]::new));
            Run second = Run.of(command.toArray(String[]::new));
            byte[] foreign = Files.readAllBytes(temp.resolve("out-" + (i + 1) + ".txt"));

            assertEquals(commands.get(i) + " " + first.exitCode(), exitCodes.get(i), forked::err);
            assertEquals(first.out(), second.out(), () -> "twice in one JVM: " + command);
            if (command.get(0).equals("test")) {
                // Text, printed line by line: its line ends are the platform's, everything else must be the same.
                assertEquals(first.out().replace(System.lineSeparator(), "\n"), new String(foreign, StandardCharsets.UTF_8).replace("\r\n", "\n"),
                        () -> "in a foreign JVM: " + command);
            } else if (!command.get(0).equals("run")) {
                assertArrayEquals(first.out().getBytes(StandardCharsets.UTF_8), foreign,
                        () -> "in a foreign JVM: " + command + "\n" + new String(foreign, StandardCharsets.UTF_8));
            }
        }
        for (String file : List.of(RunCommand.RESULT, RunCommand.REPORT, RunCommand.RECORD)) {
            assertArrayEquals(Files.readAllBytes(here.resolve(file)), Files.readAllBytes(there.resolve(file)), file);
        }
        Figures.record("determinism-cli", "commands", commands.size(), "runsEach", 3, "foreignJvmMillis", forked.millis());
    }

    /** The sample round as one allocate input: its three files put together. */
    private Path allocateInput() throws Exception {
        Path input = temp.resolve("round.json");
        Files.writeString(input, "{\"round\": \"luohu-2024\", \"applications\": "
                + Files.readString(Path.of("data/luohu-2024/applications.json"), StandardCharsets.UTF_8)
                + ", \"reviews\": " + Files.readString(Path.of("data/luohu-2024/reviews.json"), StandardCharsets.UTF_8)
                + ", \"objections\": " + Files.readString(Path.of("data/luohu-2024/objections.json"), StandardCharsets.UTF_8) + "}",
                StandardCharsets.UTF_8);
        return input;
    }
}

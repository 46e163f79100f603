package org.carrierrules.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution for offices as package built it ({@code target/carrier-rules-<version>.zip}): what is in
 * it, and the bash launcher run from the unzipped folder as README.txt tells staff to run it.
 */
class DistributionIT {
    private static final Path ZIP = Path.of(System.getProperty("distribution.zip", "target/distribution.zip"));
    private static final String FOLDER = System.getProperty("distribution.folder", "carrier-rules");
    /** Mode bits in the zip's entries (zipfs reads them from the entries' external attributes). */
    private static final Map<String, String> POSIX = Map.of("enablePosixFileAttributes", "true");

    @TempDir
    Path temp;

    @Test
    void theZipHoldsTheLaunchersTheJarWithEveryLibraryTheSamplesAndTheGuide() throws IOException {
        try (FileSystem zip = FileSystems.newFileSystem(ZIP, POSIX)) {
            Path top = zip.getPath(FOLDER);
            for (String file : List.of("carrier-rules", "carrier-rules.cmd", "carrier-rules.jar", "README.txt",
                    "docs/policy-staff-guide.md", "data/luohu-2024/applications.json", "data/carriers-2024.json",
                    "data/extended-example/applications.json", "policies/extended-example/round.yaml")) {
                assertTrue(Files.isRegularFile(top.resolve(file)), () -> file + " is not in " + ZIP);
            }
            assertEquals(names(Path.of("target/lib")), names(top.resolve("lib")), "lib/ is target/lib/");
            assertTrue(Files.getPosixFilePermissions(top.resolve("carrier-rules")).containsAll(
                    Set.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE)),
                    "the bash launcher is not executable once unzipped");
            // One launcher for the build and the distribution, not a copy that could drift.
            assertArrayEquals(Files.readAllBytes(Path.of("carrier-rules")), Files.readAllBytes(top.resolve("carrier-rules")));
            assertArrayEquals(Files.readAllBytes(Path.of("../docs/policy-staff-guide.md")),
                    Files.readAllBytes(top.resolve("docs/policy-staff-guide.md")));

            String cmd = Files.readString(top.resolve("carrier-rules.cmd"), StandardCharsets.US_ASCII);
            assertTrue(cmd.chars().allMatch(c -> c < 0x80), "cmd.exe reads a batch file in the console's code page: keep it ASCII");
            assertTrue(cmd.endsWith("\r\n") && !cmd.replace("\r\n", "").contains("\n"), "carrier-rules.cmd needs Windows line ends");
            for (String part : List.of("-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8", "-jar \"%jar%\" %*", "exit /b %ERRORLEVEL%",
                    "chcp 65001")) {
                assertTrue(cmd.contains(part), () -> "carrier-rules.cmd lacks " + part);
            }
            String readme = Files.readString(top.resolve("README.txt"), StandardCharsets.UTF_8);
            for (String part : List.of("Java 17", "carrier-rules.cmd assess", "./carrier-rules assess", "chcp 65001", "UTF-8")) {
                assertTrue(readme.contains(part), () -> "README.txt lacks " + part);
            }
        }
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void theBashLauncherAssessesTheSampleFromTheUnzippedFolderAndThenUsesItsClassArchive() throws Exception {
        Path folder = unzip().resolve(FOLDER);
        byte[] expected = goldenStdout("assess-json");

        for (String run : List.of("recording the class archive", "with the class archive")) {
            Path out = temp.resolve("out.json");
            Path err = temp.resolve("err.txt");
            ProcessBuilder launcher = new ProcessBuilder("./carrier-rules", "assess", "data/luohu-2024/applications.json")
                    .directory(folder.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
            launcher.environment().put("JAVA_HOME", System.getProperty("java.home"));
            launcher.environment().remove("JAVA_OPTS");
            Process process = launcher.start();
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), run + ": no end within 120 s");

            assertEquals(0, process.exitValue(), () -> run + ": " + read(err));
            JsonNode assessed = new ObjectMapper().readTree(out.toFile());
            assertTrue(assessed.isArray() && assessed.size() > 0, run);
            assertArrayEquals(expected, Files.readAllBytes(out), run + ": not the golden output of assess");
            assertTrue(Files.isRegularFile(folder.resolve("carrier-rules.jsa")), run + ": no carrier-rules.jsa next to the jar");
        }
    }

    /** The zip's files under {@link #temp}, with the mode each entry carries, as unzip on Linux and macOS keeps it. */
    private Path unzip() throws IOException {
        Path target = temp.resolve("unzipped");
        try (FileSystem zip = FileSystems.newFileSystem(ZIP, POSIX); Stream<Path> entries = Files.walk(zip.getPath("/"))) {
            for (Path entry : entries.filter(Files::isRegularFile).toList()) {
                Path file = target.resolve(entry.toString().substring(1));
                Files.createDirectories(file.getParent());
                Files.copy(entry, file);
                Files.setPosixFilePermissions(file, Files.getPosixFilePermissions(entry));
            }
        }
        return target;
    }

    /** What a golden transcript (GoldenRunTest) holds between its stdout and stderr markers. */
    private static byte[] goldenStdout(String name) throws IOException {
        String transcript = Files.readString(Path.of("src/test/resources/golden", name + ".txt"), StandardCharsets.UTF_8);
        int start = transcript.indexOf("--- stdout\n") + "--- stdout\n".length();
        return transcript.substring(start, transcript.indexOf("--- stderr\n", start)).getBytes(StandardCharsets.UTF_8);
    }

    private static Set<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.carrierrules.shadedcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.carrierrules.CarrierRules;
import org.carrierrules.assessment.Assessment;
import org.carrierrules.assessment.Finding;

/**
 * A host on the module path: the library's jar and its dependencies on {@code --module-path}, the host's classes
 * on the class path. The module resolves with Drools' jars as automatic modules, the rules Drools compiles reach
 * the facts the module opens, and what {@code module-info.java} does not export stays out of the host's reach.
 */
class ModulePathIT {
    private static final Path TARGET = Path.of(System.getProperty("shadedCheck.directory", "target"));
    private static final long TIMEOUT_SECONDS = 120;

    @Test
    void onTheModulePathTheLibraryAnswersAsItDoesOnTheClassPath() throws Exception {
        Run run = run(ShadedCheck.class);
        Assessment expected = CarrierRules.bundled().assess(CheckApplication.build());

        assertEquals(0, run.exitCode, () -> "on the module path the library failed:\n" + run.stderr);
        assertEquals(List.of(
                "acceptance=" + expected.acceptance().name(),
                "codes=" + expected.findings().stream().map(Finding::code).collect(Collectors.joining(",")),
                "fingerprint=" + expected.policy().fingerprint()), run.stdout.lines().toList());
    }

    @Test
    void theInternalPackagesAreOutOfTheHostsReach() throws Exception {
        Run run = run(InternalProbe.class);

        assertEquals(0, run.exitCode, () -> run.stderr);
        assertEquals("refused", run.stdout.strip());
    }

    private static Run run(Class<?> main) throws IOException, InterruptedException {
        Path modules = TARGET.resolve("module-path");
        assertTrue(Files.isDirectory(modules), () -> modules + " missing: run `mvn package` on shaded-check first");
        Path out = Files.createTempFile(TARGET, "module-path-", ".out");
        Path err = Files.createTempFile(TARGET, "module-path-", ".err");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8",
                "--module-path", modules.toString(), "--add-modules", "org.carrierrules",
                "-cp", TARGET.resolve("classes").toString(), main.getName()));
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(main.getSimpleName() + " did not finish within " + TIMEOUT_SECONDS + " s");
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private record Run(int exitCode, String stdout, String stderr) {
    }
}

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
import org.carrierrules.policy.PolicyException;

/**
 * The shaded jars of this module, each started with {@code java -jar} in a JVM of its own: the one packaged as
 * docs/hosting.md says answers as the library does in-process; the one without the services transformer fails the
 * way the documentation warns of.
 */
class ShadedJarIT {
    private static final Path TARGET = Path.of(System.getProperty("shadedCheck.directory", "target"));
    private static final long TIMEOUT_SECONDS = 120;

    @Test
    void theShadedJarAnswersAsTheLibraryDoes() throws Exception {
        Started child = start(TARGET.resolve("shaded-check.jar"));
        Assessment expected = CarrierRules.bundled().assess(CheckApplication.build());   // while the child starts

        Run run = child.await();

        assertEquals(0, run.exitCode, () -> "the shaded jar failed:\n" + run.stderr);
        assertEquals(List.of(
                "acceptance=" + expected.acceptance().name(),
                "codes=" + expected.findings().stream().map(Finding::code).collect(Collectors.joining(",")),
                "fingerprint=" + expected.policy().fingerprint()), run.stdout.lines().toList());
    }

    /**
     * The bundled policy's stages were compiled when the library was built (Drools' executable model), so loading
     * them needs none of the services the unmerged jar lacks: it answers as the library does.
     */
    @Test
    void withoutTheServicesTransformerTheBundledPolicyStillServes() throws Exception {
        Started child = start(TARGET.resolve("shaded-check-unmerged.jar"));
        Assessment expected = CarrierRules.bundled().assess(CheckApplication.build());

        Run run = child.await();

        assertEquals(0, run.exitCode, () -> "the unmerged jar failed on the bundled policy:\n" + run.stderr);
        assertEquals("fingerprint=" + expected.policy().fingerprint(), run.stdout.lines().toList().get(2));
    }

    /** A policy whose rules were edited is compiled at start, which is what the unmerged jar cannot do. */
    @Test
    void withoutTheServicesTransformerAnEditedPolicyDoesNotLoad() throws Exception {
        Path policy = Files.createTempDirectory(TARGET, "edited-policy-");
        CarrierRules.copyBundledPolicy(policy);
        Path scans = policy.resolve("rules/materials/scans.dslr");
        String text = Files.readString(scans);
        Files.writeString(scans, text.substring(0, text.lastIndexOf("rule \"")));

        Run run = start(TARGET.resolve("shaded-check-unmerged.jar"), policy.toString()).await();

        assertEquals(1, run.exitCode, () -> "the unmerged jar was expected to fail to load the policy, printed:\n"
                + run.stdout + run.stderr);
        // Drools' own log names the cause; the library's message names rule files and lines, not the packaging,
        // which is why docs/hosting.md quotes both.
        assertTrue(run.stderr.contains("drools-wiring-static does not support this operation"), run.stderr);
        String policyNotLoaded = new PolicyException(policy.toString(), List.of()).getMessage();
        assertTrue(run.stderr.contains(policyNotLoaded), run.stderr);
        assertTrue(run.stderr.contains("rules/materials/scans.dslr 第"), run.stderr);
    }

    private static Started start(Path jar, String... arguments) throws IOException {
        assertTrue(Files.isRegularFile(jar), () -> jar + " missing: run `mvn package` on shaded-check first");
        Path out = Files.createTempFile(TARGET, "shaded-check-", ".out");
        Path err = Files.createTempFile(TARGET, "shaded-check-", ".err");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // stdout.encoding and stderr.encoding are read from Java 18 on, file.encoding before.
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8",
                "-Dstderr.encoding=UTF-8", "-jar", jar.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        return new Started(jar, process, out, err);
    }

    private record Started(Path jar, Process process, Path out, Path err) {
        Run await() throws IOException, InterruptedException {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError(jar + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        }
    }

    private record Run(int exitCode, String stdout, String stderr) {
    }
}

package org.carrierrules.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A class's {@code main} run in a JVM of its own, on the test class path, with the options given. */
public final class ForkedJvm {
    /** What the JVM printed, and how it ended. */
    public record Ended(int exitCode, String out, String err, long millis) {
    }

    private ForkedJvm() {
    }

    /**
     * Runs {@code mainClass} with {@code jvmOptions} (such as {@code -Xmx200m}) and {@code args}; stdout goes to
     * {@code stdout} when given (for output too large to hold), else is returned.
     *
     * @throws AssertionError when it does not end within {@code timeoutSeconds}; it is then killed
     */
    public static Ended run(List<String> jvmOptions, String mainClass, List<String> args, Path stdout, Path stderr, long timeoutSeconds) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath());
        command.add(mainClass);
        command.addAll(args);
        try {
            Path out = stdout != null ? stdout : Files.createTempFile(stderr.getParent(), "stdout", ".txt");
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(stderr.toFile()).start();
            long started = System.nanoTime();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("no end within " + timeoutSeconds + " s: " + command);
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            String printed = stdout != null ? "" : Files.readString(out, StandardCharsets.UTF_8);
            return new Ended(process.exitValue(), printed, Files.readString(stderr, StandardCharsets.UTF_8), millis);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * The test JVM's classes as a plain class path. The library's own tests run on the module path (the test
     * classes patched into the module), where {@code java.class.path} holds only what is not a module.
     */
    private static String classPath() {
        List<String> entries = new ArrayList<>();
        String modulePath = System.getProperty("jdk.module.path");
        if (modulePath != null) {
            entries.add(modulePath);
            try {
                entries.add(Path.of(ForkedJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        entries.add(System.getProperty("java.class.path"));
        return String.join(File.pathSeparator, entries);
    }
}

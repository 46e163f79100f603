package org.carrierrules.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The figures a reliability test measured (cases tried, threads, reloads, durations), written to
 * {@code target/reliability/NAME.txt} of the module so that docs/reliability.md can quote a build's own numbers.
 */
public final class Figures {
    private Figures() {
    }

    /** Writes {@code key=value} pairs, in the order given, as one line. */
    public static void record(String name, Object... keysAndValues) {
        StringBuilder line = new StringBuilder(name);
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            line.append(' ').append(keysAndValues[i]).append('=')
                    .append(value instanceof Double d ? String.format(Locale.ROOT, "%.1f", d) : value);
        }
        Path file = Path.of("target", "reliability", name + ".txt");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

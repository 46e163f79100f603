package org.carrierrules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Editable copies of the bundled policy directory, for tests of what an edit does. */
public final class PolicyCopies {
    private PolicyCopies() {
    }

    static Path bundledDirectory() {
        try {
            return Path.of(PolicyCopies.class.getResource("/org/carrierrules/policies/luohu-2024/round.yaml").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy of the bundled policy under {@code parent}. */
    public static Path copy(Path parent) {
        Path source = bundledDirectory();
        Path target = parent.resolve("policy");
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path path : (Iterable<Path>) walk::iterator) {
                Path to = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(path, to);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** Replaces the one occurrence of {@code from} in a policy file; fails if it is not there exactly once. */
    public static void edit(Path policy, String file, String from, String to) {
        Path path = policy.resolve(file);
        try {
            String text = Files.readString(path, StandardCharsets.UTF_8);
            int at = text.indexOf(from);
            if (at < 0 || text.indexOf(from, at + 1) >= 0) {
                throw new IllegalArgumentException("expected exactly one \"" + from + "\" in " + file);
            }
            Files.writeString(path, text.replace(from, to), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.carrierrules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
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

    /**
     * A copy of the bundled policy under {@code parent} with the files of the test resource folder {@code overlay}
     * (such as {@code per-type-rubric}) laid over it; its README.md describes it and is not laid.
     */
    public static Path copyWith(Path parent, String overlay) {
        Path policy = copy(parent);
        lay(resourceFolder(overlay), policy, Set.of("README.md"));
        return policy;
    }

    /** Lays every file under {@code overlay} but those named in {@code except} over the same path of {@code policy}. */
    static void lay(Path overlay, Path policy, Set<String> except) {
        try (Stream<Path> walk = Files.walk(overlay)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                String relative = overlay.relativize(file).toString();
                if (!except.contains(relative)) {
                    Path target = policy.resolve(relative);
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path resourceFolder(String name) {
        URL readme = PolicyCopies.class.getResource("/" + name + "/README.md");
        if (readme == null) {
            throw new IllegalStateException("no test resource folder " + name + " with a README.md");
        }
        try {
            return Path.of(readme.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
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

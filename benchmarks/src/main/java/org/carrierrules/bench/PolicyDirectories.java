package org.carrierrules.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.carrierrules.CarrierRules;

/** Copies of the bundled policy directory in the temporary folder, for the build and reload benchmarks. */
final class PolicyDirectories {
    private PolicyDirectories() {
    }

    static Path copyOfBundled() {
        try {
            Path directory = Files.createTempDirectory("carrier-rules-bench").resolve("policy");
            CarrierRules.copyBundledPolicy(directory);
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes the copy and the temporary folder holding it. */
    static void delete(Path directory) {
        try (Stream<Path> walk = Files.walk(directory.getParent())) {
            for (Path path : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

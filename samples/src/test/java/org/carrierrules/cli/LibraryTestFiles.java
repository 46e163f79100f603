package org.carrierrules.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The library's test policies and keys ({@code broken-policies/}, {@code keys/}) as files under
 * {@code target/library-test-files/}, copied from rules-core's test jar on the class path, or from its
 * test-classes folder when Maven takes the reactor only to the test phase; so that no test reaches into the
 * other module's source tree. Copied afresh once per JVM, so that a folder left by an earlier build never stands in.
 */
final class LibraryTestFiles {
    private static final Path ROOT = Path.of("target/library-test-files");
    private static final Set<String> COPIED = new HashSet<>();

    private LibraryTestFiles() {
    }

    static synchronized Path folder(String name) {
        Path target = ROOT.resolve(name);
        if (COPIED.add(name)) {
            URL found = LibraryTestFiles.class.getClassLoader().getResource(name);
            if (found == null) {
                throw new IllegalStateException(name + "/ is not on the test class path: rules-core's test jar is missing");
            }
            try {
                delete(target);
                URI uri = found.toURI();
                if ("jar".equals(uri.getScheme())) {
                    try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                        copy(jar.provider().getPath(uri), target);
                    }
                } else {
                    copy(Path.of(uri), target);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return target;
    }

    private static void copy(Path source, Path target) throws IOException {
        List<Path> entries;
        try (Stream<Path> walk = Files.walk(source)) {
            entries = walk.toList();
        }
        for (Path entry : entries) {
            Path to = target.resolve(source.relativize(entry).toString());
            if (Files.isDirectory(entry)) {
                Files.createDirectories(to);
            } else {
                Files.copy(entry, to);
            }
        }
    }

    private static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}

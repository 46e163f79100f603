package org.carrierrules.internal.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A cheap summary of a directory tree (every file's path, size and modification time), to notice
 * that staff saved an edit without reading every file on every look.
 */
public final class DirectoryStamp {
    private DirectoryStamp() {
    }

    public static List<String> of(Path directory) {
        List<String> entries = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : (Iterable<Path>) walk.sorted()::iterator) {
                BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
                if (attributes.isRegularFile()) {
                    entries.add(directory.relativize(path) + "|" + attributes.size() + "|" + attributes.lastModifiedTime().toMillis());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }
}

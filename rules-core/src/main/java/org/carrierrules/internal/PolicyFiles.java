package org.carrierrules.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The files of a policy directory, read once into memory, keyed by their path relative to the
 * directory with {@code /} separators. The fingerprint is a SHA-256 over every path and content in
 * path order, so it names exactly what decided, whatever the machine or file system.
 */
final class PolicyFiles {
    private static final String CALENDAR = "calendar/";

    private final String source;
    private final SortedMap<String, byte[]> files;

    private PolicyFiles(String source, SortedMap<String, byte[]> files) {
        this.source = source;
        this.files = Collections.unmodifiableSortedMap(files);
    }

    static PolicyFiles read(Path root, String source) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                String relative = root.relativize(path).toString().replace(root.getFileSystem().getSeparator(), "/");
                if (isPolicyFile(relative)) {
                    files.put(relative, Files.readAllBytes(path));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取政策目录 " + source, e);
        }
        return new PolicyFiles(source, files);
    }

    /**
     * Files that decide: round data at the top, one holiday file a year directly under {@code calendar/}
     * (the working days of 四(五)'s 公示5个工作日) and rule files under {@code rules/}; not editor backups or notes.
     */
    private static boolean isPolicyFile(String relative) {
        if (relative.startsWith(".") || relative.contains("/.")) {
            return false;
        }
        if (!relative.contains("/")) {
            return relative.endsWith(".yaml");
        }
        if (relative.startsWith(CALENDAR)) {
            return relative.endsWith(".yaml") && relative.indexOf('/', CALENDAR.length()) < 0;
        }
        return relative.startsWith("rules/") && (relative.endsWith(".dslr") || relative.endsWith(".drl"));
    }

    String source() {
        return source;
    }

    boolean contains(String path) {
        return files.containsKey(path);
    }

    byte[] bytes(String path) {
        return files.get(path);
    }

    /** The rule files, in path order. */
    Map<String, byte[]> rules() {
        return files.subMap("rules/", "rules0");
    }

    /** The holiday files, one a year, in path order. */
    Map<String, byte[]> calendar() {
        return files.subMap(CALENDAR, "calendar0");
    }

    String fingerprint() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                byte[] name = file.getKey().getBytes(StandardCharsets.UTF_8);
                sha.update(lengthPrefix(name.length));
                sha.update(name);
                sha.update(lengthPrefix(file.getValue().length));
                sha.update(file.getValue());
            }
            return "sha256:" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** Length prefixes keep ("ab","c") and ("a","bc") from hashing alike. */
    private static byte[] lengthPrefix(int length) {
        return new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length};
    }
}

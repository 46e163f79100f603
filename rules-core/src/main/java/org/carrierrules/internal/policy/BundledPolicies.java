package org.carrierrules.internal.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.carrierrules.policy.PolicyException;
import org.carrierrules.policy.PolicyProblem;

/** The policies shipped inside the library ({@code org/carrierrules/policies/<round>/}): read, or copied for staff. */
public final class BundledPolicies {
    private static final String BUNDLED = "/org/carrierrules/policies/";
    /** Held while a zip file system on the library's jar is open. */
    private static final Object BUNDLED_JAR = new Object();

    private BundledPolicies() {
    }

    /** The files of a policy shipped inside the library, e.g. {@code luohu-2024}. */
    public static PolicyFiles files(String round) {
        // One zip file system on the library's jar at a time: a second newFileSystem on the same jar throws
        // while the first is open (bundled() and copyBundled() from two threads).
        synchronized (BUNDLED_JAR) {
            return read(round);
        }
    }

    /**
     * Writes the files of a bundled policy into {@code target}, which must not exist yet or be empty:
     * the starting point for a copy that staff edit.
     */
    public static void copy(String round, Path target) {
        try {
            if (Files.exists(target) && (!Files.isDirectory(target) || Files.list(target).findAny().isPresent())) {
                throw new IllegalArgumentException("目标目录 " + target + " 已存在且不是空目录；请指定一个新目录");
            }
            PolicyFiles files = files(round);
            for (String path : files.paths()) {
                Path file = target.resolve(path);
                Files.createDirectories(file.getParent());
                Files.write(file, files.bytes(path));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PolicyFiles read(String round) {
        URL marker = BundledPolicies.class.getResource(BUNDLED + round + "/round.yaml");
        if (marker == null) {
            throw new PolicyException("bundled:" + round,
                    List.of(new PolicyProblem(round, 0, "库中没有名为 " + round + " 的内置政策")));
        }
        try {
            URI uri = marker.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return PolicyFiles.read(jar.provider().getPath(uri).getParent(), "bundled:" + round);
                }
            }
            return PolicyFiles.read(Path.of(uri).getParent(), "bundled:" + round);
        } catch (URISyntaxException | IOException e) {
            throw new UncheckedIOException(new IOException("cannot open the bundled policy " + round, e));
        }
    }
}

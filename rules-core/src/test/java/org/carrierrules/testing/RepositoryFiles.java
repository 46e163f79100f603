package org.carrierrules.testing;

import java.nio.file.Path;

/**
 * Files of the repository that belong to no module (README.md, docs/), for the tests that hold them to the
 * code. Maven names the repository's root in a system property (the parent pom's Surefire configuration), so
 * that no test finds it by a path relative to the directory it happens to run in.
 */
public final class RepositoryFiles {
    static final String ROOT = "carrierrules.repository";

    private RepositoryFiles() {
    }

    /** {@code relative} (such as {@code docs/policy-staff-guide.md}) under the repository's root. */
    public static Path path(String relative) {
        String root = System.getProperty(ROOT);
        if (root == null) {
            throw new IllegalStateException("The system property " + ROOT + " is not set: run the tests with Maven, "
                    + "or set it to the repository's root directory");
        }
        return Path.of(root, relative);
    }
}

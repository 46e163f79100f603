package org.carrierrules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.carrierrules.policy.PolicyProblem;

/**
 * Golden files of broken policy directories. Each folder of {@code broken-policies/} holds only what
 * differs from the bundled policy: files to lay over a copy of it, an optional {@code DELETE} listing
 * files to remove (one path a line), and {@code expected.txt}, every problem {@link CarrierRules#check}
 * must report, one a line, exactly as a policy officer reads it ({@link PolicyProblem#toString()}).
 * The cases are described in {@code broken-policies/README.md}.
 */
class BrokenPoliciesTest {
    private static final String EXPECTED = "expected.txt";
    private static final String DELETE = "DELETE";
    private static final Set<String> NOT_OVERLAID = Set.of(EXPECTED, DELETE);

    @TempDir
    Path temp;

    static Path casesDirectory() {
        try {
            return Path.of(BrokenPoliciesTest.class.getResource("/broken-policies/README.md").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<String> cases() throws IOException {
        try (Stream<Path> list = Files.list(casesDirectory())) {
            return list.filter(Files::isDirectory).map(path -> path.getFileName().toString()).sorted().toList().stream();
        }
    }

    /** A copy of the bundled policy with the case laid over it. */
    private Path brokenCopy(Path overlay) throws IOException {
        Path policy = PolicyCopies.copy(temp);
        PolicyCopies.lay(overlay, policy, NOT_OVERLAID);
        if (Files.exists(overlay.resolve(DELETE))) {
            for (String line : Files.readAllLines(overlay.resolve(DELETE), StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    Path doomed = policy.resolve(line.strip());
                    assertTrue(Files.exists(doomed), DELETE + " names " + line + ", which the bundled policy does not have");
                    delete(doomed);
                }
            }
        }
        return policy;
    }

    private static void delete(Path path) throws IOException {
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsExactlyTheExpectedProblems(String name) throws IOException {
        Path overlay = casesDirectory().resolve(name);
        List<String> expected = Files.readAllLines(overlay.resolve(EXPECTED), StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank()).toList();
        assertFalse(expected.isEmpty(), name + "/" + EXPECTED + " lists no problem");

        List<String> problems = CarrierRules.check(brokenCopy(overlay)).stream().map(PolicyProblem::toString).toList();

        assertEquals(String.join("\n", expected), String.join("\n", problems));
    }

    @Test
    void thereAreCasesAndEachIsDescribed() throws IOException {
        List<String> cases = cases().toList();
        assertTrue(cases.size() >= 12, cases::toString);
        String readme = Files.readString(casesDirectory().resolve("README.md"), StandardCharsets.UTF_8);
        for (String name : cases) {
            assertTrue(readme.contains("`" + name + "`"), "README.md does not describe " + name);
            assertTrue(Files.exists(casesDirectory().resolve(name).resolve(EXPECTED)), name + " has no " + EXPECTED);
        }
    }

    @Test
    void theUnbrokenCopyHasNoProblem() {
        assertEquals(List.of(), CarrierRules.check(PolicyCopies.copy(temp)));
    }
}

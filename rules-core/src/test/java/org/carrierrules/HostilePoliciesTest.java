package org.carrierrules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.carrierrules.application.Applicant;
import org.carrierrules.application.ApplicantType;
import org.carrierrules.application.Application;
import org.carrierrules.policy.PolicyProblem;
import org.carrierrules.supervision.EventType;

/**
 * The regression corpus of attacks on the staff rule language (issue: a rule language of our own). Each folder
 * of {@code hostile-policies/} lays files over a copy of the bundled policy, with {@code @@MARKER@@} standing
 * for a file the attack would create if its code ran. A folder with {@code expected.txt} must be refused by
 * {@code check} with exactly those problems, each with file and line; a folder with {@code HARMLESS} must load,
 * and then checking, running its scenarios, assessing, supervising and allocating must never create the file.
 * The cases are described in {@code hostile-policies/README.md}.
 */
class HostilePoliciesTest {
    private static final String MARKER = "@@MARKER@@";

    @TempDir
    Path temp;

    static Path casesDirectory() {
        try {
            return Path.of(HostilePoliciesTest.class.getResource("/hostile-policies/README.md").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<String> cases() throws IOException {
        try (Stream<Path> list = Files.list(casesDirectory())) {
            return list.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    private Path hostileCopy(Path overlay, Path marker) throws IOException {
        Path policy = PolicyCopies.copy(temp);
        try (Stream<Path> walk = Files.walk(overlay)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                String relative = overlay.relativize(file).toString();
                if (!relative.equals("expected.txt") && !relative.equals("HARMLESS")) {
                    String text = Files.readString(file, StandardCharsets.UTF_8).replace(MARKER, marker.toString());
                    Path target = policy.resolve(relative);
                    Files.createDirectories(target.getParent());
                    Files.writeString(target, text, StandardCharsets.UTF_8);
                }
            }
        }
        return policy;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachAttackIsRefusedWithItsLineOrRunsNoCode(String name) throws IOException {
        Path overlay = casesDirectory().resolve(name);
        Path marker = temp.resolve("pwned-" + name);
        Path policy = hostileCopy(overlay, marker);
        List<String> problems = CarrierRules.check(policy).stream().map(PolicyProblem::toString).toList();
        if (Files.exists(overlay.resolve("HARMLESS"))) {
            assertEquals(List.of(), problems);
            CarrierRules rules = CarrierRules.fromDirectory(policy);
            assertTrue(rules.runScenarios().passed(), () -> rules.runScenarios().toString());
            Application application = ValidApplications.base();
            Applicant unestablished = new Applicant(application.applicant().name(), application.applicant().creditCode(),
                    ApplicantType.TRAINING_INSTITUTION, true, false, "罗湖区");
            Application hostileRuleFires = new Application("LH2024-H01", application.carrierType(), application.submittedAt(),
                    unestablished, application.materials(), application.paperCopy(), application.electronicCopy());
            rules.assessAll(List.of(application, hostileRuleFires));
            rules.supervise(Carriers.active(Carriers.event(EventType.LOST_CONTACT, "2024-03-01")), LocalDate.of(2024, 12, 31));
            rules.allocate(Rounds.round(List.of(application), List.of(Rounds.scored(application.id(), "90")), List.of()));
        } else {
            List<String> expected = Files.readAllLines(overlay.resolve("expected.txt"), StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank()).toList();
            assertFalse(expected.isEmpty(), name + " lists no problem");
            assertEquals(String.join("\n", expected), String.join("\n", problems));
            assertTrue(CarrierRules.check(policy).stream().allMatch(p -> p.line() > 0), "every problem has its line");
        }
        assertFalse(Files.exists(marker), "the attack's code ran: " + marker);
    }

    @Test
    void everyCaseIsDescribed() throws IOException {
        String readme = Files.readString(casesDirectory().resolve("README.md"), StandardCharsets.UTF_8);
        for (String name : cases().toList()) {
            assertTrue(readme.contains("`" + name + "`"), "README.md does not describe " + name);
        }
    }

    /** The folder's name was pasted into the package line: a comment-only file under it ran the code in the name. */
    @Test
    void aFolderNamedLikeDrlIsRefusedByNameAndNeverCompiled() throws IOException {
        Path policy = PolicyCopies.copy(temp);
        Path marker = temp.resolve("pwned-folder");
        Path folder = policy.resolve("rules/eligibility/x; rule \"r\" when then new java.io.File(\"" + marker
                + "\").createNewFile(); end import java.lang.String");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("c.dslr"), "// 只有注释\n", StandardCharsets.UTF_8);
        List<PolicyProblem> problems = CarrierRules.check(policy);
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).file().startsWith("rules/eligibility/x\\u003B\\u0020rule"), problems::toString);
        assertFalse(problems.get(0).toString().contains("\""), problems::toString);
        assertFalse(Files.exists(marker));
    }

    /** Drools' comment removal was quadratic: 100 KB of comment lines took 20 s to check, 1 MB minutes. */
    @Test
    void aMegabyteOfCommentLinesIsCheckedInLinearTime() throws IOException {
        Path policy = PolicyCopies.copy(temp);
        StringBuilder text = new StringBuilder();
        while (text.length() < 1_000_000) {
            text.append("//* a comment line, /* as Drools' comment removal met them */\n");
        }
        Files.writeString(policy.resolve("rules/materials/comments.dslr"), text, StandardCharsets.UTF_8);
        List<PolicyProblem> problems = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> CarrierRules.check(policy));
        assertEquals(List.of(), problems);
    }
}

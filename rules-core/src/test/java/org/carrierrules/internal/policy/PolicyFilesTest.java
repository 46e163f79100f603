package org.carrierrules.internal.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;

import org.carrierrules.policy.PolicyException;
import org.carrierrules.policy.PolicyProblem;

/** A policy directory read as untrusted input: links, special files, sizes, counts and names. */
class PolicyFilesTest {
    private static final Duration QUICKLY = Duration.ofSeconds(10);

    @TempDir
    Path temp;

    private Path policy() throws IOException {
        Path policy = temp.resolve("policy");
        Files.createDirectories(policy);
        write(policy, "round.yaml", "id: test\n");
        write(policy, "materials.yaml", "catalogue: {}\n");
        return policy;
    }

    private static void write(Path root, String relative, String content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private static List<PolicyProblem> refused(Path policy) {
        return refused(policy, PolicyLimits.DEFAULTS);
    }

    private static List<PolicyProblem> refused(Path policy, PolicyLimits limits) {
        PolicyException refused = assertThrows(PolicyException.class, () -> PolicyFiles.read(policy, "test", limits));
        return refused.problems();
    }

    private static PolicyProblem onlyProblem(List<PolicyProblem> problems, String file) {
        assertEquals(List.of(file), problems.stream().map(PolicyProblem::file).toList(), problems::toString);
        return problems.get(0);
    }

    private static void link(Path link, Path target) throws IOException {
        try {
            Files.createSymbolicLink(link, target);
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.abort("this file system cannot make symbolic links: " + e);
        }
    }

    private static void assumeUtf8FileNames() {
        Assumptions.assumeTrue("UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding")),
                "file names are not UTF-8 here, so Chinese names cannot be made");
    }

    // --- the bundled policy ---------------------------------------------------------------------------

    private static Path bundledDirectory() throws URISyntaxException {
        return Path.of(PolicyFilesTest.class.getResource("/org/carrierrules/policies/luohu-2024/round.yaml").toURI()).getParent();
    }

    /** The fingerprint as defined: SHA-256 over length-prefixed path and content of each non-scenario file, in path order. */
    private static String fingerprintByDefinition(Path directory) throws IOException, NoSuchAlgorithmException {
        Map<String, Path> byPath = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.filter(Files::isRegularFile).forEach(file -> byPath.put(
                    directory.relativize(file).toString().replace(directory.getFileSystem().getSeparator(), "/"), file));
        }
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (Map.Entry<String, Path> file : byPath.entrySet()) {
            // Neither the scenario tests nor the documents' wording decide.
            if (file.getKey().startsWith("scenarios/") || file.getKey().startsWith("templates/")) {
                continue;
            }
            byte[] name = file.getKey().getBytes(StandardCharsets.UTF_8);
            byte[] content = Files.readAllBytes(file.getValue());
            sha.update(java.nio.ByteBuffer.allocate(4).putInt(name.length).array());
            sha.update(name);
            sha.update(java.nio.ByteBuffer.allocate(4).putInt(content.length).array());
            sha.update(content);
        }
        return "sha256:" + HexFormat.of().formatHex(sha.digest());
    }

    @Test
    void theBundledPolicysFingerprintIsAsDefined() throws Exception {
        Path bundled = bundledDirectory();
        PolicyFiles files = PolicyFiles.read(bundled, "bundled");
        assertEquals(fingerprintByDefinition(bundled), files.fingerprint());
        assertEquals(List.of(), files.ignored());
        try (Stream<Path> walk = Files.walk(bundled)) {
            assertEquals(walk.filter(Files::isRegularFile).count(), files.paths().size(), "every bundled file is a policy file");
        }
    }

    @Test
    void theBundledPolicyReadsTheSameFromAJar() throws Exception {
        Path bundled = bundledDirectory();
        Path jar = temp.resolve("library.jar");
        String prefix = "org/carrierrules/policies/luohu-2024/";
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out);
             Stream<Path> walk = Files.walk(bundled)) {
            for (Path path : (Iterable<Path>) walk.sorted()::iterator) {
                String relative = bundled.relativize(path).toString().replace(bundled.getFileSystem().getSeparator(), "/");
                if (Files.isDirectory(path)) {
                    zip.putNextEntry(new ZipEntry(prefix + relative + (relative.isEmpty() ? "" : "/")));
                } else {
                    zip.putNextEntry(new ZipEntry(prefix + relative));
                    zip.write(Files.readAllBytes(path));
                }
                zip.closeEntry();
            }
        }
        try (FileSystem zip = FileSystems.newFileSystem(jar)) {
            PolicyFiles fromJar = PolicyFiles.read(zip.getPath("/" + prefix), "bundled:luohu-2024");
            assertEquals(fingerprintByDefinition(bundled), fromJar.fingerprint());
            assertEquals(List.copyOf(PolicyFiles.read(bundled, "bundled").paths()), List.copyOf(fromJar.paths()));
            assertEquals(List.of(), fromJar.ignored());
        }
    }

    // --- links and special files ---------------------------------------------------------------------

    @Test
    void aRuleFileLinkedToAFileOutsideIsRefusedAndNotRead() throws IOException {
        Path policy = policy();
        Path secret = temp.resolve("outside/secret.txt");
        write(temp, "outside/secret.txt", "root:x:0:0:SECRET\n");
        Files.createDirectories(policy.resolve("rules/eligibility"));
        link(policy.resolve("rules/eligibility/eligibility.dslr"), secret);
        PolicyProblem problem = onlyProblem(refused(policy), "rules/eligibility/eligibility.dslr");
        assertTrue(problem.message().contains("符号链接"), problem::toString);
        assertFalse(problem.message().contains("SECRET"));
    }

    @Test
    void aFolderLinkedOutsideIsRefusedAndNotEntered() throws IOException {
        Path policy = policy();
        write(temp, "outside/rules/a.dslr", "规则 \"外面\"\n");
        Files.createDirectories(policy.resolve("rules"));
        link(policy.resolve("rules/eligibility"), temp.resolve("outside/rules"));
        PolicyProblem problem = onlyProblem(refused(policy), "rules/eligibility");
        assertTrue(problem.message().contains("符号链接"), problem::toString);
    }

    @Test
    void aLinkIsRefusedEvenWhereNothingWouldBeRead() throws IOException {
        Path policy = policy();
        link(policy.resolve("README.md"), temp.resolve("nowhere"));
        assertTrue(onlyProblem(refused(policy), "README.md").message().contains("符号链接"));
    }

    @Test
    void aLinkToADeviceIsRefusedWithoutReadingIt() throws IOException {
        Path zero = Path.of("/dev/zero");
        Assumptions.assumeTrue(Files.exists(zero), "no /dev/zero here");
        Path policy = policy();
        Files.createDirectories(policy.resolve("scenarios"));
        link(policy.resolve("scenarios/zero.yaml"), zero);
        List<PolicyProblem> problems = assertTimeoutPreemptively(QUICKLY, () -> refused(policy));
        assertTrue(onlyProblem(problems, "scenarios/zero.yaml").message().contains("符号链接"));
    }

    @Test
    void aFifoIsRefusedWithoutBlocking() throws Exception {
        Path policy = policy();
        Files.delete(policy.resolve("round.yaml"));
        Path fifo = policy.resolve("round.yaml");
        try {
            Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
            Assumptions.assumeTrue(mkfifo.waitFor() == 0 && Files.exists(fifo), "mkfifo failed");
        } catch (IOException e) {
            Assumptions.abort("no mkfifo here: " + e);
        }
        // Opening a FIFO for reading blocks until someone writes to it: refusing it must not open it.
        List<PolicyProblem> problems = assertTimeoutPreemptively(QUICKLY, () -> refused(policy));
        assertTrue(onlyProblem(problems, "round.yaml").message().contains("不是普通文件"), problems::toString);
    }

    @Test
    void theRootMayBeALink() throws IOException {
        Path policy = policy();
        Path current = temp.resolve("current");
        link(current, policy);
        assertEquals(List.copyOf(PolicyFiles.read(policy, "x").paths()), List.copyOf(PolicyFiles.read(current, "x").paths()));
    }

    @Test
    void aMissingRootOrAFileAsRootIsAProblem() throws IOException {
        Path policy = policy();
        assertTrue(onlyProblem(refused(temp.resolve("nowhere")), "test").message().contains("不存在"));
        assertTrue(onlyProblem(refused(policy.resolve("round.yaml")), "test").message().contains("不是一个目录"));
    }

    // --- sizes and counts ----------------------------------------------------------------------------

    @Test
    void aHugeFileIsRefusedFromItsSizeWithoutBeingRead() throws IOException {
        Path policy = policy();
        long threeGigabytes = 3L << 30;
        try (RandomAccessFile sparse = new RandomAccessFile(policy.resolve("round.yaml").toFile(), "rw")) {
            sparse.setLength(threeGigabytes);
        }
        List<PolicyProblem> problems = assertTimeoutPreemptively(QUICKLY, () -> refused(policy));
        String message = onlyProblem(problems, "round.yaml").message();
        assertTrue(message.contains(String.valueOf(threeGigabytes)), message);
        assertTrue(message.contains("maxFileBytes = " + (1L << 20)), message);
        assertTrue(message.contains("-Dcarrierrules.policy.maxFileBytes=N"), message);
    }

    @Test
    void theTotalIsLimitedAndTheFileThatPassesItNamedInPathOrder() throws IOException {
        Path policy = policy();
        write(policy, "rubric.yaml", "x".repeat(60));
        write(policy, "scenarios/a.yaml", "y".repeat(60));
        // round.yaml and materials.yaml are 9 and 14 bytes: materials, round, rubric (83 in all), then scenarios/a.yaml passes 100.
        String message = onlyProblem(refused(policy, PolicyLimits.DEFAULTS.withMaxTotalBytes(100)), "scenarios/a.yaml").message();
        assertTrue(message.contains("maxTotalBytes = 100"), message);
        assertEquals(4, PolicyFiles.read(policy, "test", PolicyLimits.DEFAULTS.withMaxTotalBytes(143)).paths().size());
    }

    @Test
    void aFileJustWithinItsLimitIsRead() throws IOException {
        Path policy = policy();
        write(policy, "rubric.yaml", "z".repeat(64));
        PolicyFiles files = PolicyFiles.read(policy, "test", PolicyLimits.DEFAULTS.withMaxFileBytes(64));
        assertEquals(64, files.bytes("rubric.yaml").length);
        assertEquals(List.of("rubric.yaml"), refused(policy, PolicyLimits.DEFAULTS.withMaxFileBytes(63)).stream().map(PolicyProblem::file).toList());
    }

    @Test
    void tooManyEntriesStopTheWalk() throws IOException {
        Path policy = policy();
        for (int i = 0; i < 300; i++) {
            write(policy, "scenarios/s" + i + ".yaml", "");
        }
        List<PolicyProblem> problems = assertTimeoutPreemptively(QUICKLY,
                () -> refused(policy, PolicyLimits.DEFAULTS.withMaxEntries(100)));
        String message = onlyProblem(problems, "scenarios/").message();
        assertTrue(message.contains("maxEntries = 100"), message);
        // round.yaml, materials.yaml, the scenarios folder and 300 scenarios: 303 entries, 302 of them files.
        assertEquals(302, PolicyFiles.read(policy, "test", PolicyLimits.DEFAULTS.withMaxEntries(303)).paths().size());
        refused(policy, PolicyLimits.DEFAULTS.withMaxEntries(302));
    }

    @Test
    void aLimitIsRaisedWithItsSystemProperty() throws IOException {
        Path policy = policy();
        write(policy, "rubric.yaml", "z".repeat(2000));
        String property = "carrierrules.policy.maxFileBytes";
        String before = System.getProperty(property);
        try {
            System.setProperty(property, "1K");
            assertTrue(onlyProblem(assertThrows(PolicyException.class, () -> PolicyFiles.read(policy, "test")).problems(), "rubric.yaml")
                    .message().contains("maxFileBytes = 1024"));
            System.setProperty(property, "2K");
            assertEquals(2000, PolicyFiles.read(policy, "test").bytes("rubric.yaml").length);
            System.setProperty(property, "两兆");
            PolicyProblem problem = onlyProblem(assertThrows(PolicyException.class, () -> PolicyFiles.read(policy, "test")).problems(),
                    "-D" + property);
            assertTrue(problem.message().contains("4M"), problem::toString);
        } finally {
            if (before == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, before);
            }
        }
    }

    // --- what is read, what is ignored ---------------------------------------------------------------

    @Test
    void onlyTheFormatsFilesAreReadAndTheRestIsListedAsIgnored() throws IOException {
        Path policy = policy();
        write(policy, "rubric.yaml", "total: 100\n");
        write(policy, "codes.yaml", "codes: {}\n");
        write(policy, "notes.yaml", "不是政策\n");
        write(policy, "round.yaml.bak", "id: old\n");
        write(policy, "README.md", "# 说明\n");
        write(policy, ".DS_Store", "");
        write(policy, ".git/HEAD", "ref: refs/heads/main\n");
        write(policy, ".git/objects/ab/cdef", "");
        write(policy, "docs/minutes.md", "");
        write(policy, "calendar/2024.yaml", "year: 2024\n");
        write(policy, "calendar/2024.txt", "");
        write(policy, "calendar/old/2023.yaml", "year: 2023\n");
        write(policy, "scenarios/a.yaml", "scenarios: []\n");
        write(policy, "scenarios/archive/b.yaml", "scenarios: []\n");
        write(policy, "rules/eligibility/eligibility.dslr", "");
        write(policy, "rules/eligibility/table.csv", "");
        write(policy, "rules/eligibility/eligibility.dslr.orig", "");
        write(policy, "rules/allocation/allocation.drl", "");
        write(policy, "rules/reminders/remind.dslr", "");
        write(policy, "rules/loose.dslr", "");
        write(policy, "rules/quotas.xlsx", "");
        PolicyFiles files = PolicyFiles.read(policy, "test");
        assertEquals(List.of("calendar/2024.yaml", "codes.yaml", "materials.yaml", "round.yaml", "rubric.yaml",
                "rules/allocation/allocation.drl", "rules/eligibility/eligibility.dslr", "rules/eligibility/table.csv",
                "rules/loose.dslr", "rules/quotas.xlsx", "rules/reminders/remind.dslr", "scenarios/a.yaml"), List.copyOf(files.paths()));
        assertEquals(List.of(".DS_Store", ".git/", "README.md", "calendar/2024.txt", "calendar/old/", "docs/", "notes.yaml",
                "round.yaml.bak", "rules/eligibility/eligibility.dslr.orig", "scenarios/archive/"), files.ignored());
        assertEquals(files.ignored(), files.with("round.yaml", new byte[0]).ignored());
    }

    @Test
    void aHiddenLinkIsIgnoredWithoutBeingFollowed() throws IOException {
        Path policy = policy();
        link(policy.resolve(".secret"), Path.of("/etc/passwd"));
        assertEquals(List.of(".secret"), PolicyFiles.read(policy, "test").ignored());
    }

    @Test
    void aFolderInsideARuleFolderIsRefused() throws IOException {
        Path policy = policy();
        write(policy, "rules/eligibility/old/eligibility.dslr", "");
        String message = onlyProblem(refused(policy), "rules/eligibility/old/").message();
        assertTrue(message.contains("rules/eligibility/"), message);
    }

    // --- names ---------------------------------------------------------------------------------------

    @Test
    void aFolderNamedLikeARuleIsRefusedEscaped() throws IOException {
        Path policy = policy();
        write(policy, "rules/x; rule \"a\" when then end/a.dslr", "");
        PolicyProblem problem = onlyProblem(refused(policy),
                "rules/x\\u003B\\u0020rule\\u0020\\u0022a\\u0022\\u0020when\\u0020then\\u0020end");
        assertTrue(problem.message().contains("\\u003B（分号）"), problem::toString);
        assertTrue(problem.message().contains("\\u0022（双引号）"), problem::toString);
        assertFalse(problem.toString().contains("\""));
    }

    @Test
    void aNameWithANewlineIsRefusedEscaped() throws IOException {
        Path policy = policy();
        write(policy, "rules/eligibility/a\nrule.dslr", "");
        write(policy, "two\nlines/x.yaml", "");
        List<PolicyProblem> problems = refused(policy);
        assertEquals(List.of("rules/eligibility/a\\u000Arule.dslr", "two\\u000Alines"), problems.stream().map(PolicyProblem::file).toList());
        assertTrue(problems.stream().noneMatch(p -> p.toString().contains("\n")), problems::toString);
    }

    @Test
    void aChineseNameIsAccepted() throws IOException {
        assumeUtf8FileNames();
        Path policy = policy();
        write(policy, "rules/eligibility/申报资格-2024_版.dslr", "");
        assertTrue(PolicyFiles.read(policy, "test").contains("rules/eligibility/申报资格-2024_版.dslr"));
    }

    @Test
    void twoDotsAndOverlongNamesAreRefused() throws IOException {
        Path policy = policy();
        write(policy, "scenarios/a..yaml", "");
        write(policy, "scenarios/" + "b".repeat(101) + ".yaml", "");
        List<PolicyProblem> problems = refused(policy, PolicyLimits.DEFAULTS.withMaxNameLength(100));
        assertEquals(List.of("scenarios/a..yaml", "scenarios/" + "b".repeat(40) + "…"), problems.stream().map(PolicyProblem::file).toList());
        assertTrue(problems.get(1).message().contains("106 个字符"), problems::toString);
        assertTrue(problems.get(1).message().contains("maxNameLength = 100"), problems::toString);
    }

    /** Characters of the safe set: letters (Chinese included), digits, -, _ and . */
    private static final String SAFE = "aZ中文7-_.";
    /** Characters outside it, each a way a name could break a message, a log line or a rule. */
    private static final String HOSTILE = " \\：" + Injecting.CHARACTERS;

    /** The hostile characters that no message may show raw (messages do have spaces, escapes' backslashes and ：). */
    private static final class Injecting {
        static final String CHARACTERS = "\"';\n\r\t\u0007\u202E\u200B$`～" + new String(Character.toChars(0x1F600));
    }

    private record Case(String name, boolean asRuleFolder) {
    }

    /** A name as the messages must show it: each character outside the safe set as \\uXXXX per UTF-16 unit. */
    private static String escapedByDefinition(String name) {
        StringBuilder shown = new StringBuilder();
        for (char c : name.toCharArray()) {
            shown.append(SAFE.indexOf(c) >= 0 ? String.valueOf(c) : String.format("\\u%04X", (int) c));
        }
        return shown.toString();
    }

    @Test
    void aNameIsRefusedEscapedUnlessItIsMadeOfTheSafeSetOnly() throws IOException {
        assumeUtf8FileNames();
        List<String> pool = new ArrayList<>();
        (SAFE + HOSTILE).codePoints().forEach(c -> pool.add(new String(Character.toChars(c))));
        AtomicInteger example = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        // "." and ".." are no one's name: the file system gives them to the directory and its parent.
        // Half the names from the safe characters only, so that the accepting half is tried as often.
        int safeCount = SAFE.length();
        Gen<String> names = lists().of(integers().between(0, pool.size() - 1)).ofSizeBetween(1, 8)
                .zip(booleans().all(), (picks, safeOnly) -> picks.stream()
                        .map(pick -> pool.get(safeOnly ? pick % safeCount : pick)).collect(Collectors.joining()))
                .assuming(name -> !".".equals(name) && !"..".equals(name));
        qt().withFixedSeed(1_001).withExamples(200)
                .forAll(names, booleans().all())
                .as(Case::new)
                .checkAssert(c -> {
                    String name = c.name();
                    // Each example in a policy directory of its own: the round's data and the one named entry.
                    Path root = temp.resolve("case" + example.incrementAndGet());
                    try {
                        write(root, "round.yaml", "id: test\n");
                        write(root, c.asRuleFolder() ? "rules/" + name + "/a.dslr" : name, "");
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                    String prefix = c.asRuleFolder() ? "rules/" : "";
                    boolean safe = name.codePoints().allMatch(ch -> SAFE.indexOf(ch) >= 0) && !name.contains("..");
                    if (safe) {
                        accepted.incrementAndGet();
                        PolicyFiles files = PolicyFiles.read(root, "test");
                        if (name.startsWith(".")) {
                            assertEquals(List.of(prefix + name + (c.asRuleFolder() ? "/" : "")), files.ignored());
                        } else if (c.asRuleFolder()) {
                            assertTrue(files.contains("rules/" + name + "/a.dslr"), files.paths()::toString);
                        } else {
                            assertEquals(List.of(name), files.ignored());
                        }
                    } else {
                        List<PolicyProblem> problems = refused(root);
                        assertEquals(List.of(prefix + escapedByDefinition(name)), problems.stream().map(PolicyProblem::file).toList());
                        String shown = problems.get(0).toString();
                        Injecting.CHARACTERS.codePoints().forEach(ch -> assertTrue(shown.indexOf(ch) < 0,
                                () -> "the message shows a raw " + escapedByDefinition(new String(Character.toChars(ch))) + ": " + shown));
                    }
                });
        // Both halves of the property were tried, not one alone.
        assertTrue(accepted.get() >= 20 && example.get() - accepted.get() >= 20, accepted + " of " + example + " names accepted");
    }
}

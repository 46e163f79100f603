package org.carrierrules.internal.policy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitor;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.carrierrules.policy.PolicyException;
import org.carrierrules.policy.PolicyProblem;

/**
 * The files of a policy directory, read once into memory, keyed by their path relative to the
 * directory with {@code /} separators. {@link #fingerprint} is a SHA-256 over the path and content of
 * every file that decides (all but the scenario tests), in path order, whatever the machine or file
 * system; the policy's fingerprint covers it together with the library's own part of the rules.
 * <p>
 * A policy directory is read like untrusted input: it may come from an archive, a shared drive or a
 * checkout that someone else prepared, and {@code check DIR} is exactly what one runs on such a copy.
 * So the reader
 * <ul>
 * <li>reads regular files only: a symbolic link (to a file or a folder), a device, a FIFO or a socket is
 *     refused by name, from its own attributes, and never opened or followed. A link could make
 *     {@code check} print {@code /etc/passwd} in its error messages, or hang on {@code /proc/kmsg};</li>
 * <li>stops at the {@link PolicyLimits}: the size of a file (refused from its attributes before it is
 *     opened, and read with a bounded read, in case it grows), the bytes of all files, the number of
 *     entries looked at, the length of a name;</li>
 * <li>reads only the files the policy format names (below) and lists everything else as
 *     {@link #ignored()}, without reading it or looking into its folders: notes, backups, a README,
 *     {@code .git};</li>
 * <li>accepts only names made of letters (Chinese included), digits, {@code -}, {@code _} and {@code .}
 *     (not first, never {@code ..}). Names end up in messages, logs, rule package names and the
 *     command line's output; a name outside that set is refused and shown escaped (<code>&#92;u000A</code> for
 *     a newline), so no name can put text into a message.</li>
 * </ul>
 * The directory given, the root, may itself be reached through a symbolic link: it is resolved once,
 * with {@link Path#toRealPath}, before anything is read. The root is what the operator names (a host's
 * configuration, the command line), and deployments commonly switch a {@code current} link between
 * releases; resolving it once also means a link switched during the read cannot mix two releases.
 * Entries inside the root are the content being checked, and may not be links.
 * <p>
 * The bundled policy is read by the same code from inside the library's jar (a zip file system, which
 * has no links, devices or FIFOs).
 */
public final class PolicyFiles {
    private static final Logger LOG = LoggerFactory.getLogger(PolicyFiles.class);
    private static final String CALENDAR = "calendar/";
    /** Staff's scenario tests: read with the policy, but not part of what decides, so not fingerprinted. */
    private static final String SCENARIOS = "scenarios/";
    private static final String RULES = "rules/";
    /** The wording of the documents (templates/*.mustache): how a decision is written, not what is decided. */
    private static final String TEMPLATES = "templates/";
    /**
     * The round's data files at the top: the round (一、三、四), its materials (四(二)), the rubric of the
     * expert review (四(四)) and the catalogue of finding codes.
     */
    private static final Set<String> TOP_FILES = Set.of("round.yaml", "materials.yaml", "rubric.yaml", "codes.yaml",
            "facts.yaml", "parameters.yaml");
    private static final Set<String> TOP_FOLDERS = Set.of("calendar", "scenarios", "rules", "templates");
    /** The format's deepest file is three names down: {@code rules/<stage folder>/<file>.dslr} (or .csv, .xlsx). */
    private static final int FORMAT_DEPTH = 3;
    /** How much of an unacceptable name a message shows. */
    private static final int SHOWN_NAME_LENGTH = 40;

    private final String source;
    private final SortedMap<String, byte[]> files;
    private final List<String> ignored;

    private PolicyFiles(String source, SortedMap<String, byte[]> files, List<String> ignored) {
        this.source = source;
        this.files = Collections.unmodifiableSortedMap(files);
        this.ignored = List.copyOf(ignored);
    }

    /**
     * Reads a policy directory within the limits the system properties set (else the defaults).
     *
     * @throws PolicyException listing every entry refused and every limit passed
     */
    public static PolicyFiles read(Path root, String source) {
        List<PolicyProblem> problems = new ArrayList<>();
        PolicyLimits limits = PolicyLimits.fromSystemProperties(problems);
        if (!problems.isEmpty()) {
            throw new PolicyException(source, problems);
        }
        return read(root, source, limits);
    }

    /**
     * Reads a policy directory within {@code limits}.
     *
     * @throws PolicyException listing every entry refused and every limit passed
     */
    public static PolicyFiles read(Path root, String source, PolicyLimits limits) {
        Path realRoot = realDirectory(root, source);
        Walk walk = new Walk(realRoot, source, limits);
        try {
            // No FOLLOW_LINKS: each entry comes with its own attributes (a link's, not its target's).
            Files.walkFileTree(realRoot, EnumSet.noneOf(FileVisitOption.class), FORMAT_DEPTH, walk);
        } catch (IOException e) {
            // The visitor answers every failure itself; this is the walk failing to start.
            walk.problems.add(new PolicyProblem(source, 0, "无法读取政策目录（" + reason(e) + "）"));
        }
        if (walk.problems.isEmpty()) {
            walk.readAll();
        }
        if (!walk.problems.isEmpty()) {
            // By path, not in the file system's order, which differs between machines.
            List<PolicyProblem> sorted = new ArrayList<>(walk.problems);
            sorted.sort(Comparator.comparing(PolicyProblem::file));
            throw new PolicyException(source, sorted);
        }
        PolicyFiles read = new PolicyFiles(source, walk.files, List.copyOf(walk.ignored));
        if (!read.ignored.isEmpty()) {
            LOG.info("policy {}: {} files read; not part of the policy format, so not read: {}", source,
                    read.files.size(), read.ignored);
        }
        return read;
    }

    /** The root, links in its own path resolved once (see the class comment), or a problem. */
    private static Path realDirectory(Path root, String source) {
        try {
            Path real = root.toRealPath();
            if (!Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) {
                throw new NotDirectoryException(root.toString());
            }
            return real;
        } catch (NoSuchFileException e) {
            throw new PolicyException(source, List.of(new PolicyProblem(source, 0,
                    "政策目录不存在：请给出政策目录（含 round.yaml）的路径")));
        } catch (NotDirectoryException e) {
            throw new PolicyException(source, List.of(new PolicyProblem(source, 0,
                    "不是一个目录，请给出政策目录（含 round.yaml）的路径")));
        } catch (IOException e) {
            throw new PolicyException(source, List.of(new PolicyProblem(source, 0,
                    "无法打开政策目录（" + reason(e) + "）")));
        }
    }

    /**
     * One walk of the directory: every entry judged from its name and attributes, then, if none was
     * refused, the policy files read in path order (so the file named when the total passes its limit is
     * the same on every machine, whatever order the file system lists them in).
     */
    private static final class Walk implements FileVisitor<Path> {
        private final Path root;
        private final String source;
        private final PolicyLimits limits;
        private final boolean defaultFileSystem;
        /** The policy files found, with their size from their attributes, to be read after the walk. */
        private final SortedMap<String, Found> found = new TreeMap<>();
        private final SortedMap<String, byte[]> files = new TreeMap<>();
        private final SortedSet<String> ignored = new TreeSet<>();
        private final List<PolicyProblem> problems = new ArrayList<>();
        private int entries;

        Walk(Path root, String source, PolicyLimits limits) {
            this.root = root;
            this.source = source;
            this.limits = limits;
            // Only the platform's file system takes NOFOLLOW_LINKS when opening; the zip file system
            // of the bundled policy refuses the option, and has no links to follow.
            this.defaultFileSystem = root.getFileSystem().equals(FileSystems.getDefault());
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
            return dir.equals(root) ? FileVisitResult.CONTINUE : entry(dir, attributes);
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            return entry(file, attributes);
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            if (file.equals(root)) {
                problems.add(new PolicyProblem(source, 0, "无法读取政策目录（" + reason(e) + "）"));
                return FileVisitResult.TERMINATE;
            }
            if (++entries > limits.maxEntries()) {
                return tooManyEntries(file);
            }
            List<String> names = names(file);
            String name = names.get(names.size() - 1);
            String refused = nameProblem(name);
            if (refused != null) {
                problems.add(new PolicyProblem(shownPath(names), 0, refused));
            } else if (name.startsWith(".") || !wanted(names, false) && !wanted(names, true)) {
                ignored.add(String.join("/", names));
            } else {
                problems.add(new PolicyProblem(String.join("/", names), 0, "无法读取（" + reason(e) + "）：请检查它的权限，或它是否正被改动"));
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) {
            if (e != null) {
                List<String> names = names(dir);
                problems.add(new PolicyProblem(names.isEmpty() ? source : String.join("/", names) + "/", 0,
                        "未能读完此文件夹（" + reason(e) + "）：请检查它的权限，或它是否正被改动"));
            }
            return FileVisitResult.CONTINUE;
        }

        /**
         * One entry below the root, judged from its name and its own attributes (a link's, not its target's)
         * before anything is opened, so that no entry can make the read block or leave the directory.
         */
        private FileVisitResult entry(Path path, BasicFileAttributes attributes) {
            if (++entries > limits.maxEntries()) {
                return tooManyEntries(path);
            }
            List<String> names = names(path);
            String name = names.get(names.size() - 1);
            String relative = String.join("/", names);
            String refused = nameProblem(name);
            if (refused != null) {
                problems.add(new PolicyProblem(shownPath(names), 0, refused));
                return FileVisitResult.SKIP_SUBTREE;
            }
            // Hidden entries (.git, .DS_Store, an editor's swap file) are no one's policy: listed, never
            // opened, and a hidden folder is not looked into, so a large .git costs one entry.
            if (name.startsWith(".")) {
                ignored.add(attributes.isDirectory() ? relative + "/" : relative);
                return FileVisitResult.SKIP_SUBTREE;
            }
            if (attributes.isSymbolicLink()) {
                problems.add(new PolicyProblem(relative, 0, "这是一个符号链接，未读取：政策目录中的文件和文件夹不能是链接"
                        + "（链接可能指向政策目录之外的文件）；请用它所指的文件或文件夹本身替换它"));
                return FileVisitResult.SKIP_SUBTREE;
            }
            if (attributes.isDirectory()) {
                return directory(names, relative);
            }
            if (!attributes.isRegularFile()) {
                problems.add(new PolicyProblem(relative, 0, "这不是普通文件（而是设备、管道或套接字之类的特殊文件），未读取："
                        + "政策目录中只能有普通文件和文件夹；请删除它"));
                return FileVisitResult.CONTINUE;
            }
            if (!wanted(names, false)) {
                ignored.add(relative);
            } else if (attributes.size() > limits.maxFileBytes()) {
                // Refused from its size alone: a 3 GB file costs nothing to refuse.
                problems.add(new PolicyProblem(relative, 0, "文件大小为 " + attributes.size() + " 字节，"
                        + limits.passed(PolicyLimits.Limit.MAX_FILE_BYTES) + "，未读取：政策文件通常只有几十 KB，请先确认这是正确的文件；"
                        + PolicyLimits.howToRaise(PolicyLimits.Limit.MAX_FILE_BYTES)));
            } else {
                found.put(relative, new Found(path, attributes.size()));
            }
            return FileVisitResult.CONTINUE;
        }

        private FileVisitResult directory(List<String> names, String relative) {
            if (names.size() == FORMAT_DEPTH) {
                // Only reachable as rules/<stage folder>/<folder>: a rule file in it would never run, the
                // same reason LoadedPolicy refuses a rule file outside the stage folders.
                problems.add(new PolicyProblem(relative + "/", 0, "规则文件夹中不能再有子文件夹：其中的规则文件不会执行；"
                        + "请把规则文件直接放在 rules/" + names.get(1) + "/ 下，或把这个文件夹移出政策目录"));
                return FileVisitResult.SKIP_SUBTREE;
            }
            if (wanted(names, true)) {
                return FileVisitResult.CONTINUE;
            }
            ignored.add(relative + "/");
            return FileVisitResult.SKIP_SUBTREE;
        }

        /** Every policy file found, in path order, until the total passes its limit. */
        void readAll() {
            long total = 0;
            for (Map.Entry<String, Found> file : found.entrySet()) {
                String relative = file.getKey();
                long left = limits.maxTotalBytes() - total;
                int before = problems.size();
                byte[] content = file.getValue().size() > left ? null : read(file.getValue().path(), relative, left);
                if (content == null && problems.size() > before) {
                    continue;
                }
                if (content == null) {
                    problems.add(new PolicyProblem(relative, 0, "读到此文件时，政策文件合计"
                            + limits.passed(PolicyLimits.Limit.MAX_TOTAL_BYTES) + "，此文件和其后的政策文件均未读取；"
                            + PolicyLimits.howToRaise(PolicyLimits.Limit.MAX_TOTAL_BYTES)));
                    return;
                }
                total += content.length;
                files.put(relative, content);
            }
        }

        /**
         * A policy file, or null when it holds more than {@code left} bytes (with a problem added when
         * it passed its own limit or could not be read). The read is bounded: the file may have grown
         * since its size was read, and one byte past the bound is enough to know it is too large.
         */
        private byte[] read(Path path, String relative, long left) {
            int bound = (int) Math.min(limits.maxFileBytes(), left);
            try (InputStream in = defaultFileSystem ? Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS) : Files.newInputStream(path)) {
                byte[] content = in.readNBytes(bound + 1);
                if (content.length <= bound) {
                    return content;
                }
                if (bound == limits.maxFileBytes()) {
                    problems.add(new PolicyProblem(relative, 0, "文件在读取时变大，" + limits.passed(PolicyLimits.Limit.MAX_FILE_BYTES)
                            + "，未读取：请确认没有程序正在写它；" + PolicyLimits.howToRaise(PolicyLimits.Limit.MAX_FILE_BYTES)));
                }
                return null;
            } catch (IOException e) {
                // Among others, ELOOP: the file was replaced by a link after its attributes were read.
                problems.add(new PolicyProblem(relative, 0, "无法读取（" + reason(e) + "）：请检查它的权限，或它是否正被改动"));
                return null;
            }
        }

        private FileVisitResult tooManyEntries(Path at) {
            List<String> folder = names(at.getParent());
            problems.add(new PolicyProblem(folder.isEmpty() ? source : String.join("/", folder) + "/", 0,
                    "政策目录中的文件和文件夹" + limits.passed(PolicyLimits.Limit.MAX_ENTRIES)
                            + "，已停止读取：请先把与政策无关的文件移出政策目录；" + PolicyLimits.howToRaise(PolicyLimits.Limit.MAX_ENTRIES)));
            return FileVisitResult.TERMINATE;
        }

        /**
         * The names from the root down to {@code path}. Every name but the last has been accepted on the
         * way down (an unacceptable folder is not entered), so only the last can be unsafe to show.
         */
        private List<String> names(Path path) {
            List<String> names = new ArrayList<>();
            for (Path name : root.relativize(path)) {
                if (!name.toString().isEmpty()) {
                    names.add(name.toString());
                }
            }
            return names;
        }

        /** Its path with the last name escaped and, if long, cut short: safe to put in a message. */
        private static String shownPath(List<String> names) {
            List<String> shown = new ArrayList<>(names.subList(0, names.size() - 1));
            shown.add(shownName(names.get(names.size() - 1)));
            return String.join("/", shown);
        }

        /** Why {@code name} is refused, or null when it is acceptable. */
        private String nameProblem(String name) {
            int length = name.codePointCount(0, name.length());
            if (length > limits.maxNameLength()) {
                return "名称长 " + length + " 个字符，" + limits.passed(PolicyLimits.Limit.MAX_NAME_LENGTH) + "：请改用较短的名称；"
                        + PolicyLimits.howToRaise(PolicyLimits.Limit.MAX_NAME_LENGTH);
            }
            Set<String> bad = new LinkedHashSet<>();
            name.codePoints().filter(c -> !isSafe(c)).forEach(c -> bad.add(describe(c)));
            if (!bad.isEmpty()) {
                return "名称中有不允许的字符（以 \\uXXXX 形式显示）：" + String.join("、", bad) + "；" + SAFE_NAMES;
            }
            if (name.contains("..")) {
                return "名称中不能有连续的两个点“..”；" + SAFE_NAMES;
            }
            return null;
        }
    }

    private static final String SAFE_NAMES = "政策目录中的文件名和文件夹名只能由字母（含汉字）、数字、-、_ 和 .（不在开头）组成；"
            + "请改名，或把它移出政策目录";

    /**
     * Whether a file with these names is one the policy format reads, or a folder one it looks into:
     * <ul>
     * <li>{@code round.yaml}, {@code materials.yaml}, {@code rubric.yaml}, {@code codes.yaml} at the top;</li>
     * <li>{@code calendar/<year>.yaml}, one holiday file a year (the working days of 四(五)'s 公示5个工作日);</li>
     * <li>{@code scenarios/*.yaml}, the staff's scenario tests;</li>
 * <li>{@code templates/*.mustache}, the wording of the documents (notices, the round report);</li>
     * <li>{@code rules/<stage folder>/*.dslr} and {@code .drl}. Rule files in any folder under {@code rules/},
     *     and directly in it, are read, so that LoadedPolicy refuses one that no stage would run instead
     *     of its being ignored.</li>
     * </ul>
     * Spreadsheets and CSV files under {@code rules/} are not (yet) part of the format.
     */
    private static boolean wanted(List<String> names, boolean folder) {
        String first = names.get(0);
        String last = names.get(names.size() - 1);
        if (folder) {
            return names.size() == 1 ? TOP_FOLDERS.contains(first) : names.size() == 2 && RULES.equals(first + "/");
        }
        return switch (names.size()) {
            case 1 -> TOP_FILES.contains(first);
            case 2 -> switch (first) {
                case "calendar", "scenarios" -> last.endsWith(".yaml");
                case "templates" -> last.endsWith(".mustache");
                case "rules" -> isRuleFile(last);
                default -> false;
            };
            case 3 -> RULES.equals(first + "/") && isRuleFile(last);
            default -> false;
        };
    }

    /** A policy file found in the walk, its size as its attributes gave it. */
    private record Found(Path path, long size) {
    }

    private static boolean isRuleFile(String name) {
        return name.endsWith(".dslr") || name.endsWith(".drl") || name.endsWith(".csv") || name.endsWith(".xlsx");
    }

    /** Letters (Chinese included), digits, {@code -}, {@code _} and {@code .}: nothing that can quote, split or hide text. */
    static boolean isSafe(int codePoint) {
        return Character.isLetter(codePoint) || Character.isDigit(codePoint) || Character.isIdeographic(codePoint)
                || codePoint == '-' || codePoint == '_' || codePoint == '.';
    }

    /** {@code text} with every character outside the safe set written <code>&#92;uXXXX</code> (each UTF-16 unit), backslash included. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (isSafe(c)) {
                escaped.appendCodePoint(c);
            } else {
                for (char unit : Character.toChars(c)) {
                    escaped.append(String.format("\\u%04X", (int) unit));
                }
            }
        });
        return escaped.toString();
    }

    /** A name as a message shows it: escaped, and cut short when long. */
    static String shownName(String name) {
        int length = name.codePointCount(0, name.length());
        if (length <= SHOWN_NAME_LENGTH) {
            return escape(name);
        }
        return escape(name.substring(0, name.offsetByCodePoints(0, SHOWN_NAME_LENGTH))) + "…";
    }

    /** An unsafe character as a message names it: escaped, with what it is when staff may not recognise it. */
    private static String describe(int codePoint) {
        String what = switch (codePoint) {
            case ' ' -> "空格";
            case '\n' -> "换行";
            case '\r' -> "回车";
            case '\t' -> "制表符";
            case '"' -> "双引号";
            case '\'' -> "单引号";
            case ';' -> "分号";
            case '(', ')' -> "圆括号";
            case '\\' -> "反斜杠";
            default -> Character.isISOControl(codePoint) ? "控制字符" : null;
        };
        String shown = escape(new String(Character.toChars(codePoint)));
        return what == null ? shown : shown + "（" + what + "）";
    }

    /** An I/O failure in words, without the exception's own message (which may quote a path unescaped). */
    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "没有读取权限";
        }
        if (e instanceof NoSuchFileException) {
            return "读取时已不存在";
        }
        return "读取出错：" + e.getClass().getSimpleName();
    }

    /** The same files with one replaced, e.g. a round.yaml changed for a scenario. */
    public PolicyFiles with(String path, byte[] content) {
        SortedMap<String, byte[]> changed = new TreeMap<>(files);
        changed.put(path, content);
        return new PolicyFiles(source + "（" + path + " 已改动）", changed, ignored);
    }

    /** Whether both hold the same paths with the same bytes, scenarios included. */
    public boolean sameAs(PolicyFiles other) {
        if (!files.keySet().equals(other.files.keySet())) {
            return false;
        }
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            if (!Arrays.equals(file.getValue(), other.files.get(file.getKey()))) {
                return false;
            }
        }
        return true;
    }

    public String source() {
        return source;
    }

    /** Every file's path, in order. */
    public Set<String> paths() {
        return files.keySet();
    }

    public boolean contains(String path) {
        return files.containsKey(path);
    }

    public byte[] bytes(String path) {
        return files.get(path);
    }

    /**
     * What the directory holds beside the policy format's files, not read: paths relative to the directory,
     * sorted, a folder once with a trailing {@code /} ({@code .git/}, {@code docs/}), for {@code check} to
     * list as 已忽略. Every path is made of acceptable names only.
     */
    public List<String> ignored() {
        return ignored;
    }

    /** The rule files, in path order. */
    public Map<String, byte[]> rules() {
        return files.subMap(RULES, "rules0");
    }

    /** The holiday files, one a year, in path order. */
    public Map<String, byte[]> calendar() {
        return files.subMap(CALENDAR, "calendar0");
    }

    /** The documents' templates ({@code templates/<name>.mustache}), in path order. */
    public Map<String, byte[]> templates() {
        return files.subMap(TEMPLATES, "templates0");
    }

    /** The scenario test files, in path order. */
    public Map<String, byte[]> scenarios() {
        return files.subMap(SCENARIOS, "scenarios0");
    }

    /**
     * What {@code read} makes of these files, or a {@link PolicyException} naming them with every problem it
     * found: for what is read or compiled from a policy only on first use.
     */
    public <T> T readOrThrow(Function<List<PolicyProblem>, T> read) {
        List<PolicyProblem> problems = new ArrayList<>();
        T value = read.apply(problems);
        if (!problems.isEmpty()) {
            throw new PolicyException(source(), problems);
        }
        return value;
    }

    public String fingerprint() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                // Neither the scenario tests nor the documents' wording decide anything: a changed letterhead
                // leaves every decision, and so its fingerprint, as it was.
                if (file.getKey().startsWith(SCENARIOS) || file.getKey().startsWith(TEMPLATES)) {
                    continue;
                }
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

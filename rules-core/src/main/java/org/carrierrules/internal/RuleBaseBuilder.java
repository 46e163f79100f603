package org.carrierrules.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.carrierrules.PolicyProblem;
import org.carrierrules.dsl.DroolsMessages;
import org.carrierrules.dsl.RuleFileProblem;
import org.carrierrules.dsl.SafeMode;
import org.carrierrules.dsl.Stage;
import org.carrierrules.dsl.Vocabulary;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles one stage's rule files into a KieBase. Staff rule files ({@code .dslr}) are first held to
 * the vocabulary by {@link SafeMode}, then given the library's header (package, imports, globals) on
 * their first line, so that what staff write never needs, and never may, name a Java class. Drools'
 * messages come back in plain Chinese with the file and line of the staff's own text.
 * <p>
 * The MVEL path keeps file and line in its errors. Each build gets its own release id, removed from
 * the global KIE repository as soon as the KieBase exists, so that reloading never accumulates modules.
 */
final class RuleBaseBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(RuleBaseBuilder.class);
    private static final String RESOURCES = "src/main/resources/";
    private static final AtomicLong BUILDS = new AtomicLong();
    private static final Vocabulary VOCABULARY = Vocabulary.bundled();
    /** The library's own declarations about the fact types, compiled into every stage. */
    private static final String FACTS = "org/carrierrules/internal/facts.drl";
    private static final byte[] LIBRARY_FACTS = libraryResource(FACTS);
    /** Lines the library puts before a staff file's own first line. */
    private static final int HEADER_LINES = 1;

    private RuleBaseBuilder() {
    }

    /**
     * The KieBase, or null with every problem added to {@code problems}.
     *
     * @param scope      the stage the files are for: safe mode refuses what its sessions could not run
     * @param trustedDrl whether {@code .drl} files may stand as they are (the library's own rules)
     */
    static KieBase build(String stage, Stage scope, Map<String, byte[]> ruleFiles, TrustedDrl trustedDrl,
                         List<PolicyProblem> problems) {
        List<PolicyProblem> errors = new ArrayList<>();
        SafeMode safeMode = new SafeMode(VOCABULARY, scope);
        KieServices ks = KieServices.get();
        ReleaseId release = ks.newReleaseId("org.carrierrules.policy", stage, "1." + BUILDS.incrementAndGet());
        KieFileSystem kfs = ks.newKieFileSystem().generateAndWritePomXML(release);
        kfs.write(RESOURCES + FACTS, ks.getResources().newByteArrayResource(LIBRARY_FACTS, "UTF-8"));
        kfs.write(RESOURCES + Vocabulary.DSL_RESOURCE,
                ks.getResources().newByteArrayResource(VOCABULARY.dsl().getBytes(StandardCharsets.UTF_8), "UTF-8"));
        ruleFiles.forEach((path, bytes) -> {
            byte[] source = bytes;
            if (path.endsWith(".dslr")) {
                String text = new String(bytes, StandardCharsets.UTF_8);
                List<RuleFileProblem> refused = safeMode.check(text);
                if (!refused.isEmpty()) {
                    // A refused file is never compiled: it may hold code. The others still are, so
                    // that one report lists everything wrong in the directory.
                    refused.forEach(p -> errors.add(new PolicyProblem(path, p.line(), p.message())));
                    return;
                }
                source = (packageOf(path) + " " + VOCABULARY.header() + "\n" + text).getBytes(StandardCharsets.UTF_8);
            } else if (!trustedDrl.allows(path, bytes)) {
                errors.add(new PolicyProblem(path, 0, "政策目录中的 DRL 文件只能是本库自带的原样文件，不能修改或新增；"
                        + "修改规则请使用 .dslr 中文规则文件"));
                return;
            }
            // Always UTF-8: under a POSIX locale Drools would read Chinese text as garbage otherwise.
            kfs.write(RESOURCES + path, ks.getResources().newByteArrayResource(source, "UTF-8").setSourcePath(path));
        });
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        for (Message message : builder.getResults().getMessages()) {
            String path = relative(message.getPath());
            if (message.getLevel() == Message.Level.ERROR) {
                int line = path.endsWith(".dslr") ? staffLine(ruleFiles.get(path), message.getLine() - HEADER_LINES)
                        : message.getLine();
                errors.add(new PolicyProblem(path, Math.max(line, 0), DroolsMessages.translate(message.getText())));
            } else {
                LOG.warn("{} line {}: {}", path, message.getLine(), message.getText());
            }
        }
        if (!errors.isEmpty()) {
            problems.addAll(errors);
            ks.getRepository().removeKieModule(release);
            return null;
        }
        KieBase base = ks.newKieContainer(release).getKieBase();
        ks.getRepository().removeKieModule(release);
        return base;
    }

    /**
     * The line of a staff file that a line of its expansion comes from. Drools' DSL expander folds each
     * constraint line ({@code - 扫描件歪斜}) into the pattern above it, so its line numbers fall behind
     * the staff's by one for every constraint line above.
     */
    private static int staffLine(byte[] file, int expandedLine) {
        String[] lines = new String(file, StandardCharsets.UTF_8).split("\r?\n", -1);
        int expanded = 0;
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].strip().startsWith("-") && ++expanded == expandedLine) {
                return i + 1;
            }
        }
        return expandedLine;
    }

    /** Staff files carry no package line: the package follows the folder, rules/materials → rules.materials. */
    private static String packageOf(String path) {
        return "package " + path.substring(0, path.lastIndexOf('/')).replace('/', '.') + ";";
    }

    static byte[] libraryResource(String path) {
        try (InputStream in = RuleBaseBuilder.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the library jar lacks " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String relative(String path) {
        if (path == null) {
            return "rules";
        }
        return path.startsWith(RESOURCES) ? path.substring(RESOURCES.length()) : path;
    }

    /** Which {@code .drl} files may be compiled as they are. */
    interface TrustedDrl {
        boolean allows(String path, byte[] content);

        /** The library's own policy: its DRL is the library's. */
        TrustedDrl LIBRARY = (path, content) -> true;

        /** A staff directory: a DRL file only where it is the library's own, byte for byte. */
        static TrustedDrl sameAs(PolicyFiles library) {
            return (path, content) -> library.contains(path) && Arrays.equals(library.bytes(path), content);
        }
    }
}

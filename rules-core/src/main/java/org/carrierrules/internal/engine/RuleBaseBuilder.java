package org.carrierrules.internal.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.carrierrules.internal.language.CheckedRule;
import org.carrierrules.internal.language.DrlGenerator;
import org.carrierrules.internal.language.Stage;
import org.carrierrules.policy.PolicyProblem;
import org.carrierrules.policy.RuleInfo;

/**
 * Compiles a stage's rules into a KieBase: the Drools rules {@link DrlGenerator} wrote from the checked rules
 * of the staff's files, or the library's own allocation DRL. Drools never sees a character of a staff file.
 * <p>
 * The same Drools text always compiles to the same rules, so KieBases are kept by a hash of the text they were
 * compiled from: reloading a directory whose rules did not change, or a scenario that changes only the round,
 * compiles nothing. Each build gets its own release id, removed from the global KIE repository as soon as the
 * KieBase exists, so that reloading never accumulates modules. A text the library's build compiled already (the
 * stages of the policies it ships) is loaded as built ({@link PrebuiltStages}) instead of compiled.
 */
public final class RuleBaseBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(RuleBaseBuilder.class);
    private static final String RESOURCES = "src/main/resources/";
    private static final AtomicLong BUILDS = new AtomicLong();
    /** The library's own declarations about the fact types, compiled into every stage. */
    private static final String FACTS = "org/carrierrules/internal/facts/facts.drl";
    private static final byte[] LIBRARY_FACTS = libraryResource(FACTS);
    /** A few policies' worth of compiled stages: a host reloading, a staff tool comparing two versions. */
    private static final int CACHED = 12;
    private static final Map<String, Built> COMPILED = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Built> eldest) {
            return size() > CACHED;
        }
    };

    private RuleBaseBuilder() {
    }

    /** How many times a stage was compiled in this JVM, rather than found compiled: for tests of the cache. */
    static long compilations() {
        return BUILDS.get();
    }

    /** The declarations every stage compiles with ({@code facts.drl}), as the library ships them. */
    public static byte[] libraryFacts() {
        return LIBRARY_FACTS.clone();
    }

    /**
     * A staff stage compiled from its checked rules and the Drools rules {@link DrlGenerator} wrote from them
     * (given, not generated here: the policy's fingerprint covers the same text), or null with the problems added.
     */
    static CompiledStage staffStage(Stage stage, List<CheckedRule> rules, String drl, List<PolicyProblem> problems) {
        List<RuleInfo> info = rules.stream().map(r -> new RuleInfo(r.name(), r.clause(), r.file(), r.line())).toList();
        Built built = compile(stage, drl, problems, line -> blame(drl, line, rules));
        return built == null ? null : new CompiledStage(stage, built.base(), rules, info, drl, built.prebuilt());
    }

    /**
     * The library's allocation rules with the policy's rules of 排名资格 after them, in the same package (the
     * library's header declares what they use), compiled. The library's rules list no rule info here: their clauses
     * are each policy's ({@code AllocationCitations}); the policy's rules list theirs, as in the other stages.
     *
     * @param generated the Drools rules {@link DrlGenerator} wrote from {@code rules}, covered by the fingerprint
     */
    public static CompiledStage allocationStage(List<CheckedRule> rules, String generated, List<PolicyProblem> problems) {
        String drl = new String(LibraryRules.drl(), StandardCharsets.UTF_8) + generated;
        List<RuleInfo> info = rules.stream().map(r -> new RuleInfo(r.name(), r.clause(), r.file(), r.line())).toList();
        Built built = compile(Stage.ALLOCATION, drl, problems, line -> line <= LibraryRules.lines()
                ? new PolicyProblem(LibraryRules.RESOURCE, line, "本库的评审与名额分配规则无法编译（这是本库的缺陷，请报告）")
                : blame(drl, line, rules));
        return built == null ? null : new CompiledStage(Stage.ALLOCATION, built.base(), rules, info, drl, built.prebuilt());
    }

    /** A compiled stage's rules, and whether the build compiled them ({@link PrebuiltStages}). */
    private record Built(KieBase base, boolean prebuilt) {
    }

    private static Built compile(Stage stage, String drl, List<PolicyProblem> problems,
                                 IntFunction<PolicyProblem> blame) {
        String key = sha256(drl);
        synchronized (COMPILED) {
            Built cached = COMPILED.get(key);
            if (cached != null) {
                return cached;
            }
        }
        KieBase prebuilt = PrebuiltStages.find(key);
        Built built;
        if (prebuilt != null) {
            built = new Built(prebuilt, true);
        } else {
            KieBase base = compileNow(stage, drl, problems, blame);
            if (base == null) {
                return null;
            }
            built = new Built(base, false);
        }
        synchronized (COMPILED) {
            COMPILED.put(key, built);
        }
        return built;
    }

    /**
     * The same stage compiled from its Drools text by Drools' compiler now, neither kept nor taken from the build: the
     * compilation every text the build did not see gets, for the tests that hold it to the prebuilt stages.
     */
    public static CompiledStage compiledNow(CompiledStage stage) {
        List<PolicyProblem> problems = new ArrayList<>();
        KieBase base = compileNow(stage.stage(), stage.drl(), problems, line -> new PolicyProblem("rules", line, "无法编译"));
        if (base == null) {
            throw new IllegalStateException("the " + stage.stage() + " rules no longer compile: " + problems);
        }
        return new CompiledStage(stage.stage(), base, stage.rules(), stage.info(), stage.drl(), false);
    }

    private static KieBase compileNow(Stage stage, String drl, List<PolicyProblem> problems,
                                      IntFunction<PolicyProblem> blame) {
        KieServices ks = KieServices.get();
        ReleaseId release = ks.newReleaseId("org.carrierrules.policy", stage.name().toLowerCase(Locale.ROOT),
                "1." + BUILDS.incrementAndGet());
        KieBuilder builder = ks.newKieBuilder(sources(ks, release, stage, drl)).buildAll();
        List<PolicyProblem> errors = new ArrayList<>();
        for (Message message : builder.getResults().getMessages()) {
            if (message.getLevel() == Message.Level.ERROR) {
                // The vocabulary's templates are compiled by the library's own tests, so this is a defect of the
                // library; the message names the staff rule it was generated from, and the log has Drools' text.
                LOG.error("generated {} rules, line {}: {}", stage, message.getLine(), message.getText());
                errors.add(blame.apply(message.getLine()));
            } else {
                LOG.warn("generated {} rules, line {}: {}", stage, message.getLine(), message.getText());
            }
        }
        if (!errors.isEmpty()) {
            problems.addAll(errors.stream().distinct().toList());
            ks.getRepository().removeKieModule(release);
            return null;
        }
        KieBase base = ks.newKieContainer(release).getKieBase();
        ks.getRepository().removeKieModule(release);
        return base;
    }

    /**
     * What a stage compiles from: the library's declarations ({@code facts.drl}) and the stage's Drools text, each
     * under the folder of its package. The build compiles the bundled policies' stages from the same files
     * ({@link PrebuiltStages}).
     */
    static KieFileSystem sources(KieServices ks, ReleaseId release, Stage stage, String drl) {
        KieFileSystem kfs = ks.newKieFileSystem().generateAndWritePomXML(release);
        kfs.write(RESOURCES + FACTS, ks.getResources().newByteArrayResource(LIBRARY_FACTS, "UTF-8"));
        String path = RESOURCES + stage.drlPackage().replace('.', '/') + "/rules.drl";
        // Always UTF-8: under a POSIX locale Drools would read Chinese text as garbage otherwise.
        kfs.write(path, ks.getResources().newByteArrayResource(drl.getBytes(StandardCharsets.UTF_8), "UTF-8"));
        return kfs;
    }

    /** The staff rule a line of the generated text belongs to. */
    private static PolicyProblem blame(String drl, int line, List<CheckedRule> rules) {
        String[] lines = drl.split("\n", -1);
        for (int i = Math.min(line, lines.length) - 1; i >= 0; i--) {
            if (lines[i].startsWith("rule \"")) {
                int index = DrlGenerator.indexOf(lines[i].substring(6, lines[i].length() - 1));
                if (index >= 0 && index < rules.size()) {
                    CheckedRule rule = rules.get(index);
                    return new PolicyProblem(rule.file(), rule.line(), "规则“" + rule.name()
                            + "”无法编译成 Drools 规则（这是本库的缺陷，不是规则文件的错误，请报告）");
                }
            }
        }
        return new PolicyProblem("rules", 0, "规则无法编译成 Drools 规则（这是本库的缺陷，请报告）");
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
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
}

package org.carrierrules.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.carrierrules.PolicyProblem;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.io.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles one stage's rule files into a KieBase (the MVEL path, which keeps file and line in its
 * error messages). Each build gets its own release id, removed from the global KIE repository as
 * soon as the KieBase exists, so that reloading a policy never accumulates modules.
 */
final class RuleBaseBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(RuleBaseBuilder.class);
    private static final String RESOURCES = "src/main/resources/";
    private static final AtomicLong BUILDS = new AtomicLong();
    /** The library's own declarations about the fact types, compiled into every stage. */
    private static final String FACTS = "org/carrierrules/internal/facts.drl";
    private static final byte[] LIBRARY_FACTS = libraryFacts();

    private RuleBaseBuilder() {
    }

    /** The KieBase, or null with the compiler's errors added to {@code problems}. */
    static KieBase build(String stage, Map<String, byte[]> ruleFiles, List<PolicyProblem> problems) {
        KieServices ks = KieServices.get();
        ReleaseId release = ks.newReleaseId("org.carrierrules.policy", stage, "1." + BUILDS.incrementAndGet());
        KieFileSystem kfs = ks.newKieFileSystem().generateAndWritePomXML(release);
        kfs.write(RESOURCES + FACTS, ks.getResources().newByteArrayResource(LIBRARY_FACTS, "UTF-8"));
        ruleFiles.forEach((path, bytes) -> {
            // Always UTF-8: under a POSIX locale Drools would read Chinese text as garbage otherwise.
            Resource resource = ks.getResources().newByteArrayResource(bytes, "UTF-8").setSourcePath(path);
            kfs.write(RESOURCES + path, resource);
        });
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        List<PolicyProblem> errors = new ArrayList<>();
        for (Message message : builder.getResults().getMessages()) {
            if (message.getLevel() == Message.Level.ERROR) {
                errors.add(new PolicyProblem(relative(message.getPath()), Math.max(message.getLine(), 0),
                        "规则无法编译：" + message.getText()));
            } else {
                LOG.warn("{} line {}: {}", message.getPath(), message.getLine(), message.getText());
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

    private static byte[] libraryFacts() {
        try (InputStream in = RuleBaseBuilder.class.getResourceAsStream("/" + FACTS)) {
            if (in == null) {
                throw new IllegalStateException("the library jar lacks " + FACTS);
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
}

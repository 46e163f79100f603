package org.carrierrules.internal.engine;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

import org.carrierrules.CarrierRules;
import org.carrierrules.internal.LoadedPolicy;
import org.carrierrules.internal.PolicyLoader;

/**
 * A step of the library's build, run between compiling the tests and running them ({@code rules-core/pom.xml}):
 * compiles every stage of the policies the library ships with Drools' executable model and writes each, as
 * {@link PrebuiltStages} reads it, under the library's classes, so that the tests and the jar both have them.
 * The stages' Drools texts are taken from the bundled policy as the library loads it, so a key can only name the
 * text it was compiled from. Written byte for byte the same from the same sources (sorted entries, fixed times).
 * Kept among the test classes: Drools' code generator is needed when the library is built, never when it runs.
 */
public final class PrebuildStages {
    private static final FileTime FIXED = FileTime.fromMillis(0);

    private PrebuildStages() {
    }

    /** @param args the library's class output folder ({@code target/classes}) */
    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]).resolve(PrebuiltStages.FOLDER);
        if (Files.isDirectory(folder)) {
            try (Stream<Path> old = Files.list(folder)) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
        }
        Files.createDirectories(folder);
        LoadedPolicy policy = PolicyLoader.bundled(CarrierRules.BUNDLED_ROUND);
        for (CompiledStage stage : policy.compiledStages()) {
            String key = RuleBaseBuilder.sha256(stage.drl());
            write(folder.resolve(key + ".jar"), compile(stage));
            System.out.println("prebuilt " + stage.stage() + " of " + CarrierRules.BUNDLED_ROUND + ": " + key);
        }
    }

    private static InternalKieModule compile(CompiledStage stage) {
        KieServices ks = KieServices.get();
        ReleaseId release = ks.newReleaseId("org.carrierrules.prebuilt", stage.stage().name().toLowerCase(Locale.ROOT), "1");
        KieBuilder builder = ks.newKieBuilder(RuleBaseBuilder.sources(ks, release, stage.stage(), stage.drl()))
                .buildAll(ExecutableModelProject.class);
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            throw new IllegalStateException("the executable model of " + stage.stage() + " does not compile: " + errors);
        }
        ks.getRepository().removeKieModule(release);
        return (InternalKieModule) builder.getKieModule();
    }

    private static void write(Path target, InternalKieModule module) throws IOException {
        List<String> models = new ArrayList<>();
        TreeSet<String> classes = new TreeSet<>();
        for (String name : module.getFileNames()) {
            if (name.endsWith("/drools-model")) {
                new String(module.getBytes(name), StandardCharsets.UTF_8).lines()
                        .filter(l -> !l.isBlank() && !l.startsWith("Drools-Model-Version")).forEach(models::add);
            } else if (name.endsWith(".class")) {
                classes.add(name);
            }
        }
        if (models.isEmpty()) {
            throw new IllegalStateException("the executable model names no model class: " + module.getFileNames());
        }
        try (OutputStream out = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(out)) {
            entry(zip, PrebuiltStages.MODELS, String.join("\n", models).getBytes(StandardCharsets.UTF_8));
            for (String name : classes) {
                entry(zip, name, module.getBytes(name));
            }
        }
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setLastModifiedTime(FIXED);
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }
}

package org.carrierrules.internal.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;

/**
 * The stages of the policies the library ships, compiled when the library was built: Drools' executable model
 * (the rules as Java classes) in the library's own jar, each found by the SHA-256 of the Drools text it was
 * compiled from, the key of the stage cache. A stage found here is loaded, not compiled: a host, a command or a
 * staff copy of a bundled policy whose stage is the bundled one starts without Drools' compiler (docs/performance.md).
 * <p>
 * Only the library's jar is looked in, never a policy directory: classes are defined from nothing a policy officer
 * or a host can write. A text the build did not see (any edited stage) is simply not found and compiles as before.
 */
final class PrebuiltStages {
    /** Where the build writes them: one archive per stage, {@code <sha256>.jar}. */
    static final String FOLDER = "org/carrierrules/internal/engine/prebuilt/";
    /** The entry of an archive that names its model classes, one a line. */
    static final String MODELS = "models";

    private PrebuiltStages() {
    }

    /** The stage compiled from the Drools text whose SHA-256 is {@code key}, or null when the build did not compile it. */
    static KieBase find(String key) {
        try (InputStream in = PrebuiltStages.class.getResourceAsStream("/" + FOLDER + key + ".jar")) {
            return in == null ? null : load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("the library jar's prebuilt stage " + key + " cannot be read", e);
        }
    }

    private static KieBase load(InputStream archive) throws IOException {
        Map<String, byte[]> classes = new HashMap<>();
        List<String> modelNames = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(archive)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                byte[] content = zip.readAllBytes();
                if (entry.getName().equals(MODELS)) {
                    new String(content, StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).forEach(modelNames::add);
                } else if (entry.getName().endsWith(".class")) {
                    String name = entry.getName().substring(0, entry.getName().length() - ".class".length()).replace('/', '.');
                    classes.put(name, content);
                }
            }
        }
        StageClassLoader loader = new StageClassLoader(PrebuiltStages.class.getClassLoader(), classes);
        List<Model> models = new ArrayList<>();
        for (String name : modelNames) {
            try {
                models.add((Model) loader.loadClass(name).getConstructor().newInstance());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("the library jar's prebuilt stage lacks its model " + name, e);
            }
        }
        return KieBaseBuilder.createKieBaseFromModel(models);
    }

    /** Defines a prebuilt stage's classes, beside the library's own (the facts and collectors its rules call). */
    private static final class StageClassLoader extends ClassLoader {
        private final Map<String, byte[]> classes;

        StageClassLoader(ClassLoader library, Map<String, byte[]> classes) {
            super(library);
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classes.get(name);
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }
    }
}

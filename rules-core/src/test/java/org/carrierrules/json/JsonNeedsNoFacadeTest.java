package org.carrierrules.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The json package maps the contract: it reads records and writes the decisions it is given, and never calls the
 * facade, which decides. Checked on the compiled classes, whose constant pools name every class they use.
 */
class JsonNeedsNoFacadeTest {
    private static final Path CLASSES = Path.of("target/classes/org/carrierrules/json");
    /** The facade or one of its nested classes, as a class file names it ({@code org/carrierrules/CarrierRules$Bundled}). */
    private static final Pattern FACADE = Pattern.compile("org/carrierrules/CarrierRules(?![A-Za-z0-9_])");

    @Test
    void noClassOfTheJsonPackageRefersToTheFacade() throws Exception {
        List<Path> classes;
        try (Stream<Path> files = Files.list(CLASSES)) {
            classes = files.filter(file -> file.toString().endsWith(".class")).sorted().toList();
        }
        List<String> referring = new ArrayList<>();
        for (Path file : classes) {
            if (FACADE.matcher(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).find()) {
                referring.add(file.getFileName().toString());
            }
        }

        assertTrue(classes.size() > 20, () -> "the package's classes are where they were compiled to: " + classes);
        assertEquals(List.of(), referring);
    }
}

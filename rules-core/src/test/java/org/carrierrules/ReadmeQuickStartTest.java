package org.carrierrules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.carrierrules.json.ApplicationJson;
import org.junit.jupiter.api.Test;

/** The README's Java quick start, compiled and run; the README must show exactly these lines. */
class ReadmeQuickStartTest {
    private static final Path README = Path.of("..", "README.md");
    private static final Path SOURCE = Path.of("src/test/java/org/carrierrules/ReadmeQuickStartTest.java");

    @Test
    void quickStartRuns() throws Exception {
        String json = ApplicationJson.write(ValidApplications.base().withMaterials(List.of(
                new Material("APPLICATION_FORM", "申报表.pdf", FileFormat.PDF, false, true, true, false)))).toString();

        // quick start: begin
        CarrierRules rules = CarrierRules.bundled();                // 罗湖区 2024 round, compiled once, thread-safe
        Application application = ApplicationJson.read(json);       // the JSON contract, or build the records
        Assessment assessment = rules.assess(application);
        System.out.println(assessment.acceptance().label());       // 需补正
        for (Finding f : assessment.findings()) {                   // 四(二) MATERIAL_NOT_SEALED 申报表扫描件未加盖公章 …
            System.out.println(f.clause() + " " + f.code() + " " + f.message());
        }
        // quick start: end

        assertEquals(Acceptance.SUPPLEMENT_REQUIRED, assessment.acceptance());
        assertEquals("MATERIAL_NOT_SEALED", assessment.findings().get(0).code());
        assertEquals("申报表扫描件未加盖公章", assessment.findings().get(0).message());
    }

    @Test
    void readmeShowsTheseLines() throws Exception {
        List<String> source = Files.readAllLines(SOURCE, StandardCharsets.UTF_8);
        String block = source.subList(source.indexOf("        // quick start: begin") + 1,
                        source.indexOf("        // quick start: end")).stream()
                .map(line -> line.substring(8)).collect(Collectors.joining("\n"));
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        assertTrue(block.lines().count() <= 10, "the quick start is at most ten lines");
        assertTrue(readme.contains(block), "README.md must contain the quick start exactly as compiled here:\n" + block);
    }
}

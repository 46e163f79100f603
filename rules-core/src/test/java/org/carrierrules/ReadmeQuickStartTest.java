package org.carrierrules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.carrierrules.allocation.Allocation;
import org.carrierrules.allocation.RoundSubmission;
import org.carrierrules.application.Applicant;
import org.carrierrules.application.ApplicantType;
import org.carrierrules.application.Application;
import org.carrierrules.application.FileFormat;
import org.carrierrules.application.Material;
import org.carrierrules.application.PaperCopy;
import org.carrierrules.assessment.Acceptance;
import org.carrierrules.assessment.Assessment;
import org.carrierrules.assessment.Finding;
import org.carrierrules.documents.Document;
import org.carrierrules.documents.DocumentFormat;
import org.carrierrules.documents.Documents;
import org.carrierrules.json.ApplicationJson;
import org.carrierrules.testing.RepositoryFiles;

/** The README's Java quick start, compiled and run; the README must show exactly these lines. */
class ReadmeQuickStartTest {
    private static final Path README = RepositoryFiles.path("README.md");
    private static final Path SOURCE = Path.of("src/test/java/org/carrierrules/ReadmeQuickStartTest.java");

    @Test
    void quickStartRuns() throws Exception {
        String json = ApplicationJson.write(ValidApplications.base().withMaterials(List.of(
                new Material("APPLICATION_FORM", "申报表.pdf", FileFormat.PDF, false, true, true, false))));

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
    void buildingTheRecordsRuns() {
        CarrierRules rules = CarrierRules.bundled();
        String creditCode = ValidApplications.base().applicant().creditCode();

        // building records: begin
        Applicant applicant = Applicant.of("深圳市罗湖区示例职业培训学校", creditCode, ApplicantType.TRAINING_INSTITUTION, "罗湖区");
        Application application = Application.builder("LH2024-001", CarrierType.HIGH_SKILL_TRAINING_BASE, applicant,
                        Instant.parse("2024-08-20T02:15:00Z"))
                .material(Material.scan("APPLICATION_FORM", "申报表.pdf").unsealed())   // every other scan as required
                .paperCopy(PaperCopy.bound(2))
                .electronicCopyNamedAfterApplicant()
                .build();
        Assessment assessment = rules.assess(application);          // 需补正: MATERIAL_NOT_SEALED, MATERIAL_MISSING …
        // building records: end

        assertEquals(Acceptance.SUPPLEMENT_REQUIRED, assessment.acceptance());
        assertEquals(List.of("MATERIAL_NOT_SEALED", "MATERIAL_MISSING"), assessment.findings().stream().map(Finding::code)
                .distinct().limit(2).toList());
    }

    @Test
    void theDocumentsRun() {
        CarrierRules rules = CarrierRules.bundled();
        Application application = Rounds.toSupplement(Rounds.accepted("LH2024-001", CarrierType.HIGH_SKILL_TRAINING_BASE, "2024-08-20T10:15"));
        Assessment assessment = rules.assess(application);
        RoundSubmission submission = DocumentExamplesTest.sampleRound();
        Allocation allocation = rules.allocate(submission);

        // documents: begin
        Documents documents = rules.documents();              // the wording of the policy serving now
        String text = documents.render(new Document.AssessmentNotice(application, assessment), DocumentFormat.TEXT);
        String html = documents.printable(List.of(new Document.PublicNotice(submission, allocation),
                                                  new Document.RoundReport(submission, allocation)));
        // documents: end

        assertTrue(text.startsWith("──────── 补正材料通知 ────────\n"), text);
        assertEquals(2, html.split("<section class=\"document ", -1).length - 1);
    }

    @Test
    void readmeShowsTheseLines() throws Exception {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        for (String name : List.of("quick start", "building records", "documents")) {
            String block = block(name);
            assertTrue(block.lines().count() <= 10, "the " + name + " block is at most ten lines");
            assertTrue(readme.contains(block), "README.md must contain the " + name + " block exactly as compiled here:\n" + block);
        }
    }

    private static String block(String name) throws Exception {
        List<String> source = Files.readAllLines(SOURCE, StandardCharsets.UTF_8);
        return source.subList(source.indexOf("        // " + name + ": begin") + 1, source.indexOf("        // " + name + ": end"))
                .stream().map(line -> line.substring(8)).collect(Collectors.joining("\n"));
    }
}

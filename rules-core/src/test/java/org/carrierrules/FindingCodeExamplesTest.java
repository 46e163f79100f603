package org.carrierrules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.carrierrules.application.Applicant;
import org.carrierrules.application.ApplicantType;
import org.carrierrules.application.Application;
import org.carrierrules.application.ElectronicCopy;
import org.carrierrules.application.ElectronicFile;
import org.carrierrules.application.FileFormat;
import org.carrierrules.application.Material;
import org.carrierrules.application.PaperCopy;
import org.carrierrules.assessment.Acceptance;
import org.carrierrules.assessment.Assessment;
import org.carrierrules.assessment.Finding;
import org.carrierrules.assessment.Severity;
import org.carrierrules.internal.language.CodeCatalogue;
import org.carrierrules.internal.language.Stage;

/**
 * One example per finding code of the library's code catalogue: a valid application changed in exactly one
 * place (or, for a type not open, left as it is in a round that does not open its type) yields exactly that
 * finding, with its catalogued severity and clause; and the catalogue gives the contract's codes the contract's
 * severity and clause.
 */
class FindingCodeExamplesTest {
    /** The contract's finding codes (shared/spec/contract.md, "Finding codes"), with severity and clause. */
    static final List<String[]> CONTRACT = List.of(
            new String[] {"APPLICANT_TYPE_NOT_ELIGIBLE", "INELIGIBLE", "二"},
            new String[] {"NO_TRAINING_FUNCTION", "INELIGIBLE", "二"},
            new String[] {"NOT_LEGALLY_ESTABLISHED", "INELIGIBLE", "二"},
            new String[] {"NOT_REGISTERED_IN_DISTRICT", "INELIGIBLE", "二"},
            new String[] {"CARRIER_TYPE_NOT_OPEN", "INELIGIBLE", "一、三"},
            new String[] {"SUBMITTED_OUTSIDE_WINDOW", "INELIGIBLE", "四(一)"},
            new String[] {"MATERIAL_MISSING", "DEFECT", "四(二)"},
            new String[] {"MATERIAL_NOT_PDF", "DEFECT", "四(二)"},
            new String[] {"MATERIAL_NOT_SEALED", "DEFECT", "四(二)"},
            new String[] {"MATERIAL_ILLEGIBLE", "DEFECT", "四(二)"},
            new String[] {"MATERIAL_PAGES_MISSING", "DEFECT", "四(二)"},
            new String[] {"MATERIAL_SKEWED", "DEFECT", "四(二)"},
            new String[] {"MATERIAL_MISNAMED", "DEFECT", "四(二)"},
            new String[] {"PAPER_COPY_MISSING", "DEFECT", "四(二)"},
            new String[] {"PAPER_COPIES_INSUFFICIENT", "DEFECT", "四(二)"},
            new String[] {"PAPER_NOT_A4", "DEFECT", "四(二)"},
            new String[] {"PAPER_NOT_BOUND", "DEFECT", "四(二)"},
            new String[] {"PAPER_NO_TABLE_OF_CONTENTS", "DEFECT", "四(二)"},
            new String[] {"PAPER_NO_PAGE_NUMBERS", "DEFECT", "四(二)"},
            new String[] {"ELECTRONIC_COPY_MISSING", "DEFECT", "四(二)"},
            new String[] {"ELECTRONIC_NO_WORD", "DEFECT", "四(二)"},
            new String[] {"ELECTRONIC_NO_PDF", "DEFECT", "四(二)"},
            new String[] {"ELECTRONIC_PDF_NOT_SINGLE_FILE", "DEFECT", "四(二)"},
            new String[] {"ELECTRONIC_MISNAMED", "DEFECT", "四(二)"},
            new String[] {"ELECTRONIC_ORDER_MISMATCH", "DEFECT", "四(二)"});

    private static final CarrierRules RULES = CarrierRules.bundled();
    /** The bundled round without places for the base application's type, so that "not open" can come up (一、三). */
    private static CarrierRules baseTypeClosed;

    @TempDir
    static Path temp;

    @BeforeAll
    static void closeTheBaseApplicationsType() {
        Path policy = PolicyCopies.copy(temp);
        PolicyCopies.edit(policy, "round.yaml", "HIGH_SKILL_TRAINING_BASE: 3", "HIGH_SKILL_TRAINING_BASE: 0");
        baseTypeClosed = CarrierRules.fromDirectoryUntested(policy);
    }

    /** The catalogue's finding codes (受理审查), the library's and no policy's. */
    private static List<CodeCatalogue.Code> catalogued() {
        return CodeCatalogue.library().codes().stream().filter(c -> c.stage() == Stage.ASSESSMENT).toList();
    }

    static Stream<Arguments> examples() {
        Application valid = ValidApplications.base();
        Applicant a = valid.applicant();
        List<Arguments> cases = new ArrayList<>();
        cases.add(example("APPLICANT_TYPE_NOT_ELIGIBLE", null, app -> with(app,
                new Applicant(a.name(), a.creditCode(), ApplicantType.INDIVIDUAL_BUSINESS, true, true, "罗湖区"))));
        cases.add(example("NO_TRAINING_FUNCTION", null, app -> with(app,
                new Applicant(a.name(), a.creditCode(), ApplicantType.PUBLIC_INSTITUTION, false, true, "罗湖区"))));
        cases.add(example("NOT_LEGALLY_ESTABLISHED", null, app -> with(app,
                new Applicant(a.name(), a.creditCode(), a.type(), true, false, "罗湖区"))));
        cases.add(example("NOT_REGISTERED_IN_DISTRICT", null, app -> with(app,
                new Applicant(a.name(), a.creditCode(), a.type(), true, true, "福田区"))));
        cases.add(example("CARRIER_TYPE_NOT_OPEN", null, app -> app));
        cases.add(example("SUBMITTED_OUTSIDE_WINDOW", null, app -> at(app, Instant.parse("2024-08-25T10:00:01Z"))));
        cases.add(example("MATERIAL_MISSING", "FACULTY", app -> app.withMaterials(
                app.materials().stream().filter(m -> !m.code().equals("FACULTY")).toList())));
        cases.add(example("MATERIAL_NOT_PDF", "FACULTY", app -> material(app, "FACULTY",
                m -> new Material(m.code(), "师资队伍情况.jpg", FileFormat.IMAGE, true, true, true, false))));
        cases.add(example("MATERIAL_NOT_SEALED", "FACULTY", app -> material(app, "FACULTY",
                m -> new Material(m.code(), m.fileName(), m.format(), false, true, true, false))));
        cases.add(example("MATERIAL_ILLEGIBLE", "FACULTY", app -> material(app, "FACULTY",
                m -> new Material(m.code(), m.fileName(), m.format(), true, false, true, false))));
        cases.add(example("MATERIAL_PAGES_MISSING", "FACULTY", app -> material(app, "FACULTY",
                m -> new Material(m.code(), m.fileName(), m.format(), true, true, false, false))));
        cases.add(example("MATERIAL_SKEWED", "FACULTY", app -> material(app, "FACULTY",
                m -> new Material(m.code(), m.fileName(), m.format(), true, true, true, true))));
        cases.add(example("MATERIAL_MISNAMED", "FACULTY", app -> material(app, "FACULTY",
                m -> new Material(m.code(), "扫描件3.pdf", m.format(), true, true, true, false))));
        cases.add(example("MATERIAL_NOT_REQUIRED", null, app -> app.withMaterials(Stream.concat(app.materials().stream(),
                Stream.of(ValidApplications.material("AWARD_CERTIFICATES", "获奖证书"))).toList())));
        cases.add(example("PAPER_COPY_MISSING", null, app -> paper(app, null)));
        cases.add(example("PAPER_COPIES_INSUFFICIENT", null, app -> paper(app, new PaperCopy(1, "A4", true, true, true))));
        cases.add(example("PAPER_NOT_A4", null, app -> paper(app, new PaperCopy(2, "A3", true, true, true))));
        cases.add(example("PAPER_NOT_BOUND", null, app -> paper(app, new PaperCopy(2, "A4", false, true, true))));
        cases.add(example("PAPER_NO_TABLE_OF_CONTENTS", null, app -> paper(app, new PaperCopy(2, "A4", true, false, true))));
        cases.add(example("PAPER_NO_PAGE_NUMBERS", null, app -> paper(app, new PaperCopy(2, "A4", true, true, false))));
        cases.add(example("ELECTRONIC_COPY_MISSING", null, app -> electronic(app, null)));
        String name = ValidApplications.APPLICANT;
        cases.add(example("ELECTRONIC_NO_WORD", null, app -> electronic(app,
                new ElectronicCopy(List.of(new ElectronicFile(name + ".pdf", FileFormat.PDF)), true))));
        cases.add(example("ELECTRONIC_NO_PDF", null, app -> electronic(app,
                new ElectronicCopy(List.of(new ElectronicFile(name + ".docx", FileFormat.WORD)), true))));
        cases.add(example("ELECTRONIC_PDF_NOT_SINGLE_FILE", null, app -> electronic(app, new ElectronicCopy(List.of(
                new ElectronicFile(name + ".pdf", FileFormat.PDF), new ElectronicFile(name + ".PDF", FileFormat.PDF),
                new ElectronicFile(name + ".docx", FileFormat.WORD)), true))));
        cases.add(example("ELECTRONIC_MISNAMED", null, app -> electronic(app, new ElectronicCopy(List.of(
                new ElectronicFile(name + ".pdf", FileFormat.PDF), new ElectronicFile("申报材料.docx", FileFormat.WORD)), true))));
        cases.add(example("ELECTRONIC_ORDER_MISMATCH", null, app -> electronic(app,
                new ElectronicCopy(app.electronicCopy().files(), false))));
        return cases.stream();
    }

    private static Arguments example(String code, String material, UnaryOperator<Application> change) {
        return Arguments.of(code, material, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void oneChangeGivesExactlyThatFinding(String code, String material, UnaryOperator<Application> change) {
        CarrierRules rules = code.equals("CARRIER_TYPE_NOT_OPEN") ? baseTypeClosed : RULES;
        Assessment assessment = rules.assess(change.apply(ValidApplications.base()));

        assertEquals(List.of(code), assessment.findings().stream().map(Finding::code).toList());
        Finding finding = assessment.findings().get(0);
        CodeCatalogue.Code catalogued = CodeCatalogue.library().get(code);
        assertEquals(catalogued.severity(), finding.severity());
        assertEquals(catalogued.clause(), finding.clause());
        assertEquals(material, finding.material());
        assertTrue(!finding.rule().isBlank() && !finding.message().isBlank());
        assertEquals(switch (finding.severity()) {
            case INELIGIBLE -> Acceptance.NOT_ACCEPTED;
            case DEFECT -> Acceptance.SUPPLEMENT_REQUIRED;
            case NOTE -> Acceptance.ACCEPTED;
        }, assessment.acceptance());
    }

    @Test
    void everyCataloguedFindingCodeHasAnExample() {
        Set<String> covered = new TreeSet<>();
        examples().forEach(args -> covered.add((String) args.get()[0]));
        assertEquals(new TreeSet<>(catalogued().stream().map(CodeCatalogue.Code::code).toList()), covered);
    }

    /** What the contract says of its codes the catalogue says too; a code of the library's own beyond them only notes. */
    @Test
    void theCatalogueGivesTheContractsCodesTheirSeverityAndClause() {
        for (String[] c : CONTRACT) {
            CodeCatalogue.Code code = CodeCatalogue.library().get(c[0]);
            assertEquals(Severity.valueOf(c[1]), code.severity(), c[0]);
            assertEquals(c[2], code.clause(), c[0]);
        }
        Set<String> contract = new TreeSet<>(CONTRACT.stream().map(c -> c[0]).toList());
        catalogued().stream().filter(c -> !contract.contains(c.code()))
                .forEach(c -> assertEquals(Severity.NOTE, c.severity(), c.code()));
    }

    @Test
    void validApplicationHasNoFinding() {
        Assessment assessment = RULES.assess(ValidApplications.base());
        assertEquals(List.of(), assessment.findings());
        assertEquals(Acceptance.ACCEPTED, assessment.acceptance());
        assertTrue(assessment.eligible());
        assertEquals(RULES.policy(), assessment.policy());
    }

    private static Application with(Application app, Applicant applicant) {
        return new Application(app.id(), app.carrierType(), app.submittedAt(), applicant, app.materials(),
                app.paperCopy(), app.electronicCopy());
    }

    private static Application at(Application app, Instant submittedAt) {
        return new Application(app.id(), app.carrierType(), submittedAt, app.applicant(), app.materials(),
                app.paperCopy(), app.electronicCopy());
    }

    private static Application paper(Application app, PaperCopy paper) {
        return new Application(app.id(), app.carrierType(), app.submittedAt(), app.applicant(), app.materials(),
                paper, app.electronicCopy());
    }

    private static Application electronic(Application app, ElectronicCopy copy) {
        return new Application(app.id(), app.carrierType(), app.submittedAt(), app.applicant(), app.materials(),
                app.paperCopy(), copy);
    }

    private static Application material(Application app, String code, UnaryOperator<Material> change) {
        return app.withMaterials(app.materials().stream().map(m -> m.code().equals(code) ? change.apply(m) : m).toList());
    }
}

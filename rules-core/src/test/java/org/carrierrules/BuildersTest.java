package org.carrierrules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.carrierrules.allocation.Allocation;
import org.carrierrules.allocation.AllocationStatus;
import org.carrierrules.allocation.ExpertReview;
import org.carrierrules.allocation.Objection;
import org.carrierrules.allocation.RoundSubmission;
import org.carrierrules.application.Applicant;
import org.carrierrules.application.ApplicantType;
import org.carrierrules.application.Application;
import org.carrierrules.application.ElectronicCopy;
import org.carrierrules.application.FileFormat;
import org.carrierrules.application.Material;
import org.carrierrules.application.PaperCopy;
import org.carrierrules.assessment.Acceptance;
import org.carrierrules.assessment.Assessment;
import org.carrierrules.assessment.Finding;
import org.carrierrules.supervision.Carrier;
import org.carrierrules.supervision.EventType;
import org.carrierrules.supervision.Ground;
import org.carrierrules.supervision.SupervisionDecision;

/** The records' factories give what a valid input has, and each {@code with}-style method exactly one defect. */
class BuildersTest {
    private static final CarrierRules RULES = CarrierRules.bundled();
    private static final Applicant APPLICANT = Applicant.of(ValidApplications.APPLICANT, ValidApplications.CREDIT_CODE,
            ApplicantType.TRAINING_INSTITUTION, "罗湖区");

    private static Application.Builder complete(CarrierType type) {
        Application.Builder builder = Application.builder("LH2024-B01", type, APPLICANT, ValidApplications.IN_WINDOW)
                .paperCopy(PaperCopy.bound(2)).electronicCopyNamedAfterApplicant();
        for (String[] material : ValidApplications.requiredMaterials(type)) {
            builder.material(Material.scan(material[0], material[1] + ".pdf"));
        }
        return builder;
    }

    @ParameterizedTest
    @EnumSource(CarrierType.class)
    void anApplicationBuiltFromTheDefaultsIsAccepted(CarrierType type) {
        Assessment assessment = RULES.assess(complete(type).build());
        assertEquals(List.of(), assessment.findings());
        assertEquals(Acceptance.ACCEPTED, assessment.acceptance());
    }

    @Test
    void eachMaterialDefectGivesItsOneFinding() {
        List<UnaryOperator<Material>> defects = List.of(Material::unsealed, Material::illegible, Material::withPagesMissing,
                Material::askew, m -> m.inFormat(FileFormat.WORD));
        List<String> codes = List.of("MATERIAL_NOT_SEALED", "MATERIAL_ILLEGIBLE", "MATERIAL_PAGES_MISSING", "MATERIAL_SKEWED",
                "MATERIAL_NOT_PDF");
        String[] first = ValidApplications.requiredMaterials(CarrierType.HIGH_SKILL_TRAINING_BASE).get(0);
        for (int i = 0; i < defects.size(); i++) {
            Application application = complete(CarrierType.HIGH_SKILL_TRAINING_BASE).build();
            List<Material> materials = new java.util.ArrayList<>(application.materials());
            materials.set(0, defects.get(i).apply(Material.scan(first[0], first[1] + ".pdf")));
            Assessment assessment = RULES.assess(application.withMaterials(materials));
            assertEquals(List.of(codes.get(i)), assessment.findings().stream().map(Finding::code).toList());
        }
    }

    @Test
    void eachCopyAndApplicantDefectGivesItsOneFinding() {
        assertEquals(List.of("PAPER_NOT_BOUND"), codes(complete(CarrierType.SKILL_MASTER_STUDIO).paperCopy(PaperCopy.bound(2).unbound())));
        assertEquals(List.of("PAPER_NO_TABLE_OF_CONTENTS"), codes(complete(CarrierType.SKILL_MASTER_STUDIO)
                .paperCopy(PaperCopy.bound(2).withoutTableOfContents())));
        assertEquals(List.of("PAPER_NO_PAGE_NUMBERS"), codes(complete(CarrierType.SKILL_MASTER_STUDIO)
                .paperCopy(PaperCopy.bound(2).withoutPageNumbers())));
        assertEquals(List.of("PAPER_NOT_A4"), codes(complete(CarrierType.SKILL_MASTER_STUDIO).paperCopy(PaperCopy.bound(2).onPaper("B5"))));
        assertEquals(List.of("ELECTRONIC_ORDER_MISMATCH"), codes(complete(CarrierType.SKILL_MASTER_STUDIO)
                .electronicCopy(ElectronicCopy.namedAfter(APPLICANT.name()).outOfOrder())));
        Application base = complete(CarrierType.SKILL_MASTER_STUDIO).build();
        assertEquals(List.of("NOT_LEGALLY_ESTABLISHED"), RULES.assess(new Application(base.id(), base.carrierType(),
                base.submittedAt(), APPLICANT.notLegallyEstablished(), base.materials(), base.paperCopy(), base.electronicCopy()))
                .findings().stream().map(Finding::code).toList());
        Applicant publicBody = Applicant.of(APPLICANT.name(), APPLICANT.creditCode(), ApplicantType.PUBLIC_INSTITUTION, "罗湖区");
        assertEquals(List.of("NO_TRAINING_FUNCTION"), RULES.assess(new Application(base.id(), base.carrierType(),
                base.submittedAt(), publicBody.withoutTrainingFunction(), base.materials(), base.paperCopy(), base.electronicCopy()))
                .findings().stream().map(Finding::code).toList());
    }

    private static List<String> codes(Application.Builder builder) {
        return RULES.assess(builder.build()).findings().stream().map(Finding::code).toList();
    }

    @Test
    void aCarrierAndARoundAreBuiltAPartAtATime() {
        Carrier carrier = Carrier.builder("SZ-2020-017", "示例工作室", CarrierType.SKILL_MASTER_STUDIO, LocalDate.of(2020, 6, 1))
                .trained(2021, 0).trained(2022, 0).trained(2023, 0).event(EventType.LOST_CONTACT, LocalDate.of(2024, 3, 1))
                .build();
        SupervisionDecision decision = RULES.supervise(carrier, LocalDate.of(2024, 12, 31));
        assertEquals(List.of("LOST_CONTACT", "NO_TRAINING_THREE_YEARS"), decision.grounds().stream().map(Ground::code).sorted().toList());

        Application application = complete(CarrierType.RURAL_REVITALIZATION_STATION).build();
        RoundSubmission round = RoundSubmission.builder(CarrierRules.BUNDLED_ROUND).application(application)
                .review(Rounds.scored(application.id(), "88")).objection(new Objection(application.id(), false)).build();
        Allocation allocation = RULES.allocate(round);
        assertEquals(AllocationStatus.CANDIDATE, allocation.entries().get(0).status());
    }

    @Test
    void aBuilderChecksWhatItBuilds() {
        InvalidInputException missing = assertThrows(InvalidInputException.class,
                () -> Application.builder(" ", CarrierType.SKILL_MASTER_STUDIO, APPLICANT, ValidApplications.IN_WINDOW).build());
        assertEquals("id", missing.field());
        assertThrows(InvalidInputException.class, () -> RoundSubmission.builder(CarrierRules.BUNDLED_ROUND)
                .review(ExpertReview.passed("NOBODY")).build());
    }
}

package org.carrierrules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void valid() {
        Assessment a = CarrierRules.bundled().assess(ValidApplications.base());
        System.out.println(a);
        assertEquals(Acceptance.ACCEPTED, a.acceptance());
        Application bad = new Application("x", CarrierType.SKILL_MASTER_STUDIO, ValidApplications.IN_WINDOW,
                new Applicant("某某", ValidApplications.CREDIT_CODE, ApplicantType.PUBLIC_INSTITUTION, false, false, "福田区"),
                java.util.List.of(new Material("APPLICATION_FORM", "x.doc", FileFormat.WORD, false, false, false, true),
                        new Material("ZZZ", "x.doc", FileFormat.WORD, false, false, false, true)),
                new PaperCopy(1, "A3", false, false, false),
                new ElectronicCopy(java.util.List.of(new ElectronicFile("a.pdf", FileFormat.PDF), new ElectronicFile("b.pdf", FileFormat.PDF)), false));
        CarrierRules.bundled().assess(bad).findings().forEach(System.out::println);
    }
}

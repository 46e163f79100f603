package org.carrierrules.shadedcheck;

import java.time.Instant;

import org.carrierrules.CarrierType;
import org.carrierrules.application.Applicant;
import org.carrierrules.application.ApplicantType;
import org.carrierrules.application.Application;
import org.carrierrules.application.CreditCode;
import org.carrierrules.application.Material;
import org.carrierrules.application.PaperCopy;

/**
 * The one application the shaded jar assesses, built as a host builds it (README, "building records"). One scan
 * unsealed and the rest missing, so that the answer comes from rules compiled at start-up (四(二) scans.dslr), the
 * step that fails when the service files are not merged.
 */
final class CheckApplication {
    private static final String CREDIT_CODE_STEM = "52440303MJL177700";

    private CheckApplication() {
    }

    static Application build() {
        String creditCode = CREDIT_CODE_STEM + CreditCode.checkCharacter(CREDIT_CODE_STEM);
        Applicant applicant = Applicant.of("深圳市罗湖区示例职业培训学校", creditCode, ApplicantType.TRAINING_INSTITUTION, "罗湖区");
        return Application.builder("LH2024-001", CarrierType.HIGH_SKILL_TRAINING_BASE, applicant,
                        Instant.parse("2024-08-20T02:15:00Z"))
                .material(Material.scan("APPLICATION_FORM", "申报表.pdf").unsealed())
                .paperCopy(PaperCopy.bound(2))
                .electronicCopyNamedAfterApplicant()
                .build();
    }
}

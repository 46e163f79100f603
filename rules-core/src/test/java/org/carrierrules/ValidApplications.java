package org.carrierrules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.carrierrules.application.Applicant;
import org.carrierrules.application.ApplicantType;
import org.carrierrules.application.Application;
import org.carrierrules.application.ElectronicCopy;
import org.carrierrules.application.ElectronicFile;
import org.carrierrules.application.FileFormat;
import org.carrierrules.application.Material;
import org.carrierrules.application.PaperCopy;

/**
 * Fully valid applications for the bundled round, from which the tests change one thing at a time.
 * Written out by hand from the notice and the round's (illustrative) material list, not derived
 * from the library's own data.
 */
final class ValidApplications {
    static final String APPLICANT = "深圳市罗湖区示例职业培训学校";
    static final String CREDIT_CODE = "52440303MJL177700D";
    static final Instant IN_WINDOW = Instant.parse("2024-08-20T02:15:00Z");

    private ValidApplications() {
    }

    static List<String[]> requiredMaterials(CarrierType type) {
        List<String[]> materials = new ArrayList<>(List.of(
                new String[] {"APPLICATION_FORM", "申报表"},
                new String[] {"LEGAL_REGISTRATION", "法人登记证书"},
                new String[] {"CREDIT_COMMITMENT", "信用承诺书"},
                new String[] {"TRAINING_RECORD", "培训开展情况"}));
        switch (type) {
            case HIGH_SKILL_TRAINING_BASE -> {
                materials.add(new String[] {"FACILITIES", "场地设施设备情况"});
                materials.add(new String[] {"FACULTY", "师资队伍情况"});
            }
            case SKILL_MASTER_STUDIO -> {
                materials.add(new String[] {"MASTER_CREDENTIALS", "技能大师资格证明"});
                materials.add(new String[] {"STUDIO_PLAN", "工作室建设方案"});
            }
            case RURAL_REVITALIZATION_STATION -> materials.add(new String[] {"RURAL_TRAINING_PLAN", "涉农培训帮扶方案"});
        }
        return materials;
    }

    static Material material(String code, String name) {
        return new Material(code, name + ".pdf", FileFormat.PDF, true, true, true, false);
    }

    static List<Material> materials(CarrierType type) {
        return requiredMaterials(type).stream().map(m -> material(m[0], m[1])).toList();
    }

    static Applicant applicant(ApplicantType type) {
        return new Applicant(APPLICANT, CREDIT_CODE, type, true, true, "罗湖区");
    }

    static PaperCopy paperCopy() {
        return new PaperCopy(2, "A4", true, true, true);
    }

    static ElectronicCopy electronicCopy(String applicantName) {
        return new ElectronicCopy(List.of(
                new ElectronicFile(applicantName + ".pdf", FileFormat.PDF),
                new ElectronicFile(applicantName + ".docx", FileFormat.WORD)), true);
    }

    static Application of(CarrierType type, ApplicantType applicantType) {
        return new Application("LH2024-T01", type, IN_WINDOW, applicant(applicantType), materials(type),
                paperCopy(), electronicCopy(APPLICANT));
    }

    static Application base() {
        return of(CarrierType.HIGH_SKILL_TRAINING_BASE, ApplicantType.TRAINING_INSTITUTION);
    }
}

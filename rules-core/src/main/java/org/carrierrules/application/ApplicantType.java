package org.carrierrules.application;

/**
 * What kind of body applies (notice, 二). Which of these are eligible is round data, not a property
 * of the type: a round may open to fewer or more kinds of applicant.
 */
public enum ApplicantType {
    ENTERPRISE("企业"),
    INDUSTRY_ASSOCIATION("行业协会"),
    TRAINING_INSTITUTION("职业培训机构"),
    HIGHER_EDUCATION("高等学校"),
    VOCATIONAL_COLLEGE("职业院校"),
    TECHNICAL_SCHOOL("技工院校"),
    PUBLIC_INSTITUTION("其他事业单位"),
    INDIVIDUAL_BUSINESS("个体工商户"),
    PRIVATE_NON_ENTERPRISE("民办非企业单位"),
    GOVERNMENT_AGENCY("机关"),
    OTHER("其他");

    private final String label;

    ApplicantType(String label) {
        this.label = label;
    }

    /** The Chinese name used in notices and reports. */
    public String label() {
        return label;
    }
}

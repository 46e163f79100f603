package org.carrierrules.documents;

/**
 * The documents a district office sends and prints, each written from the template of the same name in the policy's
 * {@code templates/} folder ({@code templates/supplement-notice.mustache}), else from the library's default.
 */
public enum DocumentKind {
    /** 四(三): 申报材料不齐全或者不符合法定形式的，应当通知补正材料. */
    SUPPLEMENT_NOTICE("supplement-notice", "补正材料通知"),
    /** 二、四(一): the applicant is not one the round accepts, or applied outside the window. */
    REJECTION_NOTICE("rejection-notice", "不予受理告知"),
    /** 四(三): 申报材料齐全的，区人力资源部门应当受理. */
    ACCEPTANCE_NOTICE("acceptance-notice", "受理通知"),
    /** 五: 发现不能履行职责的，将通知改正. */
    RECTIFICATION_NOTICE("rectification-notice", "通知改正"),
    /** 五: the district's proposal to the city bureau, which alone revokes (由市人力资源保障部门取消). */
    REVOCATION_PROPOSAL("revocation-proposal", "取消认定建议"),
    /** 四(五): 候选名单向社会公示5个工作日. */
    PUBLIC_NOTICE("public-notice", "公示公告"),
    /** The round's outcome for the office: what was published, what happened after, the timeline. */
    ROUND_REPORT("round-report", "评审结果与候选名单报告");

    private final String templateName;
    private final String label;

    DocumentKind(String templateName, String label) {
        this.templateName = templateName;
        this.label = label;
    }

    /** The template's name: {@code templates/<name>.mustache}. */
    public String templateName() {
        return templateName;
    }

    public String label() {
        return label;
    }
}

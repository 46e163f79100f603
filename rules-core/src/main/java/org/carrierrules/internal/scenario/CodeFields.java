package org.carrierrules.internal.scenario;

import java.util.Map;

/**
 * The input field each of the contract's finding and ground codes is about ({@code shared/spec/contract.md}), for
 * a scenario's failure to name what differs when a finding names no material: {@code PAPER_COPIES_INSUFFICIENT}
 * is about {@code paperCopy.copies}. A code a policy declares in {@code codes.yaml} is about no fixed field. Each
 * field is a path of the input's shape ({@link InputShapes}), which {@code CodeFieldsTest} holds them to, with every
 * code of the contract.
 */
final class CodeFields {
    private static final Map<String, String> FIELDS = Map.ofEntries(
            // 二 申报对象
            Map.entry("APPLICANT_TYPE_NOT_ELIGIBLE", "applicant.type"),
            Map.entry("NO_TRAINING_FUNCTION", "applicant.hasTrainingFunction"),
            Map.entry("NOT_LEGALLY_ESTABLISHED", "applicant.legallyEstablished"),
            Map.entry("NOT_REGISTERED_IN_DISTRICT", "applicant.registeredDistrict"),
            // 一、三 载体类型, 四(一) 申报时间
            Map.entry("CARRIER_TYPE_NOT_OPEN", "carrierType"),
            Map.entry("SUBMITTED_OUTSIDE_WINDOW", "submittedAt"),
            // 四(二) 扫描件: a finding names its material; one expected and not found names none
            Map.entry("MATERIAL_MISSING", "materials"),
            Map.entry("MATERIAL_NOT_PDF", "materials"),
            Map.entry("MATERIAL_NOT_SEALED", "materials"),
            Map.entry("MATERIAL_ILLEGIBLE", "materials"),
            Map.entry("MATERIAL_PAGES_MISSING", "materials"),
            Map.entry("MATERIAL_SKEWED", "materials"),
            Map.entry("MATERIAL_MISNAMED", "materials"),
            Map.entry("MATERIAL_NOT_REQUIRED", "materials"),
            // 四(二) 纸质材料
            Map.entry("PAPER_COPY_MISSING", "paperCopy"),
            Map.entry("PAPER_COPIES_INSUFFICIENT", "paperCopy.copies"),
            Map.entry("PAPER_NOT_A4", "paperCopy.paperSize"),
            Map.entry("PAPER_NOT_BOUND", "paperCopy.bound"),
            Map.entry("PAPER_NO_TABLE_OF_CONTENTS", "paperCopy.tableOfContents"),
            Map.entry("PAPER_NO_PAGE_NUMBERS", "paperCopy.pageNumbers"),
            // 四(二) 电子版
            Map.entry("ELECTRONIC_COPY_MISSING", "electronicCopy"),
            Map.entry("ELECTRONIC_NO_WORD", "electronicCopy.files"),
            Map.entry("ELECTRONIC_NO_PDF", "electronicCopy.files"),
            Map.entry("ELECTRONIC_PDF_NOT_SINGLE_FILE", "electronicCopy.files"),
            Map.entry("ELECTRONIC_MISNAMED", "electronicCopy.files"),
            Map.entry("ELECTRONIC_ORDER_MISMATCH", "electronicCopy.orderMatchesPaper"),
            // 五 跟踪管理
            Map.entry("OBTAINED_BY_FRAUD", "events"),
            Map.entry("LOST_CONTACT", "events"),
            Map.entry("RELOCATED_OUT", "events"),
            Map.entry("TRAINING_DISCONTINUED", "events"),
            Map.entry("DUTIES_NOT_FULFILLED", "events"),
            Map.entry("NO_TRAINING_THREE_YEARS", "trainingActivity"));

    private CodeFields() {
    }

    /** The input field {@code code} is about, or null for a code the contract does not fix. */
    static String field(String code) {
        return FIELDS.get(code);
    }

    /** {@code 字段 paperCopy.copies}, or null for a code the contract does not fix. */
    static String about(String code) {
        String field = field(code);
        return field == null ? null : "字段 " + field;
    }
}

package org.carrierrules.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import org.carrierrules.CarrierRules;
import org.carrierrules.CarrierType;
import org.carrierrules.application.Applicant;
import org.carrierrules.application.ApplicantType;
import org.carrierrules.application.Application;
import org.carrierrules.application.ElectronicCopy;
import org.carrierrules.application.ElectronicFile;
import org.carrierrules.application.FileFormat;
import org.carrierrules.application.Material;
import org.carrierrules.application.PaperCopy;
import org.carrierrules.assessment.Assessment;

/**
 * The array printed entry by entry as the caller decides ({@link AssessmentJson.Printer}, which {@code assess} uses
 * a block at a time) is exactly the bytes of the whole array printed at once, in input order, across many records
 * and with invalid records among the valid; and an assessment given for the wrong record is refused.
 */
class AssessmentJsonPrintTest {
    private static final String NAME = "深圳市罗湖区示例职业培训学校";

    @Test
    void printingEntryByEntryWritesTheSameBytesAsTheWholeArray() throws Exception {
        ArrayNode batch = ContractMapper.MAPPER.createArrayNode();
        for (int i = 0; i < 9_000; i++) {
            ObjectNode application = (ObjectNode) ContractMapper.MAPPER.readTree(ApplicationJson.write(application(i)));
            if (i % 7 == 3) {
                ((ObjectNode) application.get("applicant")).put("creditCode", "not a credit code");
            }
            batch.add(application);
        }
        List<InputRecord> records = ApplicationJson.readAll(
                new ByteArrayInputStream(batch.toString().getBytes(StandardCharsets.UTF_8)), "batch.json");
        assertTrue(records.stream().anyMatch(r -> r instanceof InputRecord.Invalid));
        CarrierRules rules = CarrierRules.bundled();
        List<Assessment> assessments = rules.assessAll(records.stream()
                .filter(r -> r instanceof InputRecord.Valid).map(r -> ((InputRecord.Valid) r).application()).toList());

        StringWriter whole = new StringWriter();
        AssessmentJson.print(records, assessments, whole);
        StringWriter streamed = new StringWriter();
        Iterator<Assessment> decided = assessments.iterator();
        try (AssessmentJson.Printer printer = AssessmentJson.printer(streamed)) {
            for (InputRecord record : records) {
                printer.print(record, record instanceof InputRecord.Valid ? decided.next() : null);
            }
        }

        assertEquals(whole.toString(), streamed.toString());
        assertTrue(whole.toString().endsWith("} ]\n"), () -> whole.toString().substring(whole.toString().length() - 20));
    }

    @Test
    void anAssessmentOfAnotherRecordIsRefused() {
        CarrierRules rules = CarrierRules.bundled();
        InputRecord first = new InputRecord.Valid(1, 1, application(1));
        Assessment ofAnother = rules.assess(application(2));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AssessmentJson.print(first, ofAnother, new StringWriter()));
        assertTrue(e.getMessage().contains("LH2024-1") && e.getMessage().contains("LH2024-2"), e.getMessage());
    }

    /** Valid, or with a missing paper copy or an unsealed scan, by turns, so that the entries differ. */
    private static Application application(int i) {
        List<Material> materials = List.of(
                new Material("APPLICATION_FORM", "申报表.pdf", FileFormat.PDF, i % 5 != 1, true, true, false),
                new Material("LEGAL_REGISTRATION", "法人登记证书.pdf", FileFormat.PDF, true, true, true, false),
                new Material("CREDIT_COMMITMENT", "信用承诺书.pdf", FileFormat.PDF, true, true, true, false),
                new Material("TRAINING_RECORD", "培训开展情况.pdf", FileFormat.PDF, true, true, true, false),
                new Material("RURAL_TRAINING_PLAN", "涉农培训帮扶方案.pdf", FileFormat.PDF, true, true, true, false));
        return new Application("LH2024-" + i, CarrierType.RURAL_REVITALIZATION_STATION, Instant.parse("2024-08-20T02:15:00Z"),
                new Applicant(NAME, "52440303MJL177700D", ApplicantType.TRAINING_INSTITUTION, true, true, "罗湖区"), materials,
                i % 3 == 2 ? null : new PaperCopy(2, "A4", true, true, true),
                new ElectronicCopy(List.of(new ElectronicFile(NAME + ".pdf", FileFormat.PDF),
                        new ElectronicFile(NAME + ".docx", FileFormat.WORD)), true));
    }
}

package org.carrierrules.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.carrierrules.Application;
import org.carrierrules.Carrier;
import org.carrierrules.CarrierEvent;
import org.carrierrules.CarrierRules;
import org.carrierrules.CarrierType;
import org.carrierrules.EventType;
import org.carrierrules.InvalidInputException;
import org.carrierrules.LibraryVersion;
import org.carrierrules.PolicyCopies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decision records: written with input, hash, fingerprint, version and trace; verified against a policy. */
class DecisionRecordsTest {
    private static final CarrierRules BUNDLED = CarrierRules.bundled();
    private static final Path SAMPLE_ROUND = Path.of("../samples/data/luohu-2024");

    private static Application application() throws Exception {
        ObjectNode node = (ObjectNode) ApplicationJson.MAPPER.readTree(
                ApplicationJsonTest.VALID.replace("\"sealed\": true", "\"sealed\": false"));
        return ApplicationJson.read(node);
    }

    private static CarrierRules withRenamedApplicationForm(Path temp) {
        Path policy = PolicyCopies.copy(temp);
        PolicyCopies.edit(policy, "materials.yaml", "  APPLICATION_FORM: 申报表", "  APPLICATION_FORM: 认定申报表");
        return CarrierRules.fromDirectory(policy);
    }

    @Test
    void aRecordHoldsInputHashPolicyVersionDecisionAndTrace() throws Exception {
        Application application = application();
        ObjectNode record = DecisionRecords.of(BUNDLED, application, BUNDLED.assess(application));

        assertEquals("assessment", record.path("kind").asText());
        assertEquals(LibraryVersion.get(), record.path("libraryVersion").asText());
        assertEquals(BUNDLED.policy().fingerprint(), record.path("policy").path("fingerprint").asText());
        assertTrue(record.path("inputHash").asText().matches("sha256:[0-9a-f]{64}"));
        assertEquals(application, ApplicationJson.read(record.path("input")));
        assertEquals("SUPPLEMENT_REQUIRED", record.path("decision").path("acceptance").asText());
        JsonNode step = record.path("trace").get(0);
        assertEquals("材料扫描前未加盖公章", step.path("rule").asText());
        assertEquals("四(二)", step.path("clause").asText());
        assertEquals("rules/materials/scans.dslr", step.path("file").asText());
    }

    @Test
    void aDecisionStandsUnderItsOwnPolicyAndSaysWhatChangesUnderAnother(@TempDir Path temp) throws Exception {
        Application application = application();
        ObjectNode record = DecisionRecords.of(BUNDLED, application, BUNDLED.assess(application));

        DecisionRecords.Verification same = DecisionRecords.verify(BUNDLED, record);
        assertTrue(same.stands());
        assertEquals(List.of(), same.changes());

        DecisionRecords.Verification edited = DecisionRecords.verify(withRenamedApplicationForm(temp), record);
        assertFalse(edited.stands());
        assertEquals(BUNDLED.policy(), edited.recorded());
        // The contract example is a rural station: only the application form, now named 认定申报表, is affected.
        assertEquals(List.of("新增：MATERIAL_MISNAMED（认定申报表文件“申报表.pdf”未按材料名称命名，文件名应包含“认定申报表”）",
                "不再有：MATERIAL_NOT_SEALED（申报表扫描件未加盖公章）",
                "新增：MATERIAL_NOT_SEALED（认定申报表扫描件未加盖公章）").stream().sorted().toList(),
                edited.changes().stream().sorted().toList());
    }

    @Test
    void anAlteredRecordIsRefused() throws Exception {
        Application application = application();
        ObjectNode record = DecisionRecords.of(BUNDLED, application, BUNDLED.assess(application));
        ((ObjectNode) record.path("input").path("applicant")).put("registeredDistrict", "福田区");

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> DecisionRecords.verify(BUNDLED, record));
        assertEquals("inputHash", e.field());
    }

    @Test
    void aReviewRecordStands() {
        Carrier carrier = new Carrier("SZ-2020-001", "深圳市罗湖区示例技能大师工作室", CarrierType.SKILL_MASTER_STUDIO,
                LocalDate.of(2020, 6, 1), List.of(new CarrierEvent(EventType.LOST_CONTACT, LocalDate.of(2024, 3, 1))),
                Map.of(2021, 30));
        ObjectNode record = DecisionRecords.of(BUNDLED, carrier, BUNDLED.review(carrier, LocalDate.of(2024, 12, 31)));

        assertEquals("REVOKE", record.path("decision").path("outcome").asText());
        assertEquals("载体失联", record.path("trace").get(0).path("rule").asText());
        assertTrue(DecisionRecords.verify(BUNDLED, record).stands());
    }

    @Test
    void aRoundRecordStandsAndAnotherQuotaShowsWhoseStatusChanged(@TempDir Path temp) {
        JsonNode input = roundInput();
        AllocationInput.Valid valid = (AllocationInput.Valid) AllocationJson.read(input);
        ObjectNode record = DecisionRecords.of(BUNDLED, input, BUNDLED.allocate(valid.submission()));
        assertTrue(DecisionRecords.verify(BUNDLED, record).stands());

        Path policy = PolicyCopies.copy(temp);
        PolicyCopies.edit(policy, "round.yaml", "totalQuota: 6", "totalQuota: 7");
        PolicyCopies.edit(policy, "round.yaml", "HIGH_SKILL_TRAINING_BASE: 3", "HIGH_SKILL_TRAINING_BASE: 4");
        DecisionRecords.Verification what = DecisionRecords.verify(CarrierRules.fromDirectory(policy), record);

        // The sample round's fourth high-skill base (LH2024-020, tied at 80.00 and later than LH2024-002) gets the new place.
        assertFalse(what.stands());
        assertEquals(1, what.changes().stream().filter(c -> c.startsWith("LH2024-020：NOT_SELECTED → CANDIDATE")).count(), what::toString);
        assertTrue(what.changes().stream().allMatch(c -> c.startsWith("LH2024-020") || c.startsWith("名额空缺")), what::toString);
    }

    private static JsonNode roundInput() {
        ObjectNode round = ApplicationJson.MAPPER.createObjectNode().put("round", "luohu-2024");
        round.set("applications", AllocationJson.readTree(SAMPLE_ROUND.resolve("applications.json")));
        round.set("reviews", AllocationJson.readTree(SAMPLE_ROUND.resolve("reviews.json")));
        round.set("objections", AllocationJson.readTree(SAMPLE_ROUND.resolve("objections.json")));
        return round;
    }
}

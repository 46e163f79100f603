package org.carrierrules.json;

import static org.carrierrules.json.RecordFixtures.BUNDLED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.carrierrules.CarrierRules;
import org.carrierrules.LibraryVersion;
import org.carrierrules.PolicyCopies;
import org.carrierrules.application.Application;
import org.carrierrules.json.DecisionRecords.Difference;
import org.carrierrules.json.DecisionRecords.Difference.Change;

/**
 * Decision records: written with input, hash, fingerprint, version and trace; verified against a policy
 * field by field, every kind of difference named by record id and path.
 */
class DecisionRecordsTest {
    private static CarrierRules withRenamedApplicationForm(Path temp) {
        Path policy = PolicyCopies.copy(temp);
        PolicyCopies.edit(policy, "materials.yaml", "  APPLICATION_FORM: 申报表", "  APPLICATION_FORM: 认定申报表");
        return CarrierRules.fromDirectoryUntested(policy);
    }

    private static List<Difference> differences(JsonNode record) {
        return RecordFixtures.verify(BUNDLED, record).differences();
    }

    private static ObjectNode at(JsonNode record, String pointer) {
        return (ObjectNode) record.at(pointer);
    }

    @Test
    void aRecordHoldsInputHashPolicyVersionDecisionAndTrace() {
        Application application = RecordFixtures.application();
        ObjectNode record = RecordFixtures.assessment();

        assertEquals("carrier-rules/decision-record/2", record.path("format").asText());
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
    void theInputHashIsOverTheCanonicalFormSoKeyOrderDoesNotMatter() {
        ObjectNode record = RecordFixtures.assessment();
        ObjectNode reordered = record.deepCopy();
        ObjectNode input = ContractMapper.MAPPER.createObjectNode();
        List<String> names = new java.util.ArrayList<>();
        record.path("input").fieldNames().forEachRemaining(names::add);
        for (int i = names.size() - 1; i >= 0; i--) {
            input.set(names.get(i), record.path("input").get(names.get(i)));
        }
        reordered.set("input", input);
        assertTrue(RecordFixtures.verify(BUNDLED, reordered).stands());
    }

    @Test
    void aDecisionStandsUnderItsOwnPolicyAndSaysWhatChangesUnderAnother(@TempDir Path temp) {
        ObjectNode record = RecordFixtures.assessment();

        DecisionRecords.Verification same = RecordFixtures.verify(BUNDLED, record);
        assertTrue(same.stands());
        assertEquals(List.of(), same.differences());

        DecisionRecords.Verification edited = RecordFixtures.verify(withRenamedApplicationForm(temp), record);
        assertFalse(edited.stands());
        assertEquals(BUNDLED.policy(), edited.recorded());
        assertFalse(edited.current().equals(edited.recorded()));
        // The contract example is a rural station: only the application form, now named 认定申报表, is affected.
        // Its unsealed finding stays (same code, same material) with a new message; a misnamed finding comes in,
        // and with it the rule that found it.
        // Findings of one material come in rule order (scans.dslr): the unsealed one first, then the misnamed one.
        assertEquals(List.of(
                "LH2024-001：decision.findings[0].message（说明）由 “申报表扫描件未加盖公章” 变为 “认定申报表扫描件未加盖公章”",
                "LH2024-001：decision.findings[1]（审查发现）新增 MATERIAL_MISNAMED APPLICATION_FORM"
                        + "（认定申报表文件“申报表.pdf”未按材料名称命名，文件名应包含“认定申报表”）",
                "LH2024-001：trace[1]（规则轨迹）新增 规则“材料文件未按材料名称命名”"),
                edited.changes());
    }

    @Test
    void aChangedMessageClauseRuleOrSeverityOfAFindingIsADifferenceAtItsPath() {
        ObjectNode record = RecordFixtures.assessment();
        ObjectNode finding = at(record, "/decision/findings/0");
        finding.put("message", finding.path("message").asText() + "。");
        finding.put("clause", "四(三)");
        finding.put("rule", "另一条规则");
        finding.put("severity", "NOTE");

        List<Difference> differences = differences(record);

        assertEquals(List.of("decision.findings[0].severity", "decision.findings[0].clause", "decision.findings[0].rule",
                "decision.findings[0].message"), differences.stream().map(Difference::field).toList());
        assertTrue(differences.stream().allMatch(d -> d.change() == Change.CHANGED && d.recordId().equals("LH2024-001")));
        assertEquals("“四(三)”", differences.get(1).was());
        assertEquals("“四(二)”", differences.get(1).now());
        assertEquals("LH2024-001：decision.findings[0].clause（条款）由 “四(三)” 变为 “四(二)”", differences.get(1).message());
    }

    @Test
    void aFindingTheRecordHasAndTheDecisionNotIsRemovedAndOneItLacksIsAdded() {
        ObjectNode record = RecordFixtures.assessment();
        ArrayNode findings = (ArrayNode) record.at("/decision/findings");
        ObjectNode invented = ((ObjectNode) findings.get(0).deepCopy()).put("code", "MATERIAL_SKEWED").put("message", "申报表扫描件歪斜");
        findings.add(invented);
        assertEquals(List.of(new Difference("LH2024-001", "decision.findings[" + (findings.size() - 1) + "]", Change.REMOVED,
                "MATERIAL_SKEWED APPLICATION_FORM（申报表扫描件歪斜）", null)), differences(record));

        ObjectNode lacking = RecordFixtures.assessment();
        ((ArrayNode) lacking.at("/decision/findings")).remove(0);
        List<Difference> added = differences(lacking);
        assertEquals(Change.ADDED, added.get(0).change());
        assertEquals("decision.findings[0]", added.get(0).field());
        assertTrue(added.get(0).now().startsWith("MATERIAL_NOT_SEALED APPLICATION_FORM（"), added.get(0).now());
    }

    @Test
    void findingsInAnotherOrderAreADifference() {
        Application twoFindings = ApplicationJson.read(RecordFixtures.parse(ApplicationJsonTest.VALID
                .replace("\"sealed\": true", "\"sealed\": false").replace("\"skewed\": false", "\"skewed\": true")));
        ObjectNode record = DecisionRecords.of(twoFindings, BUNDLED.assess(twoFindings), BUNDLED.rules());
        ArrayNode findings = (ArrayNode) record.at("/decision/findings");
        assertTrue(findings.size() >= 2, findings::toString);
        JsonNode first = findings.remove(0);
        findings.add(first);

        List<Difference> differences = differences(record);

        assertEquals(1, differences.size(), differences::toString);
        assertEquals(Change.REORDERED, differences.get(0).change());
        assertEquals("decision.findings", differences.get(0).field());
    }

    @Test
    void theConclusionAndEveryOtherFieldOfTheDecisionAreCompared() {
        ObjectNode record = RecordFixtures.assessment();
        at(record, "/decision").put("acceptance", "ACCEPTED").put("eligible", false).put("carrierType", "SKILL_MASTER_STUDIO");

        assertEquals(List.of("decision.carrierType", "decision.eligible", "decision.acceptance"),
                differences(record).stream().map(Difference::field).toList());
    }

    @Test
    void aFieldTheDecisionDoesNotHaveIsADifferenceAndTheRecordedPolicyMustMatchItsDecision() {
        ObjectNode record = RecordFixtures.assessment();
        at(record, "/decision/findings/0").put("note", "后来添加");
        at(record, "/decision/policy").put("fingerprint", "sha256:0000");

        List<Difference> differences = differences(record);

        assertEquals(List.of(new Difference("LH2024-001", "decision.findings[0].note", Change.REMOVED, "“后来添加”", null),
                new Difference("LH2024-001", "decision.policy.fingerprint", Change.CHANGED, "“sha256:0000”",
                        "“" + BUNDLED.policy().fingerprint() + "”")), differences);
    }

    @Test
    void aReviewRecordStandsAndAChangedGroundOrOutcomeIsADifference() {
        ObjectNode record = RecordFixtures.review();
        assertEquals("REVOKE", record.path("decision").path("outcome").asText());
        assertEquals("载体失联", record.path("trace").get(0).path("rule").asText());
        assertTrue(RecordFixtures.verify(BUNDLED, record).stands());

        at(record, "/decision").put("outcome", "KEEP");
        at(record, "/decision/grounds/0").put("message", "另一说明");
        at(record, "/trace/0").put("clause", "四");

        List<Difference> differences = differences(record);
        assertEquals(List.of("decision.outcome", "decision.grounds[0].message", "trace[0].clause"),
                differences.stream().map(Difference::field).toList());
        assertTrue(differences.stream().allMatch(d -> d.recordId().equals("SZ-2020-001")));
    }

    @Test
    void aRoundRecordStandsAndAnotherQuotaShowsWhoseStatusChanged(@TempDir Path temp) {
        ObjectNode record = RecordFixtures.round();
        assertTrue(RecordFixtures.verify(BUNDLED, record).stands());

        Path policy = PolicyCopies.copy(temp);
        PolicyCopies.edit(policy, "round.yaml", "totalQuota: 6", "totalQuota: 7");
        PolicyCopies.edit(policy, "round.yaml", "HIGH_SKILL_TRAINING_BASE: 3", "HIGH_SKILL_TRAINING_BASE: 4");
        DecisionRecords.Verification what = RecordFixtures.verify(CarrierRules.fromDirectoryUntested(policy), record);

        // The sample round's fourth high-skill base (LH2024-020, tied at 80.00 and later than LH2024-002) gets the new place.
        assertFalse(what.stands());
        List<Difference> status = what.differences().stream().filter(d -> d.field().endsWith(".status")).toList();
        assertEquals(1, status.size(), what::toString);
        assertEquals("LH2024-020", status.get(0).recordId());
        assertEquals("“NOT_SELECTED”", status.get(0).was());
        assertEquals("“CANDIDATE”", status.get(0).now());
        Set<String> placeChanged = what.differences().stream()
                .filter(d -> d.field().matches(".*\\.(status|rank|score)")).map(Difference::recordId).collect(Collectors.toSet());
        assertEquals(Set.of("LH2024-020"), placeChanged, what::toString);
        // The whole decision is compared: the candidates' reasons quote the quota, so their wording changes too.
        assertTrue(what.changes().contains("LH2024-001：decision.entries[0].reasons[0].message（说明）由 "
                + "“在高技能人才培训基地中排名第1，在本类名额3家之内，列入候选名单” 变为 “在高技能人才培训基地中排名第1，在本类名额4家之内，列入候选名单”"),
                what::toString);
        List<String> reasons020 = what.differences().stream()
                .filter(d -> d.recordId().equals("LH2024-020") && d.field().contains(".reasons"))
                .map(d -> d.change() + " " + (d.change() == Change.ADDED ? d.now() : d.was()).split("（")[0]).toList();
        assertTrue(reasons020.contains("REMOVED QUOTA_FILLED") && reasons020.contains("ADDED WITHIN_QUOTA"), reasons020::toString);
    }

    @Test
    void anEntrysRankScoreReasonsAndTheirOrderTheNoticePeriodAndVacanciesAreCompared() {
        ObjectNode record = RecordFixtures.round();
        ArrayNode entries = (ArrayNode) record.at("/decision/entries");
        int ranked = -1;
        int twoReasons = -1;
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).path("rank").isInt() && ranked < 0) {
                ranked = i;
            }
            JsonNode reasons = entries.get(i).path("reasons");
            boolean distinct = reasons.size() >= 2 && !reasons.get(0).path("code").equals(reasons.get(1).path("code"));
            if (distinct && twoReasons < 0 && i != ranked) {
                twoReasons = i;
            }
        }
        assertTrue(ranked >= 0 && twoReasons >= 0, "the sample round has a ranked entry and one with two reasons");
        ObjectNode entry = (ObjectNode) entries.get(ranked);
        String id = entry.path("applicationId").asText();
        entry.put("rank", entry.path("rank").intValue() + 1);
        entry.set("score", DecimalNode.valueOf(entry.path("score").decimalValue().add(new java.math.BigDecimal("0.01"))));
        ArrayNode reasons = (ArrayNode) entries.get(twoReasons).path("reasons");
        reasons.add(reasons.remove(0));
        at(record, "/decision/noticePeriod").put("end", "2099-01-01");
        ((ArrayNode) record.at("/decision/noticePeriod/workingDays")).set(0, "2099-01-01");
        ObjectNode vacancies = at(record, "/decision/vacancies");
        String type = vacancies.fieldNames().next();
        vacancies.put(type, vacancies.path(type).intValue() + 1);

        List<Difference> differences = differences(record);

        String reordered = entries.get(twoReasons).path("applicationId").asText();
        List<String> rankedLines = List.of(id + " decision.entries[" + ranked + "].score", id + " decision.entries[" + ranked + "].rank");
        List<String> reorderedLines = List.of(reordered + " decision.entries[" + twoReasons + "].reasons");
        List<String> expected = new java.util.ArrayList<>(List.of("luohu-2024 decision.noticePeriod.end",
                "luohu-2024 decision.noticePeriod.workingDays[0]", "luohu-2024 decision.vacancies." + type));
        // Differences come in the record's order: the entries by their place in the list.
        expected.addAll(ranked < twoReasons ? rankedLines : reorderedLines);
        expected.addAll(ranked < twoReasons ? reorderedLines : rankedLines);
        assertEquals(expected, differences.stream().map(d -> d.recordId() + " " + d.field()).toList());
        Difference reasonOrder = differences.stream().filter(d -> d.field().endsWith(".reasons")).findFirst().orElseThrow();
        assertEquals(Change.REORDERED, reasonOrder.change());
        Difference score = differences.stream().filter(d -> d.field().endsWith(".score")).findFirst().orElseThrow();
        assertTrue(score.message().contains("（得分）由 "), score.message());
    }

    @Test
    void entriesInAnotherOrderAreADifferenceAndAScoreWrittenWithOtherDecimalsIsNot() {
        ObjectNode record = RecordFixtures.round();
        ArrayNode entries = (ArrayNode) record.at("/decision/entries");
        for (JsonNode entry : entries) {
            if (entry.path("score").isNumber()) {
                // 80.00 written as 80.000: the same score.
                java.math.BigDecimal written = entry.path("score").decimalValue();
                ((ObjectNode) entry).set("score", DecimalNode.valueOf(written.setScale(written.scale() + 1)));
            }
        }
        assertTrue(RecordFixtures.verify(BUNDLED, record).stands());

        entries.add(entries.remove(0));
        List<Difference> differences = differences(record);
        assertEquals(1, differences.size(), differences::toString);
        assertEquals("decision.entries", differences.get(0).field());
        assertEquals(Change.REORDERED, differences.get(0).change());
    }

    @Test
    void aFormat1RecordWithItsOwnHashIsStillVerified() {
        ObjectNode record = RecordFixtures.assessment();
        record.put("format", "carrier-rules/decision-record/1");
        record.put("inputHash", DecisionRecords.legacyHash(record.path("input")));
        assertTrue(RecordFixtures.verify(BUNDLED, record).stands());
    }

    // --- records that cannot be verified: each a DecisionRecordException naming the field ---

    private static DecisionRecordException refused(JsonNode record) {
        return assertThrows(DecisionRecordException.class, () -> RecordFixtures.verify(BUNDLED, record));
    }

    private static void assertRefused(DecisionRecordException.Reason reason, String field, JsonNode record) {
        DecisionRecordException e = refused(record);
        assertEquals(reason, e.reason(), e::getMessage);
        assertEquals(field, e.field(), e::getMessage);
        assertFalse(e.problem().isBlank());
    }

    @Test
    void anAlteredInputIsRefused() {
        ObjectNode record = RecordFixtures.assessment();
        at(record, "/input/applicant").put("registeredDistrict", "福田区");
        assertRefused(DecisionRecordException.Reason.INPUT_ALTERED, "inputHash", record);
    }

    @Test
    void somethingThatIsNotARecordIsRefused() {
        assertRefused(DecisionRecordException.Reason.NOT_A_RECORD, "$", RecordFixtures.parse("[1, 2]"));
        assertRefused(DecisionRecordException.Reason.NOT_A_RECORD, "$", null);
        assertRefused(DecisionRecordException.Reason.NOT_A_RECORD, "format", RecordFixtures.assessment().put("format", "other/1"));
        assertRefused(DecisionRecordException.Reason.NOT_A_RECORD, "format", RecordFixtures.assessment().without("format"));
        assertRefused(DecisionRecordException.Reason.NOT_A_RECORD, "kind", RecordFixtures.assessment().put("kind", "verdict"));
    }

    @Test
    void aMissingFieldIsRefusedWithItsPath() {
        ObjectNode noClause = RecordFixtures.assessment();
        at(noClause, "/decision/findings/0").remove("clause");
        assertRefused(DecisionRecordException.Reason.MALFORMED, "decision.findings[0].clause", noClause);
        assertRefused(DecisionRecordException.Reason.MALFORMED, "trace", RecordFixtures.assessment().without("trace"));
        ObjectNode noReasons = RecordFixtures.round();
        at(noReasons, "/decision/entries/3").remove("reasons");
        assertRefused(DecisionRecordException.Reason.MALFORMED, "decision.entries[3].reasons", noReasons);
        ObjectNode noNotice = RecordFixtures.round();
        at(noNotice, "/decision/noticePeriod").remove("end");
        assertRefused(DecisionRecordException.Reason.MALFORMED, "decision.noticePeriod.end", noNotice);
    }

    @Test
    void aFieldOfTheWrongTypeIsRefusedWithItsPath() {
        ObjectNode eligible = RecordFixtures.assessment();
        at(eligible, "/decision").put("eligible", "yes");
        assertRefused(DecisionRecordException.Reason.MALFORMED, "decision.eligible", eligible);
        ObjectNode rank = RecordFixtures.round();
        at(rank, "/decision/entries/0").put("rank", "1");
        assertRefused(DecisionRecordException.Reason.MALFORMED, "decision.entries[0].rank", rank);
        ObjectNode score = RecordFixtures.round();
        at(score, "/decision/entries/0").put("score", true);
        assertRefused(DecisionRecordException.Reason.MALFORMED, "decision.entries[0].score", score);
        ObjectNode findings = RecordFixtures.assessment();
        at(findings, "/decision").put("findings", "MATERIAL_NOT_SEALED");
        assertRefused(DecisionRecordException.Reason.MALFORMED, "decision.findings", findings);
        ObjectNode input = RecordFixtures.assessment();
        input.putArray("input");
        assertRefused(DecisionRecordException.Reason.MALFORMED, "input", input);
        assertRefused(DecisionRecordException.Reason.MALFORMED, "signature2", RecordFixtures.assessment().put("signature2", 1));
    }

    @Test
    void deepNestingIsRefusedWithoutRecursingIntoIt() {
        ObjectNode record = RecordFixtures.assessment();
        ArrayNode deep = at(record, "/decision/findings/0").putArray("message");
        for (int i = 0; i < 100_000; i++) {
            deep = deep.addArray();
        }
        DecisionRecordException e = refused(record);
        assertEquals(DecisionRecordException.Reason.MALFORMED, e.reason());
        assertTrue(e.field().startsWith("decision.findings[0].message[0][0]"), e.field());
        assertTrue(e.field().length() < 400, "the path is cut short: " + e.field().length());
    }

    @Test
    void aNumberThatIsNoFiniteDoubleIsRefusedWithItsPath() {
        ObjectNode score = RecordFixtures.round();
        at(score, "/decision/entries/0").set("score", DecimalNode.valueOf(new java.math.BigDecimal("1e400")));
        assertRefused(DecisionRecordException.Reason.NOT_I_JSON, "decision.entries[0].score", score);
        ObjectNode copies = RecordFixtures.assessment();
        at(copies, "/input/paperCopy").set("copies", DecimalNode.valueOf(new java.math.BigDecimal("1e999999999")));
        assertRefused(DecisionRecordException.Reason.NOT_I_JSON, "input.paperCopy.copies", copies);
        ObjectNode infinite = RecordFixtures.assessment();
        at(infinite, "/decision").put("eligible", Double.POSITIVE_INFINITY);
        assertRefused(DecisionRecordException.Reason.NOT_I_JSON, "decision.eligible", infinite);
    }

    @Test
    void anIdTwiceIsRefusedNamingTheId() {
        ObjectNode entries = RecordFixtures.round();
        ArrayNode list = (ArrayNode) entries.at("/decision/entries");
        String id = list.get(0).path("applicationId").asText();
        ((ObjectNode) list.get(5)).put("applicationId", id);
        DecisionRecordException e = refused(entries);
        assertEquals(DecisionRecordException.Reason.DUPLICATE_ID, e.reason());
        assertEquals("decision.entries[5].applicationId", e.field());
        assertEquals(id, e.id());
        assertTrue(e.problem().contains(id) && e.problem().contains("decision.entries[0]"), e.problem());

        ObjectNode applications = RecordFixtures.round();
        ArrayNode apps = (ArrayNode) applications.at("/input/applications");
        apps.add(apps.get(2).deepCopy());
        DecisionRecordException input = refused(applications);
        assertEquals(DecisionRecordException.Reason.DUPLICATE_ID, input.reason());
        assertEquals("input.applications[" + (apps.size() - 1) + "].id", input.field());
        assertEquals(apps.get(2).path("id").asText(), input.id());
    }

    @Test
    void inputThatIsNoValidInputIsRefusedWithItsPathEvenWithAMatchingHash() {
        ObjectNode record = RecordFixtures.assessment();
        at(record, "/input/applicant").put("creditCode", "52440303MJL177700X");
        record.put("inputHash", DecisionRecords.hash(record.path("input")));
        assertRefused(DecisionRecordException.Reason.INPUT_INVALID, "input.applicant.creditCode", record);

        ObjectNode review = RecordFixtures.review();
        at(review, "/input").put("asOf", "2024-02-30");
        review.put("inputHash", DecisionRecords.hash(review.path("input")));
        assertRefused(DecisionRecordException.Reason.INPUT_INVALID, "input.asOf", review);

        ObjectNode round = RecordFixtures.round();
        at(round, "/input/reviews/0").put("applicationId", "LH2024-999");
        round.put("inputHash", DecisionRecords.hash(round.path("input")));
        DecisionRecordException e = refused(round);
        assertEquals(DecisionRecordException.Reason.INPUT_INVALID, e.reason());
        assertTrue(e.field().startsWith("input.reviews"), e.field());
    }

    @Test
    void halfASurrogatePairInTheInputIsRefusedWithItsPath() {
        ObjectNode record = RecordFixtures.assessment();
        at(record, "/input/applicant").put("name", "示例\ud800学校");
        assertRefused(DecisionRecordException.Reason.NOT_I_JSON, "input.applicant.name", record);
    }
}

package org.carrierrules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.carrierrules.application.ApplicantType;
import org.carrierrules.application.Application;
import org.carrierrules.application.FactValues;
import org.carrierrules.application.Material;
import org.carrierrules.assessment.Acceptance;
import org.carrierrules.assessment.Assessment;
import org.carrierrules.assessment.Finding;
import org.carrierrules.json.ApplicationJson;
import org.carrierrules.json.AssessmentJson;
import org.carrierrules.json.InputRecord;
import org.carrierrules.testing.RepositoryFiles;

/**
 * Applications' facts held to the extended example's {@code facts.yaml} at every way in (contract: "Facts a policy
 * declares"): the Java API, the JSON records and the allocation input; and the findings that name a fact.
 */
class FactInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static CarrierRules extended;
    private static ArrayNode samples;

    @BeforeAll
    static void load() throws Exception {
        extended = CarrierRules.fromDirectoryUntested(RepositoryFiles.path("samples/policies/extended-example"));
        samples = (ArrayNode) JSON.readTree(Files.readString(RepositoryFiles.path("samples/data/extended-example/applications.json")));
    }

    private static FactValues.Builder baseFacts() {
        return FactValues.builder().number("annualTrainees", 1350).yesNo("onlinePlatform", false)
                .date("establishedOn", LocalDate.of(2012, 4, 16)).yesNo("onCreditBlacklist", false);
    }

    private static Application base(FactValues facts) {
        return ValidApplications.of(CarrierType.HIGH_SKILL_TRAINING_BASE, ApplicantType.TRAINING_INSTITUTION).withFacts(facts);
    }

    private static InvalidInputException conformError(Application application) {
        return assertThrows(InvalidInputException.class, () -> extended.factSchema().conform(application));
    }

    @Test
    void aBaseWithItsFactsIsAccepted() {
        Assessment assessment = extended.assess(base(baseFacts().build()));
        assertEquals(Acceptance.ACCEPTED, assessment.acceptance(), assessment::toString);
    }

    @Test
    void theJavaApiRefusesAKeyOrValueThatIsNoFact() {
        InvalidInputException key = assertThrows(InvalidInputException.class, () -> FactValues.builder().number("Annual trainees", 1).build());
        assertEquals("facts", key.field());
        assertTrue(key.problem().contains("Annual trainees"), key::problem);
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("annualTrainees", null);
        InvalidInputException none = assertThrows(InvalidInputException.class, () -> FactValues.of(withNull));
        assertEquals("facts.annualTrainees", none.field());
        assertEquals("不能为 null；没有这一事实时请省略此键", none.problem());
        InvalidInputException floating = assertThrows(InvalidInputException.class, () -> FactValues.of(Map.of("floorArea", 1.5)));
        assertEquals("facts.floorArea", floating.field());
        assertEquals("须为数字（BigDecimal 或整数）、是否（true/false）、日期或文字，实为 Double", floating.problem());
    }

    @Test
    void theSchemaNamesTheFactAtFaultWithItsReason() {
        assertEquals(List.of("facts.annualTrainees", "“年培训人数”须为整数（单位：人），实为 文字“1200”"),
                fault(base(baseFacts().text("annualTrainees", "1200").build())));
        assertEquals(List.of("facts.annualTrainees", "“年培训人数”须为整数（单位：人），实为 1.5"),
                fault(base(baseFacts().number("annualTrainees", new BigDecimal("1.5")).build())));
        assertEquals(List.of("facts.establishedOn", "“成立日期”不是存在的日期：2019-02-30"),
                fault(base(baseFacts().text("establishedOn", "2019-02-30").build())));
        assertEquals(List.of("facts.establishedOn", "“成立日期”须为日期，写作 YYYY-MM-DD（如 2019-05-01），实为 文字“2019年5月1日”"),
                fault(base(baseFacts().text("establishedOn", "2019年5月1日").build())));
        assertEquals(List.of("facts.onCreditBlacklist", "“列入失信惩戒名单”须为 true（是）或 false（否），实为 文字“否”"),
                fault(base(baseFacts().text("onCreditBlacklist", "否").build())));
        assertEquals(List.of("facts.annualTrainees", "缺少“年培训人数”：申报高技能人才培训基地须填写此项（示例：管理办法 高技能人才培训基地的年培训规模）"),
                fault(base(FactValues.builder().yesNo("onCreditBlacklist", false).date("establishedOn", LocalDate.of(2012, 4, 16)).build())));
        List<String> undeclared = fault(base(baseFacts().number("registeredCapital", 100).build()));
        assertEquals("facts.registeredCapital", undeclared.get(0));
        assertTrue(undeclared.get(1).startsWith("本轮政策没有声明此事实；可填写的有 annualTrainees（年培训人数）、onlinePlatform（以线上平台开展培训）"),
                undeclared::toString);
        Application studio = ValidApplications.of(CarrierType.SKILL_MASTER_STUDIO, ApplicantType.ENTERPRISE).withFacts(FactValues.builder()
                .number("apprentices", 12).text("leaderQualification", "MASTER").date("establishedOn", LocalDate.of(2009, 11, 20))
                .yesNo("onCreditBlacklist", false).build());
        assertEquals(List.of("facts.leaderQualification", "“领办人职业资格”须为以下之一：CHIEF_TECHNICIAN（首席技师）、SENIOR_TECHNICIAN（高级技师）、"
                + "TECHNICIAN（技师）、SENIOR_WORKER（高级工），实为 文字“MASTER”"), fault(studio));
    }

    private static List<String> fault(Application application) {
        InvalidInputException e = conformError(application);
        return List.of(e.field(), e.problem());
    }

    @Test
    void theSchemaReadsADateWrittenAsTextAndLeavesAConformingApplicationAsItIs() {
        Application written = base(baseFacts().text("establishedOn", "2012-04-16").build());
        Application read = extended.factSchema().conform(written);
        assertEquals(LocalDate.of(2012, 4, 16), read.facts().get("establishedOn").orElseThrow());
        assertSame(read, extended.factSchema().conform(read));
        Application plain = ValidApplications.base();
        assertSame(plain, CarrierRules.bundled().factSchema().conform(plain), "a policy that declares nothing changes nothing");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> CarrierRules.bundled().assess(plain.withFacts(FactValues.builder().number("annualTrainees", 1).build())));
        assertEquals("facts.annualTrainees", e.field());
        assertEquals("本轮政策没有声明任何事实，申报中不能有 facts 中的此项", e.problem());
    }

    @Test
    void assessAllNamesTheApplicationsPlaceAndTheFact() {
        Application good = base(baseFacts().build());
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> extended.assessAll(List.of(good, base(baseFacts().text("annualTrainees", "many").build()))));
        assertEquals("[1].facts.annualTrainees", e.field());
    }

    @Test
    void allocationNamesTheApplicationsPlaceAndTheFact() {
        Application good = base(baseFacts().build());
        Application bad = new Application("H2", good.carrierType(), good.submittedAt(), good.applicant(), good.materials(),
                good.paperCopy(), good.electronicCopy(), baseFacts().number("annualTrainees", new BigDecimal("0.5")).build());
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> extended.allocate(Rounds.round(List.of(good, bad), List.of(), List.of())));
        assertEquals("applications[1].facts.annualTrainees", e.field());
    }

    /** Each misfit is an error entry in its record's place, naming {@code facts.<key>}; the other records are decided. */
    @Test
    void jsonRecordsWithBadFactsBecomeErrorsInTheirPlace() throws Exception {
        ObjectNode good = (ObjectNode) samples.get(0);
        List<String[]> cases = List.of(
                new String[] {"registeredCapital", "100", "facts.registeredCapital"},
                new String[] {"annualTrainees", "\"1200\"", "facts.annualTrainees"},
                new String[] {"annualTrainees", "1.5", "facts.annualTrainees"},
                new String[] {"establishedOn", "\"2019-02-30\"", "facts.establishedOn"},
                new String[] {"annualTrainees", "null", "facts.annualTrainees"},
                new String[] {"annualTrainees", "{\"n\": 1}", "facts.annualTrainees"},
                new String[] {"onlinePlatform", "[true]", "facts.onlinePlatform"},
                new String[] {"onCreditBlacklist", "null", "facts.onCreditBlacklist"});
        ArrayNode batch = JSON.createArrayNode();
        batch.add(good);
        for (String[] c : cases) {
            ObjectNode record = good.deepCopy().put("id", "F" + batch.size());
            ((ObjectNode) record.get("facts")).set(c[0], JSON.readTree(c[1]));
            batch.add(record);
        }
        ObjectNode missing = good.deepCopy().put("id", "F" + batch.size());
        ((ObjectNode) missing.get("facts")).remove("annualTrainees");
        batch.add(missing);
        batch.add(good.deepCopy().put("id", "F" + batch.size()));
        List<InputRecord> records = InputRecord.conform(ApplicationJson.readAll(
                new ByteArrayInputStream(batch.toString().getBytes(StandardCharsets.UTF_8)), "test.json"), extended.factSchema());
        assertEquals(cases.size() + 3, records.size());
        assertInstanceOf(InputRecord.Valid.class, records.get(0), records.get(0)::toString);
        assertInstanceOf(InputRecord.Valid.class, records.get(records.size() - 1));
        List<String> fields = new ArrayList<>();
        for (InputRecord record : records.subList(1, records.size() - 1)) {
            fields.add(assertInstanceOf(InputRecord.Invalid.class, record, record::toString).error().field());
        }
        List<String> expected = new ArrayList<>(cases.stream().map(c -> c[2]).toList());
        expected.add("facts.annualTrainees");
        assertEquals(expected, fields);
        assertEquals("事实的值须为数字、true/false 或文字（日期写作 \"2019-05-01\"），不能是对象或数组",
                ((InputRecord.Invalid) records.get(7)).error().message(), "an array under a key that is not the first is told under its key");
        InputRecord.Valid first = (InputRecord.Valid) records.get(0);
        assertEquals(LocalDate.of(2012, 4, 16), first.application().facts().get("establishedOn").orElseThrow(), "dates read as dates");
    }

    @Test
    void aFindingAboutAFactNamesItAndTheJsonWritesItAfterTheMaterial() throws Exception {
        Application small = base(baseFacts().number("annualTrainees", 999).build());
        Assessment assessment = extended.assess(small);
        assertEquals(Acceptance.SUPPLEMENT_REQUIRED, assessment.acceptance());
        Finding finding = assessment.findings().stream().filter(f -> f.code().equals("TRAINING_SCALE_TOO_SMALL")).findFirst().orElseThrow();
        assertEquals("annualTrainees", finding.fact());
        assertEquals("年培训人数999人，少于1000人，请补充培训规模证明", finding.message());
        JsonNode written = printed(small, assessment).get("findings").get(0);
        assertEquals(List.of("code", "severity", "clause", "fact", "rule", "message"), names(written));

        Application unsealed = ValidApplications.of(CarrierType.HIGH_SKILL_TRAINING_BASE, ApplicantType.TRAINING_INSTITUTION);
        List<Material> materials = new ArrayList<>(unsealed.materials());
        Material form = materials.get(0);
        materials.set(0, new Material(form.code(), form.fileName(), form.format(), false, form.legible(), form.pagesComplete(), form.skewed()));
        unsealed = unsealed.withMaterials(materials).withFacts(baseFacts().build());
        JsonNode material = printed(unsealed, extended.assess(unsealed)).get("findings").get(0);
        assertEquals(List.of("code", "severity", "clause", "material", "rule", "message"), names(material));

        Application ineligible = base(baseFacts().yesNo("onCreditBlacklist", true).date("establishedOn", LocalDate.of(2022, 8, 26)).build());
        Assessment two = extended.assess(ineligible);
        assertEquals(Acceptance.NOT_ACCEPTED, two.acceptance());
        assertEquals(List.of("onCreditBlacklist", "establishedOn"), two.findings().stream()
                .filter(f -> f.fact() != null).map(Finding::fact).toList());
        assertTrue(two.findings().stream().anyMatch(f -> f.message().equals("申请单位成立于2022年8月26日，至申报截止不满2年")), two::toString);
    }

    private static JsonNode printed(Application application, Assessment assessment) throws Exception {
        StringWriter out = new StringWriter();
        AssessmentJson.print(new InputRecord.Valid(1, 1, application), assessment, out);
        return JSON.readTree(out.toString());
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void aStudioWithFewApprenticesOrAJuniorLeaderIsRefusedNamingTheFirstFact() {
        FactValues.Builder facts = FactValues.builder().number("apprentices", 12).text("leaderQualification", "SENIOR_TECHNICIAN")
                .date("establishedOn", LocalDate.of(2009, 11, 20)).yesNo("onCreditBlacklist", false);
        Application studio = ValidApplications.of(CarrierType.SKILL_MASTER_STUDIO, ApplicantType.ENTERPRISE);
        assertEquals(Acceptance.ACCEPTED, extended.assess(studio.withFacts(facts.build())).acceptance());
        for (FactValues wrong : List.of(facts.number("apprentices", 5).build(),
                facts.number("apprentices", 12).text("leaderQualification", "SENIOR_WORKER").build())) {
            Assessment assessment = extended.assess(studio.withFacts(wrong));
            Finding finding = assessment.findings().get(0);
            assertEquals("STUDIO_CONDITIONS_NOT_MET", finding.code(), assessment::toString);
            assertEquals("apprentices", finding.fact());
        }
    }
}

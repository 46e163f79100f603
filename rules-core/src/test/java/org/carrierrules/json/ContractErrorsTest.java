package org.carrierrules.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import org.carrierrules.InvalidInputException;
import org.carrierrules.allocation.ExpertReview;
import org.carrierrules.application.Application;
import org.carrierrules.application.PaperCopy;
import org.carrierrules.supervision.Carrier;

/**
 * The one translation of what Jackson reports into what the contract tells a user: each kind of Jackson exception
 * becomes the field's path and its Chinese message. Each case first shows the exception Jackson itself raises for
 * the input, so that the case fails if a Jackson upgrade reports it otherwise.
 */
class ContractErrorsTest {
    private static ObjectNode application() throws Exception {
        return ApplicationJsonTest.valid("LH2024-001");
    }

    /** What Jackson raises for the tree, bound as the contract binds it. */
    private static <E extends Exception> E jackson(Class<E> expected, JsonNode node, Class<?> type) {
        return assertThrows(expected, () -> ContractMapper.MAPPER.treeToValue(node, type));
    }

    private static void assertError(String field, String message, JsonNode node, Class<?> type) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ContractMapper.read(node, type, ""));
        assertEquals(field, e.field(), e::getMessage);
        assertEquals(message, e.problem());
    }

    @Test
    void anUnrecognizedPropertyIsTheUnknownKeyWithTheFieldsThereAre() throws Exception {
        ObjectNode node = application();
        ((ObjectNode) node.get("applicant")).put("legallyEstablised", true);

        jackson(UnrecognizedPropertyException.class, node, Application.class);
        assertError("applicant.legallyEstablised", "未知字段；可用字段为：creditCode、hasTrainingFunction、legallyEstablished、name、"
                + "registeredDistrict、type", node, Application.class);
    }

    @Test
    void aMismatchedInputIsWhatWasExpectedAndWhatWasFound() throws Exception {
        ObjectNode node = application();
        ((ObjectNode) node.get("applicant")).put("legallyEstablished", "yes");
        ObjectNode notAnObject = application().put("applicant", "深圳市罗湖区示例职业培训学校");
        ObjectNode notAnArray = application();
        notAnArray.putObject("materials");

        jackson(MismatchedInputException.class, node, Application.class);
        assertError("applicant.legallyEstablished", "应为 true 或 false，实为字符串 \"yes\"", node, Application.class);
        assertError("applicant", "应为一个 JSON 对象 {…}，实为字符串 \"深圳市罗湖区示例职业培训学校\"", notAnObject, Application.class);
        assertError("materials", "应为数组 […]，实为对象", notAnArray, Application.class);
        assertError("$", "应为一个 JSON 对象 {…}，实为数字 1", ContractMapper.MAPPER.getNodeFactory().numberNode(1), Application.class);
    }

    @Test
    void anInvalidFormatIsTheValueThatCannotBeOne() throws Exception {
        ObjectNode code = application();
        ((ObjectNode) code.get("applicant")).put("type", "CHAMBER_OF_COMMERCE");
        ObjectNode padded = application();
        ((ObjectNode) padded.get("materials").get(1)).put("format", "PDF ");
        ObjectNode copies = application();
        ((ObjectNode) copies.get("paperCopy")).put("copies", new java.math.BigDecimal("1.5"));

        assertEquals("CHAMBER_OF_COMMERCE", jackson(InvalidFormatException.class, code, Application.class).getValue());
        assertError("applicant.type", "“CHAMBER_OF_COMMERCE”不是可用的取值；可用取值为：ENTERPRISE、INDUSTRY_ASSOCIATION、"
                + "TRAINING_INSTITUTION、HIGHER_EDUCATION、VOCATIONAL_COLLEGE、TECHNICAL_SCHOOL、PUBLIC_INSTITUTION、INDIVIDUAL_BUSINESS、"
                + "PRIVATE_NON_ENTERPRISE、GOVERNMENT_AGENCY、OTHER", code, Application.class);
        // Jackson's own enum reading would take "PDF " as PDF; the contract's codes are exact.
        assertError("materials[1].format", "“PDF ”不是可用的取值；可用取值为：PDF、WORD、IMAGE、OTHER", padded, Application.class);
        jackson(InvalidFormatException.class, copies, Application.class);
        assertError("paperCopy.copies", "应为整数，实为数字 1.5", copies, Application.class);
    }

    @Test
    void anInvalidNullIsAMissingFieldOrAWrongElement() throws Exception {
        ObjectNode missing = application();
        missing.remove("carrierType");
        ObjectNode nullElement = application();
        ((ArrayNode) nullElement.get("materials")).setNull(0);
        ObjectNode review = ContractMapper.MAPPER.createObjectNode().put("applicationId", "A").put("siteVisitPassed", true);
        review.putArray("expertScores").addObject().put("expert", "E1").putObject("items").putNull("FOUNDATION");

        jackson(InvalidNullException.class, missing, Application.class);
        assertError("carrierType", "缺少此字段（必填）", missing, Application.class);
        jackson(InvalidNullException.class, nullElement, Application.class);
        assertError("materials[0]", "应为一个 JSON 对象 {…}，实为空值 null", nullElement, Application.class);
        jackson(InvalidNullException.class, review, ExpertReview.class);
        assertError("expertScores[0].items.FOUNDATION", "应为数字，实为空值 null", review, ExpertReview.class);
    }

    @Test
    void aValueInstantiationIsTheRecordsOwnCheckUnderItsPlace() throws Exception {
        ObjectNode node = application();
        ((ObjectNode) node.get("applicant")).put("creditCode", "52440303MJL177700A");
        ObjectNode negative = application();
        ((ObjectNode) negative.get("paperCopy")).put("copies", -1);

        ValueInstantiationException e = jackson(ValueInstantiationException.class, node, Application.class);
        assertInstanceOf(InvalidInputException.class, e.getCause());
        assertError("applicant.creditCode", "统一社会信用代码校验位错误：第18位应为“D”，实为“A”，请核对代码是否抄错：52440303MJL177700A",
                node, Application.class);
        assertError("paperCopy.copies", "份数不能为负数：-1", negative, Application.class);
    }

    @Test
    void aNumberPastAnIntIsSaidToBeNoWholeNumberOfTheContract() throws Exception {
        ObjectNode node = application();
        ((ObjectNode) node.get("paperCopy")).put("copies", 3_000_000_000L);
        ObjectNode carrier = carrier().put("trainingActivity", (String) null);
        carrier.putObject("trainingActivity").put("2022", 3_000_000_000L);

        JsonMappingException e = jackson(JsonMappingException.class, node, Application.class);
        assertInstanceOf(com.fasterxml.jackson.core.exc.InputCoercionException.class, e.getCause());
        assertError("paperCopy.copies", "应为整数，实为数字 3000000000", node, Application.class);
        // Inside a map Jackson's own path loses the key; the contract's reader of years keeps it.
        assertError("trainingActivity.2022", "应为整数，实为数字 3000000000", carrier, Carrier.class);
    }

    @Test
    void anInvalidTypeIdIsWordedAsAnyValueOfTheWrongKind() {
        // The contract has no polymorphic types, so Jackson never raises it; were it to, it would name its place.
        JsonNode node = ContractMapper.MAPPER.createObjectNode().put("copies", "A4");
        InvalidTypeIdException e = InvalidTypeIdException.from(null, "no such type", ContractMapper.MAPPER.constructType(int.class), "A4");
        e.prependPath(new JsonMappingException.Reference(PaperCopy.class, "copies"));

        InvalidInputException error = ContractErrors.of(e, node, ContractMapper.record(PaperCopy.class), "paperCopy");

        assertEquals("paperCopy.copies", error.field());
        assertEquals("应为整数，实为字符串 \"A4\"", error.problem());
    }

    @Test
    void theContractsOwnDeserializersNameTheirFieldAndSayWhatIsWrong() throws Exception {
        ObjectNode date = carrier().put("recognizedOn", "-999999999-01-01");
        ObjectNode year = carrier();
        year.putObject("trainingActivity").put("2022", 1).put("20x1", 0);
        ObjectNode surrogate = carrier().put("name", "\ud800罗湖");
        ObjectNode time = application().put("submittedAt", "+999999999-12-31T23:59:59-18:00");

        assertError("recognizedOn", "“-999999999-01-01”不是有效的日期；应写作 2024-03-01（年-月-日）", date, Carrier.class);
        assertError("trainingActivity.20x1", "“20x1”不是年份；培训人数按年填写，键应为四位数字的年份，如 \"2023\"", year, Carrier.class);
        assertError("name", "第1个字符是不成对的 UTF-16 代理项 \\uD800，不是有效的 Unicode 文字", surrogate, Carrier.class);
        assertError("submittedAt", "“+999999999-12-31T23:59:59-18:00”不是有效的 ISO-8601 日期时间；应写作 2024-08-20T10:15:00+08:00，"
                + "或不带时区的 2024-08-20T10:15:00（按北京时间）", time, Application.class);
    }

    /** As a reader goes through the fields: an object's unknown key first, then its fields in the contract's order. */
    @Test
    void theFirstErrorIsTheFirstInTheContractsOrderWhateverTheInputsOrder() throws Exception {
        ObjectNode node = application();
        ObjectNode applicant = (ObjectNode) node.get("applicant");
        applicant.put("creditCode", "52440303MJL177700A");
        applicant.put("remark", "备注");
        node.put("carrierType", "STATION");
        ObjectNode reversed = ContractMapper.MAPPER.createObjectNode();
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        for (int i = names.size() - 1; i >= 0; i--) {
            reversed.set(names.get(i), node.get(names.get(i)));
        }

        assertError("carrierType", "“STATION”不是可用的取值；可用取值为：HIGH_SKILL_TRAINING_BASE、SKILL_MASTER_STUDIO、"
                + "RURAL_REVITALIZATION_STATION", reversed, Application.class);
        reversed.put("carrierType", "RURAL_REVITALIZATION_STATION");
        // Jackson builds the applicant before it reports the applicant's unknown key; the contract names the key first.
        assertError("applicant.remark", "未知字段；可用字段为：creditCode、hasTrainingFunction、legallyEstablished、name、"
                + "registeredDistrict、type", reversed, Application.class);
    }

    // --- errors that stop a whole file ---

    private static JsonFileException fileError(String json) {
        return assertThrows(JsonFileException.class, () -> ApplicationJson.readAll(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json"));
    }

    @Test
    void aJsonParseExceptionIsNoJsonAtItsPlace() {
        JsonFileException e = fileError("[\n  {\"id\": \"x\",,}\n]");

        assertEquals("test.json 第2行第14列：不是有效的 JSON：Unexpected character (',' (code 44)): was expecting double-quote to start "
                + "field name", e.getMessage());
    }

    @Test
    void aJsonParseExceptionPastBytesThatAreNoUtf8IsTheFilesEncoding() {
        byte[] gbk = "[{\"id\": \"罗湖\"}]".getBytes(java.nio.charset.Charset.forName("GBK"));

        JsonFileException e = assertThrows(JsonFileException.class, () -> ApplicationJson.readAll(new ByteArrayInputStream(gbk), "test.json"));

        // Jackson's own words stay in the parentheses: they say which byte it is.
        assertEquals("test.json 第1行第12列：不是有效的 UTF-8 编码（Invalid UTF-8 middle byte 0xde）；请将文件另存为 UTF-8（GBK、GB2312 等编码的文件须先转换）",
                e.getMessage());
    }

    @Test
    void aStreamConstraintIsTheReadLimitItIs() {
        ReadLimitException deep = assertInstanceOf(ReadLimitException.class, fileError("[" + "[".repeat(40) + "]".repeat(40) + "]"));
        ReadLimitException longName = assertInstanceOf(ReadLimitException.class, fileError("[{\"" + "x".repeat(10_001) + "\": 1}]"));
        JsonFileException longNumber = fileError("[{\"id\": " + "9".repeat(1_001) + "}]");

        assertInstanceOf(StreamConstraintsException.class, deep.getCause());
        assertEquals(ReadLimits.Limit.MAX_DEPTH, deep.limit());
        assertEquals("test.json 第1行第33列：数组和对象嵌套过深，超过读取上限 maxDepth = 32 层（嵌套层数）；确需读取时，请用 "
                + "ReadLimits.withMaxDepth(…) 调高此上限", deep.getMessage());
        assertEquals(ReadLimits.Limit.MAX_STRING_LENGTH, longName.limit());
        assertEquals("test.json 第1行第2列：字符串或字段名过长，超过读取上限 maxStringLength = 10000 个字符（字符串长度）；确需读取时，请用 "
                + "ReadLimits.withMaxStringLength(…) 调高此上限", longName.getMessage());
        assertEquals("test.json 第1行第3列：数字超过 1000 位，不是合同中任何字段可用的数值", longNumber.getMessage());
    }

    @Test
    void aRepeatedKeyIsNamedWhereItIsWrittenTheSecondTime() {
        JsonFileException e = fileError("[{\"id\": \"A\",\n \"id\": \"B\"}]");

        assertEquals("test.json 第2行第2列：同一对象中字段“id”出现了两次；每个字段只能写一次", e.getMessage());
    }

    @Test
    void somethingAfterTheValueIsSaidToBeSo() {
        assertEquals("test.json 第2行第3列：JSON 结束后还有多余内容", fileError("[]\n  x").getMessage());
        InvalidInputException twice = assertThrows(InvalidInputException.class, () -> ApplicationJson.read("{} {}"));
        assertEquals("JSON 结束后还有多余内容", twice.problem());
    }

    private static ObjectNode carrier() {
        return (ObjectNode) RecordFixtures.parse("{\"carrierId\": \"SZ-1\", \"name\": \"甲\", \"carrierType\": \"SKILL_MASTER_STUDIO\", "
                + "\"recognizedOn\": \"2020-06-01\", \"events\": [], \"trainingActivity\": {}}");
    }
}

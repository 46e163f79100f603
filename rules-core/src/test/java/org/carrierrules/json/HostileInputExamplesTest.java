package org.carrierrules.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.carrierrules.CarrierRules;
import org.carrierrules.CarrierType;
import org.carrierrules.InvalidInputException;
import org.carrierrules.supervision.Carrier;
import org.carrierrules.supervision.SupervisionDecision;
import org.carrierrules.supervision.SupervisionOutcome;

/**
 * The hostile cases that each found a fault in reading, one example each, with the exact error that is now
 * given: a file error with line, column and the limit by name, or a record error naming the field.
 */
class HostileInputExamplesTest {
    private static final Path SAMPLE = RecordFixtures.SAMPLE_ROUND.resolve("applications.json");
    private static final CarrierRules RULES = CarrierRules.bundled();

    private static List<InputRecord> read(byte[] bytes, ReadLimits limits) {
        return ApplicationJson.readAll(new ByteArrayInputStream(bytes), "test.json", limits);
    }

    private static List<InputRecord> read(String json) {
        return read(json.getBytes(StandardCharsets.UTF_8), ReadLimits.DEFAULTS);
    }

    private static String carrier(String recognizedOn, String activity) {
        return "{\"carrierId\": \"SZ-1\", \"name\": \"甲\", \"carrierType\": \"SKILL_MASTER_STUDIO\", \"recognizedOn\": \""
                + recognizedOn + "\", \"events\": [], \"trainingActivity\": {" + activity + "}}";
    }

    @Test
    void aByteOrderMarkIsSkipped() throws Exception {
        byte[] plain = Files.readAllBytes(SAMPLE);
        byte[] marked = new byte[plain.length + 3];
        marked[0] = (byte) 0xEF;
        marked[1] = (byte) 0xBB;
        marked[2] = (byte) 0xBF;
        System.arraycopy(plain, 0, marked, 3, plain.length);

        assertEquals(read(plain, ReadLimits.DEFAULTS), read(marked, ReadLimits.DEFAULTS));
    }

    @Test
    void aGbkFileIsAnEncodingErrorOnTheLineOfItsFirstChineseCharacter() throws Exception {
        String text = Files.readString(SAMPLE, StandardCharsets.UTF_8);
        int firstChinese = text.codePoints().takeWhile(c -> c < 0x80).map(Character::charCount).sum();
        int line = 1 + (int) text.substring(0, firstChinese).chars().filter(c -> c == '\n').count();

        JsonFileException e = assertThrows(JsonFileException.class, () -> read(text.getBytes(Charset.forName("GBK")), ReadLimits.DEFAULTS));

        assertEquals(line, e.line());
        assertTrue(e.getMessage().contains("不是有效的 UTF-8 编码") && e.getMessage().contains("GBK"), e.getMessage());
    }

    /** Found by the generators: Jackson's own limit gave line 0, column 0 and an English message. */
    @Test
    void deepNestingStopsAtTheLimitWithLineAndColumn() {
        ReadLimitException e = assertThrows(ReadLimitException.class, () -> read("[\n" + "[".repeat(100_000) + "]".repeat(100_000) + "]"));

        assertEquals(ReadLimits.Limit.MAX_DEPTH, e.limit());
        assertEquals(32, e.value());
        assertEquals(2, e.line());
        assertEquals(ReadLimits.DEFAULTS.maxDepth(), e.column());
        assertTrue(e.getMessage().contains("maxDepth = 32") && e.getMessage().contains("withMaxDepth"), e.getMessage());
        assertTrue(e.messageRaisedBy("--max-depth N").endsWith("请用 --max-depth N 调高此上限"), e.getMessage());
        String forty = "[" + "[".repeat(39) + "]".repeat(39) + "]";
        assertEquals(1, read(forty.getBytes(StandardCharsets.UTF_8), ReadLimits.DEFAULTS.withMaxDepth(40)).size());
    }

    @Test
    void aLongStringStopsAtTheLimitAndReadsOnceTheLimitIsRaised() throws Exception {
        String json = "[" + ApplicationJsonTest.valid("A" + "x".repeat(20_000)) + "]";

        ReadLimitException e = assertThrows(ReadLimitException.class, () -> read(json));

        assertEquals(ReadLimits.Limit.MAX_STRING_LENGTH, e.limit());
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("maxStringLength = 10000"), e.getMessage());
        List<InputRecord> raised = read(json.getBytes(StandardCharsets.UTF_8), ReadLimits.DEFAULTS.withMaxStringLength(30_000));
        assertInstanceOf(InputRecord.Valid.class, raised.get(0));
    }

    @Test
    void moreRecordsThanTheLimitStopAtTheFirstOneTooMany() throws Exception {
        ArrayNode batch = ContractMapper.MAPPER.createArrayNode();
        for (int i = 1; i <= 4; i++) {
            batch.add(ApplicationJsonTest.valid("LH-" + i));
        }
        String json = batch.toPrettyString();
        ReadLimits three = ReadLimits.DEFAULTS.withMaxRecords(3);

        ReadLimitException e = assertThrows(ReadLimitException.class, () -> read(json.getBytes(StandardCharsets.UTF_8), three));

        assertEquals(ReadLimits.Limit.MAX_RECORDS, e.limit());
        int fourth = json.indexOf("\"LH-4\"");
        assertEquals(json.substring(0, json.lastIndexOf('{', fourth)).chars().filter(c -> c == '\n').count() + 1, e.line());
        assertEquals(4, read(json.getBytes(StandardCharsets.UTF_8), three.withMaxRecords(4)).size());
    }

    @Test
    void aFileOverMaxBytesIsRefusedUnreadAndAStreamWhereItPassesTheLimit(@TempDir Path temp) throws Exception {
        Path file = temp.resolve("applications.json");
        Files.copy(SAMPLE, file);
        long size = Files.size(file);
        ReadLimits small = ReadLimits.DEFAULTS.withMaxBytes(size - 1);

        ReadLimitException unread = assertThrows(ReadLimitException.class, () -> ApplicationJson.readAll(file, small));
        ReadLimitException streamed = assertThrows(ReadLimitException.class, () -> read(Files.readAllBytes(file), small));

        assertEquals(ReadLimits.Limit.MAX_BYTES, unread.limit());
        assertEquals(1, unread.line());
        assertTrue(unread.getMessage().contains("文件大小为 " + size + " 字节"), unread.getMessage());
        assertEquals(ReadLimits.Limit.MAX_BYTES, streamed.limit());
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(lines.size(), streamed.line(), "the last byte is on the last line");
        assertEquals(27, ApplicationJson.readAll(file, small.withMaxBytes(size)).size());
    }

    /** Found by the generators: a JSON escape for half a character was read as a valid id. */
    @Test
    void halfASurrogatePairIsAnErrorNamingTheField() throws Exception {
        ObjectNode app = ApplicationJsonTest.valid("LH-1");
        ((ObjectNode) app.get("applicant")).put("name", "\ud800罗湖");

        InputRecord.Invalid invalid = assertInstanceOf(InputRecord.Invalid.class,
                read(ContractMapper.MAPPER.writer().with(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII)
                        .writeValueAsString(List.of(app))).get(0));

        assertEquals("applicant.name", invalid.error().field());
        assertTrue(invalid.error().message().contains("\\uD800"), invalid.error().message());
    }

    /** Found by the generators: 1e400 is an infinite double, and turning it into a decimal threw NumberFormatException. */
    @Test
    void aScoreOutOfRangeIsAnErrorNamingTheItem() throws Exception {
        ObjectNode round = ContractMapper.MAPPER.createObjectNode().put("round", "luohu-2024");
        round.putArray("applications").add(ApplicationJsonTest.valid("A"));
        round.putArray("reviews").addObject().put("applicationId", "A").put("siteVisitPassed", true)
                .putArray("expertScores").addObject().put("expert", "E1").putObject("items").put("FOUNDATION", 1);
        round.putArray("objections");
        String json = round.toString().replace("\"FOUNDATION\":1", "\"FOUNDATION\":1e400");

        AllocationInput.Invalid invalid = assertInstanceOf(AllocationInput.Invalid.class,
                AllocationJson.read(ContractMapper.MAPPER.readTree(json)));

        assertEquals("reviews[0].expertScores[0].items.FOUNDATION", invalid.errors().get(0).field());
        assertTrue(invalid.errors().get(0).message().contains("超出范围"), invalid.errors().get(0).message());
    }

    /**
     * Found by the generators: java.time reads -999999999-01-01, and the review then counted a billion idle years
     * into a list until the heap ran out. Dates now have four-digit years; a carrier recognised in year 0000
     * is reviewed at once, its years without records written as one span.
     */
    @Test
    void aDateABillionYearsAwayIsAnErrorAndYearZeroIsReviewedAtOnce() {
        List<CarrierRecord> far = CarrierJson.readAll(new ByteArrayInputStream(("[" + carrier("-999999999-01-01", "") + "]")
                .getBytes(StandardCharsets.UTF_8)), "test.json");
        assertEquals("recognizedOn", assertInstanceOf(CarrierRecord.Invalid.class, far.get(0)).error().field());

        Carrier ancient = assertInstanceOf(CarrierRecord.Valid.class, CarrierJson.readAll(new ByteArrayInputStream(
                ("[" + carrier("0000-06-01", "\"2020\": 5") + "]").getBytes(StandardCharsets.UTF_8)), "test.json").get(0)).carrier();
        SupervisionDecision review = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> RULES.supervise(ancient, LocalDate.parse("9999-12-31")));

        assertEquals(SupervisionOutcome.REVOKE, review.outcome());
        String message = review.grounds().get(0).message();
        assertTrue(message.contains("1年至2019年连续2019年培训人数为零（1年至2019年无培训记录，按零计）"), message);
    }

    @Test
    void theJavaApiRefusesDatesItCannotCountTo() {
        InvalidInputException recognized = assertThrows(InvalidInputException.class, () -> new Carrier("SZ-1", "甲",
                CarrierType.SKILL_MASTER_STUDIO, LocalDate.MIN, List.of(), Map.of()));
        assertEquals("recognizedOn", recognized.field());
        Carrier carrier = new Carrier("SZ-1", "甲", CarrierType.SKILL_MASTER_STUDIO, LocalDate.parse("2020-06-01"), List.of(), Map.of());
        InvalidInputException asOf = assertThrows(InvalidInputException.class, () -> RULES.supervise(carrier, LocalDate.MAX));
        assertEquals("asOf", asOf.field());
        assertEquals("asOf", assertThrows(InvalidInputException.class, () -> RULES.superviseAll(List.of(carrier), LocalDate.MIN)).field());
    }

    /** Found by the generators: java.time read this as valid, an instant no zone can show as a local time. */
    @Test
    void aSubmissionTimeBeyondYear9999IsAnErrorNamingTheField() throws Exception {
        ObjectNode app = ApplicationJsonTest.valid("LH-1").put("submittedAt", "+999999999-12-31T23:59:59-18:00");

        InputRecord.Invalid invalid = assertInstanceOf(InputRecord.Invalid.class, read("[" + app + "]").get(0));

        assertEquals("submittedAt", invalid.error().field());
    }

    @Test
    void garbageAfterTheArrayIsSaidToBeSo() {
        JsonFileException e = assertThrows(JsonFileException.class, () -> read("[]\n  x"));

        assertEquals(2, e.line());
        assertEquals(3, e.column());
        assertTrue(e.getMessage().endsWith("JSON 结束后还有多余内容"), e.getMessage());
    }

    @Test
    void aRepeatedKeyIsNamedInChinese() {
        JsonFileException e = assertThrows(JsonFileException.class, () -> read("[{\"id\": \"A\",\n \"id\": \"B\"}]"));

        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("字段“id”出现了两次"), e.getMessage());
    }

    @Test
    void aNestedArrayOverMaxRecordsIsAnErrorNamingIt() throws Exception {
        ObjectNode app = ApplicationJsonTest.valid("LH-1");

        InputRecord.Invalid invalid = assertInstanceOf(InputRecord.Invalid.class,
                read(("[" + app + "]").getBytes(StandardCharsets.UTF_8), ReadLimits.DEFAULTS.withMaxRecords(4)).get(0));

        assertEquals("materials", invalid.error().field());
        assertTrue(invalid.error().message().contains("有 5 个元素，超过读取上限 maxRecords = 4"), invalid.error().message());
    }

    /** A credit code of a million characters used to be repeated whole in its error message. */
    @Test
    void aLongBadValueIsQuotedOnlyInPart() throws Exception {
        ObjectNode app = ApplicationJsonTest.valid("LH-1");
        ((ObjectNode) app.get("applicant")).put("creditCode", "9".repeat(1_000_000));

        InputRecord.Invalid invalid = assertInstanceOf(InputRecord.Invalid.class, read(("[" + app + "]").getBytes(StandardCharsets.UTF_8),
                ReadLimits.DEFAULTS.withMaxStringLength(2_000_000)).get(0));

        assertEquals("applicant.creditCode", invalid.error().field());
        assertTrue(invalid.error().message().length() < 200, invalid.error().message());
    }

    @Test
    void aNumberOfAThousandDigitsIsRefusedWithItsPlace() {
        JsonFileException e = assertThrows(JsonFileException.class, () -> read("[\n{\"id\": " + "9".repeat(1_001) + "}]"));

        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("数字超过 1000 位"), e.getMessage());
    }

    @Test
    void aWholeTreeCountsTheRecordsOfItsArrays(@TempDir Path temp) throws Exception {
        Path file = temp.resolve("reviews.json");
        Files.writeString(file, "[{\"applicationId\": \"A\"},\n {\"applicationId\": \"B\"}]");

        assertEquals(2, AllocationJson.readTree(file).size());
        ReadLimitException e = assertThrows(ReadLimitException.class, () -> AllocationJson.readTree(file, ReadLimits.DEFAULTS.withMaxRecords(1)));
        assertEquals(ReadLimits.Limit.MAX_RECORDS, e.limit());
        assertEquals(2, e.line());
    }

    /** Found while writing docs/reliability.md: a second application after the first was silently dropped. */
    @Test
    void aSingleApplicationStringRefusesWhatComesAfterIt() throws Exception {
        String one = ApplicationJsonTest.valid("LH-1").toString();

        InvalidInputException twice = assertThrows(InvalidInputException.class, () -> ApplicationJson.read(one + "\n" + one));
        InvalidInputException empty = assertThrows(InvalidInputException.class, () -> ApplicationJson.read(""));

        assertEquals("$", twice.field());
        assertEquals("JSON 结束后还有多余内容", twice.problem());
        assertTrue(empty.problem().endsWith("实为空内容"), empty.problem());
        assertEquals("LH-1", ApplicationJson.read(one).id());
    }

    @Test
    void limitsMustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReadLimits.DEFAULTS.withMaxRecords(0));
        assertTrue(e.getMessage().contains("maxRecords"), e.getMessage());
    }
}

package org.carrierrules.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.quicktheories.core.Gen;

import org.carrierrules.CarrierType;
import org.carrierrules.application.ApplicantType;
import org.carrierrules.application.CreditCode;
import org.carrierrules.application.FileFormat;
import org.carrierrules.json.ReadLimits;
import org.carrierrules.supervision.EventType;

/**
 * QuickTheories generators of hostile input files for every JSON-reading entry point: valid records of the
 * contract, each perhaps corrupted in one place (a missing or null field, a wrong type, an unknown enum value
 * or key, a bad date, offset or number, a very long string, deep nesting, a repeated id), put together in a
 * file that is perhaps malformed as a whole (truncated, trailing garbage, invalid UTF-8, GBK, a repeated key,
 * empty) or encoded otherwise (a UTF-8 byte-order mark, UTF-16), and read within limits that the file perhaps
 * exceeds. Each case says what must come of it, worked out from how it was made, not by asking the library.
 */
public final class HostileJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** What a record, or a whole allocate input, must come to. */
    public enum Expect { VALID, INVALID, EITHER }

    /**
     * What one record must come to.
     *
     * @param expect     valid, invalid, or either
     * @param path       when invalid, the field named must be this path or lie under it
     * @param corruption what was done to the record, for the failure message
     */
    public record Expected(Expect expect, String path, String corruption) {
        static Expected valid(String corruption) {
            return new Expected(Expect.VALID, "", corruption);
        }
    }

    /**
     * A generated input file and what must come of reading it.
     *
     * @param limitsHit the limits the file is past; when any, reading must stop with one of them
     * @param malformed whether the file is not JSON of the right shape (then reading must stop with a
     *                  {@code JsonFileException})
     * @param badLine   for invalid UTF-8 put in at a known place, the line it is on; else 0
     * @param records   per record of a well-formed file, what it must come to (applications and carriers)
     * @param whole     for an allocate input, what the whole round must come to
     */
    public record HostileFile(String description, byte[] bytes, ReadLimits limits, Set<ReadLimits.Limit> limitsHit,
                              boolean malformed, int badLine, List<Expected> records, Expect whole) {
        /** The file as JSON, read leniently (a readable file is JSON). */
        public JsonNode tree() {
            try {
                return JSON.readTree(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + this, e);
            }
        }

        /** Whether reading must end in records (or a round), not in a file error. */
        public boolean readable() {
            return !malformed && limitsHit.isEmpty();
        }

        @Override
        public String toString() {
            String text = new String(bytes, 0, Math.min(bytes.length, 600), StandardCharsets.UTF_8);
            return description + " | limits " + limits + " | hit " + limitsHit + " | " + bytes.length + " bytes: " + text;
        }
    }

    /** The place of a value in a record, and what reading expects there. */
    private enum Kind { TEXT, REFERENCE, ENUM, DATE_TIME, DATE, CREDIT_CODE, INT, NUMBER, BOOL, OBJECT, YEAR_KEYED, ARRAY }

    /**
     * @param removable whether the value may be left out (an optional object, an element of a list, a year)
     * @param nullable  whether it may be null
     * @param removal   what leaving it out comes to, when not simply valid
     */
    private record Slot(String path, JsonNode parent, String name, int index, JsonNode value, Kind kind, boolean removable,
                        boolean nullable, Expect removal) {
    }

    private interface Schema {
        Slot slot(String path, JsonNode parent, String name, int index, JsonNode value);
    }

    private static final List<String> BAD_DATE_TIMES = List.of("2024-08-32T10:00:00+08:00", "2024-02-30T10:00:00",
            "2024-08-20T24:00:01+08:00", "2024-08-20T10:00:00+19:00", "2024-08-20T10:00:00+08:60",
            "+999999999-12-31T23:59:59-18:00", "-0001-08-20T10:00:00Z", "2024-08-20", "10:15:00", "",
            " 2024-08-20T10:15:00+08:00", "2024-08-20T10:15:00+08:00 ", "2024-08-20T10:15:00[Asia/Shanghai]",
            "２０２４-08-20T10:15:00+08:00", "2024-08-20T10:15:00.1234567891+08:00", "20240820T101500+0800",
            "2024/08/20 10:15:00", "NaN", "null", "2024-13-01T00:00:00Z");
    private static final List<String> BAD_DATES = List.of("2024-02-30", "2021-13-01", "2024-3-1", "2024/03/01", "20240301",
            "+10000-01-01", "-999999999-01-01", "", " 2024-03-01", "2024-03-01T00:00:00", "０２０２-03-01", "NaN", "三月一日");
    private static final List<String> BAD_CREDIT_CODES = List.of("52440303MJL177700A", "52440303MJL177700", "52440303MJL177700DD",
            "52440303mjl177700d", "52440303MJL1777O0D", "", "                  ", "５2440303MJL177700D");
    private static final List<String> BAD_ENUMS = List.of("", " ", "pdf", "PDF ", "UNKNOWN", "未知", "null", "0", "HIGH_SKILL",
            "ENTERPRISE\u0000", "ＰＤＦ");
    /** Each with whether an integer field (a count, never negative) takes it. */
    private static final Map<String, Boolean> INTS = Map.ofEntries(Map.entry("-1", false), Map.entry("1.5", false),
            Map.entry("2.0", false), Map.entry("1e400", false), Map.entry("-1e400", false), Map.entry("2147483648", false),
            Map.entry("-2147483649", false), Map.entry("1e2", false), Map.entry("\"2\"", false), Map.entry("\"NaN\"", false),
            Map.entry("\"Infinity\"", false), Map.entry("0", true), Map.entry("-0", true), Map.entry("2147483647", true),
            Map.entry("99999999999999999999999999999999", false), Map.entry("true", false), Map.entry("null", false));
    /** Each with whether a rubric item score takes it (0 to the item's maximum, fractions allowed). */
    private static final Map<String, Boolean> SCORES = Map.ofEntries(Map.entry("-1", false), Map.entry("-0.01", false),
            Map.entry("1.5", true), Map.entry("0", true), Map.entry("-0", true), Map.entry("1e400", false),
            Map.entry("-1e400", false), Map.entry("1000", false), Map.entry("1e-400", false), Map.entry("\"18\"", false),
            Map.entry("\"NaN\"", false), Map.entry("99999999999999999999999999999999", false), Map.entry("null", false));
    private static final List<String> WEIRD_TEXTS = List.of("\u0000", "😀", "\u202e罗湖区", "a\nb", "\ufeff", "\\", "\"", "</script>",
            "𠮷野家", "null", "0");
    private static final List<String> BLANK_TEXTS = List.of("", " ", "\t\n", "\u3000");
    private static final List<String> UNKNOWN_KEYS = List.of("legallyEstablised", "ID", "", " ", "id ", "__proto__", "$ref",
            "\u0000", "未知字段", "😀");
    private static final List<String> NOT_YEARS = List.of("20x1", "", "2024 ", "２０２４", "12345", "-202", "year");
    private static final List<JsonNode> WRONG_TYPES = List.of(NODES.textNode("x"), NODES.numberNode(1), NODES.numberNode(1.5),
            NODES.booleanNode(true), NODES.booleanNode(false), NODES.arrayNode(), NODES.objectNode(),
            NODES.arrayNode().add(1), NODES.objectNode().put("a", 1));
    private static final List<JsonNode> NOT_RECORDS = List.of(NODES.numberNode(1), NODES.textNode("LH2024-001"), NODES.nullNode(),
            NODES.booleanNode(true), NODES.arrayNode(), NODES.arrayNode().add(NODES.objectNode()));
    private static final List<byte[]> INVALID_UTF8 = List.of(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xFE},
            new byte[] {(byte) 0xC0, (byte) 0x80}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0x80},
            new byte[] {(byte) 0xE4, (byte) 0xB8}, new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80});
    private static final List<String> TRAILING = List.of("x", "]", "}", "[]", "{}", "null", ",", "\u0000", "0", "\"s\"",
            "/* note */", "# note", "\u00a0");
    private static final List<String> NOT_ARRAYS = List.of("\"applications\"", "42", "true", "null", "-", "NaN");

    private static final Pattern ELEMENT = Pattern.compile(".*\\[\\d+]");

    private HostileJson() {
    }

    // ---------------------------------------------------------------- applications

    /** Files of applications for {@code ApplicationJson.readAll} and {@code assess}. */
    public static Gen<HostileFile> applicationFiles() {
        return in -> {
            Dice dice = new Dice(in);
            List<String> ids = List.of("LH2024-001", "LH2024-002", "LH2024-003", "LH2024-004");
            return recordFile(dice, "applications", 6, () -> application(dice, dice.pick(ids)), HostileJson::applicationSlot);
        };
    }

    /** A valid application of the contract, varied in everything that is free. */
    static ObjectNode application(Dice dice, String id) {
        CarrierType type = dice.pick(List.of(CarrierType.values()));
        String name = dice.pick(List.of("深圳市罗湖区示例职业培训学校", "深圳市翠竹精密制造（集团）有限公司", "罗湖区农业技术推广协会"));
        ObjectNode app = NODES.objectNode();
        app.put("id", id);
        app.put("carrierType", type.name());
        app.put("submittedAt", dice.pick(List.of("2024-08-20T10:15:00+08:00", "2024-08-12T00:00:00", "2024-08-25T18:00:00+08:00",
                "2024-08-25T10:30:00Z", "2024-08-11T23:59:59+08:00", "2024-08-20T10:15:00.5-03:30")));
        app.putObject("applicant")
                .put("name", name)
                .put("creditCode", creditCode(dice))
                .put("type", dice.pick(List.of(ApplicantType.values())).name())
                .put("hasTrainingFunction", dice.chance(80))
                .put("legallyEstablished", dice.chance(90))
                .put("registeredDistrict", dice.pick(List.of("罗湖区", "深圳市罗湖区", "南山区")));
        ArrayNode materials = app.putArray("materials");
        List<String> codes = List.of("APPLICATION_FORM", "LEGAL_REGISTRATION", "CREDIT_COMMITMENT", "TRAINING_RECORD", "FACILITIES",
                "FACULTY", "MASTER_CREDENTIALS", "STUDIO_PLAN", "RURAL_TRAINING_PLAN");
        int count = dice.between(0, 7);
        for (int i = 0; i < count; i++) {
            materials.addObject()
                    .put("code", dice.pick(codes))
                    .put("fileName", dice.pick(List.of("申报表.pdf", "信用承诺书.pdf", "scan.jpg", "培训开展情况.docx")))
                    .put("format", dice.pick(List.of(FileFormat.values())).name())
                    .put("sealed", dice.chance(85)).put("legible", dice.chance(85))
                    .put("pagesComplete", dice.chance(85)).put("skewed", dice.chance(15));
        }
        if (dice.chance(85)) {
            app.putObject("paperCopy").put("copies", dice.between(0, 3)).put("paperSize", dice.pick(List.of("A4", "A3", "Letter")))
                    .put("bound", dice.chance(85)).put("tableOfContents", dice.chance(85)).put("pageNumbers", dice.chance(85));
        } else if (dice.chance(50)) {
            app.putNull("paperCopy");
        }
        if (dice.chance(85)) {
            ObjectNode copy = app.putObject("electronicCopy");
            ArrayNode files = copy.putArray("files");
            int n = dice.between(0, 3);
            for (int i = 0; i < n; i++) {
                files.addObject().put("fileName", name + dice.pick(List.of(".pdf", ".docx", ".zip")))
                        .put("format", dice.pick(List.of(FileFormat.values())).name());
            }
            copy.put("orderMatchesPaper", dice.chance(85));
        }
        return app;
    }

    private static String creditCode(Dice dice) {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        Random random = new Random(dice.seed());
        StringBuilder first17 = new StringBuilder("91440303");
        while (first17.length() < 17) {
            first17.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return first17.toString() + CreditCode.checkCharacter(first17.toString());
    }

    private static Slot applicationSlot(String path, JsonNode parent, String name, int index, JsonNode value) {
        boolean element = ELEMENT.matcher(path).matches();
        boolean optional = path.equals("paperCopy") || path.equals("electronicCopy");
        Kind kind = structural(value);
        if (value.isTextual()) {
            kind = switch (name) {
                case "carrierType", "type", "format" -> Kind.ENUM;
                case "submittedAt" -> Kind.DATE_TIME;
                case "creditCode" -> Kind.CREDIT_CODE;
                default -> Kind.TEXT;
            };
        }
        return new Slot(path, parent, name, index, value, kind, element || optional, optional, Expect.VALID);
    }

    // ---------------------------------------------------------------- carriers

    /** Files of recognised carriers for {@code CarrierJson.readAll} and {@code supervise}. */
    public static Gen<HostileFile> carrierFiles() {
        return in -> {
            Dice dice = new Dice(in);
            List<String> ids = List.of("SZ-2020-017", "SZ-2021-002", "SZ-2022-009");
            return recordFile(dice, "carriers", 6, () -> carrier(dice, dice.pick(ids)), HostileJson::carrierSlot);
        };
    }

    static ObjectNode carrier(Dice dice, String id) {
        int year = dice.between(2015, 2024);
        ObjectNode carrier = NODES.objectNode();
        carrier.put("carrierId", id);
        carrier.put("name", dice.pick(List.of("深圳市罗湖区示例技能大师工作室", "罗湖区乡村振兴技能工作站", "SZ base")));
        carrier.put("carrierType", dice.pick(List.of(CarrierType.values())).name());
        carrier.put("recognizedOn", date(year, dice.between(1, 12), dice.between(1, 28)));
        ArrayNode events = carrier.putArray("events");
        int n = dice.between(0, 3);
        int first = dice.below(EventType.values().length);
        for (int i = 0; i < n; i++) {
            // Distinct by construction (each of another type), and after recognition.
            events.addObject().put("type", EventType.values()[(first + i) % EventType.values().length].name())
                    .put("date", date(year + 1 + dice.between(0, 4), dice.between(1, 12), dice.between(1, 28)));
        }
        ObjectNode activity = carrier.putObject("trainingActivity");
        for (int y = year + 1; y <= 2024; y++) {
            if (dice.chance(70)) {
                activity.put(Integer.toString(y), dice.chance(40) ? 0 : dice.between(1, 400));
            }
        }
        return carrier;
    }

    private static String date(int year, int month, int day) {
        return String.format(Locale.ROOT, "%04d-%02d-%02d", year, month, day);
    }

    private static Slot carrierSlot(String path, JsonNode parent, String name, int index, JsonNode value) {
        boolean element = ELEMENT.matcher(path).matches();
        boolean year = path.startsWith("trainingActivity.");
        Kind kind = path.equals("trainingActivity") ? Kind.YEAR_KEYED : structural(value);
        if (value.isTextual()) {
            kind = switch (name) {
                case "carrierType", "type" -> Kind.ENUM;
                case "recognizedOn", "date" -> Kind.DATE;
                default -> Kind.TEXT;
            };
        }
        return new Slot(path, parent, name, index, value, kind, element || year, false, Expect.VALID);
    }

    // ---------------------------------------------------------------- allocate input

    /** Allocate inputs {@code {round, applications, reviews, objections}} for {@code AllocationJson.read} and {@code allocate}. */
    public static Gen<HostileFile> allocationFiles() {
        return in -> {
            Dice dice = new Dice(in);
            ObjectNode round = allocationInput(dice);
            List<String> done = new ArrayList<>();
            Expect whole = Expect.VALID;
            int corruptions = dice.between(0, 2);
            for (int i = 0; i < corruptions; i++) {
                List<Slot> slots = slots(round, "", HostileJson::allocationSlot);
                Expected expected = corrupt(dice, dice.pick(slots));
                done.add(expected.corruption());
                whole = combine(whole, expected.expect());
            }
            ReadLimits limits = limits(dice, round);
            boolean tooMany = false;
            for (String name : List.of("applications", "reviews", "objections")) {
                JsonNode array = round.path(name);
                if (array.isArray()) {
                    tooMany |= array.size() > limits.maxRecords();
                    for (JsonNode element : array) {
                        if (firstLongArray(element, "", limits.maxRecords()) != null) {
                            whole = Expect.INVALID;
                        }
                    }
                }
            }
            return file(dice, "allocate input " + done, round, limits, List.of(), whole, tooMany);
        };
    }

    /** A valid round: applications, a review for some, objections to some, perhaps a notice start. */
    static ObjectNode allocationInput(Dice dice) {
        ObjectNode round = NODES.objectNode().put("round", "luohu-2024");
        ArrayNode applications = round.putArray("applications");
        ArrayNode reviews = round.putArray("reviews");
        ArrayNode objections = round.putArray("objections");
        int n = dice.between(0, 5);
        for (int i = 0; i < n; i++) {
            String id = "LH2024-" + (100 + i);
            applications.add(application(dice, id));
            if (dice.chance(75)) {
                ObjectNode review = reviews.addObject().put("applicationId", id).put("siteVisitPassed", dice.chance(85));
                ArrayNode sheets = review.putArray("expertScores");
                int experts = dice.between(1, 6);
                for (int e = 0; e < experts; e++) {
                    sheets.addObject().put("expert", "E" + (e + 1)).putObject("items")
                            .put("FOUNDATION", dice.between(0, 20)).put("FACULTY", dice.between(0, 20))
                            .put("TRAINING_PERFORMANCE", dice.between(0, 25)).put("INDUSTRY_FIT", dice.between(0, 15))
                            .put("MANAGEMENT", dice.between(0, 10)).put("PLAN", dice.chance(30) ? 7.5 : dice.between(0, 10));
                }
            }
            if (dice.chance(20)) {
                objections.addObject().put("applicationId", id).put("upheld", dice.chance(50));
            }
        }
        if (dice.chance(30)) {
            round.put("noticeStart", dice.pick(List.of("2024-09-11", "2024-09-30", "2025-01-27")));
        }
        return round;
    }

    private static Slot allocationSlot(String path, JsonNode parent, String name, int index, JsonNode value) {
        if (path.startsWith("applications[") && path.indexOf('.') > 0) {
            Slot inside = applicationSlot(path.substring(path.indexOf('.') + 1), parent, name, index, value);
            // An application's id is referred to by its review and objections: changing it may leave them orphaned.
            Kind kind = path.endsWith("].id") ? Kind.REFERENCE : inside.kind();
            return new Slot(path, parent, name, index, value, kind, inside.removable(), inside.nullable(), inside.removal());
        }
        boolean element = ELEMENT.matcher(path).matches();
        Kind kind = structural(value);
        boolean removable = element || path.equals("noticeStart");
        Expect removal = Expect.VALID;
        if (path.startsWith("applications[") || path.matches("reviews\\[\\d+]\\.expertScores\\[\\d+]")) {
            // An orphaned review or objection, or a review left without experts, is refused when allocating.
            removal = Expect.EITHER;
        }
        if (value.isTextual()) {
            kind = switch (name) {
                case "noticeStart" -> Kind.DATE;
                case "round", "applicationId" -> Kind.REFERENCE;
                default -> Kind.TEXT;
            };
        } else if (value.isNumber()) {
            kind = Kind.NUMBER;
        }
        return new Slot(path, parent, name, index, value, kind, removable, path.equals("noticeStart"), removal);
    }

    // ---------------------------------------------------------------- files of records

    private interface RecordMaker {
        ObjectNode make();
    }

    private static HostileFile recordFile(Dice dice, String what, int maxRecords, RecordMaker maker, Schema schema) {
        int n = dice.between(0, maxRecords);
        List<JsonNode> records = new ArrayList<>();
        List<Expected> expected = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (dice.chance(6)) {
                JsonNode notARecord = dice.pick(NOT_RECORDS);
                records.add(notARecord.deepCopy());
                expected.add(new Expected(Expect.INVALID, "$", "not an object: " + notARecord));
                continue;
            }
            ObjectNode record = maker.make();
            Expected e = Expected.valid("unchanged");
            if (dice.chance(65)) {
                e = corrupt(dice, dice.pick(slots(record, "", schema)));
            }
            records.add(record);
            expected.add(e);
        }
        boolean single = n == 1 && records.get(0).isObject() && dice.chance(20);
        JsonNode document = single ? records.get(0) : NODES.arrayNode().addAll(records);
        ReadLimits limits = limits(dice, document);
        for (int i = 0; i < records.size(); i++) {
            String tooLong = firstLongArray(records.get(i), "", limits.maxRecords());
            if (tooLong != null) {
                expected.set(i, new Expected(Expect.INVALID, tooLong.isEmpty() ? "$" : tooLong, "array over maxRecords"));
            }
        }
        return file(dice, n + " " + what + (single ? " (one object)" : "") + " " + expected, document, limits, expected, null,
                !single && records.size() > limits.maxRecords());
    }

    /** Default limits mostly; else limits near the file's own size, so that some are hit and some just not. */
    private static ReadLimits limits(Dice dice, JsonNode document) {
        if (!dice.chance(30)) {
            return ReadLimits.DEFAULTS;
        }
        int size = document.toString().length();
        return new ReadLimits(dice.between(Math.max(1, size / 2), size * 3 + 10), dice.between(1, 8), dice.between(8, 400),
                dice.between(2, 12));
    }

    private static HostileFile file(Dice dice, String description, JsonNode document, ReadLimits limits, List<Expected> records,
                                    Expect whole, boolean tooManyRecords) {
        boolean escape = hasLoneSurrogate(document) || dice.chance(15);
        boolean pretty = dice.chance(50);
        String text = write(document, pretty, escape);
        byte[] bytes;
        boolean malformed = false;
        boolean replaced = false;
        int badLine = 0;
        String how;
        int shape = dice.chance(30) ? dice.between(5, 12) : dice.between(0, 4);
        switch (shape) {
            case 0 -> {
                how = "UTF-8";
                bytes = text.getBytes(StandardCharsets.UTF_8);
            }
            case 1 -> {
                how = "UTF-8 with BOM";
                bytes = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, text.getBytes(StandardCharsets.UTF_8));
            }
            case 2 -> {
                how = "UTF-16BE with BOM";
                bytes = concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, text.getBytes(StandardCharsets.UTF_16BE));
            }
            case 3 -> {
                how = "UTF-16LE with BOM";
                bytes = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE));
            }
            case 4 -> {
                how = "whitespace around";
                bytes = (" \r\n\t" + text + "\n\n ").getBytes(StandardCharsets.UTF_8);
            }
            case 5 -> {
                String garbage = dice.pick(TRAILING);
                how = "trailing " + garbage;
                malformed = true;
                bytes = (text + garbage).getBytes(StandardCharsets.UTF_8);
            }
            case 6 -> {
                byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
                int cut = dice.below(utf8.length);
                how = "truncated at byte " + cut;
                malformed = true;
                bytes = Arrays.copyOf(utf8, cut);
            }
            case 7 -> {
                byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
                byte[] bad = dice.pick(INVALID_UTF8);
                int at = dice.below(utf8.length + 1);
                how = "invalid UTF-8 " + hex(bad) + " at byte " + at;
                malformed = true;
                badLine = 1;
                for (int i = 0; i < at; i++) {
                    badLine += utf8[i] == '\n' ? 1 : 0;
                }
                bytes = concat(Arrays.copyOf(utf8, at), bad, Arrays.copyOfRange(utf8, at, utf8.length));
            }
            case 8 -> {
                how = "GBK";
                bytes = text.getBytes(Charset.forName("GBK"));
                malformed = !decodesAsUtf8(bytes);
            }
            case 9 -> {
                how = dice.chance(50) ? "empty" : "whitespace only";
                malformed = true;
                replaced = true;
                bytes = (how.equals("empty") ? "" : " \n\t\r\n ").getBytes(StandardCharsets.UTF_8);
            }
            case 10 -> {
                String value = dice.pick(NOT_ARRAYS);
                how = "not an array: " + value;
                replaced = true;
                boolean json = !value.equals("-") && !value.equals("NaN");
                // The allocate input is one value read whole; a value of the wrong shape is an error at "$", not in the file.
                malformed = whole == null || !json;
                whole = whole == null ? null : Expect.INVALID;
                bytes = value.getBytes(StandardCharsets.UTF_8);
            }
            case 11 -> {
                int brace = text.indexOf('{');
                if (brace < 0) {
                    how = "trailing ]";
                    bytes = (text + "]").getBytes(StandardCharsets.UTF_8);
                } else {
                    how = "repeated key";
                    bytes = (text.substring(0, brace + 1) + "\"dup\": 1, \"dup\": 2, " + text.substring(brace + 1))
                            .getBytes(StandardCharsets.UTF_8);
                }
                malformed = true;
            }
            default -> {
                how = "deeply nested garbage";
                malformed = true;
                replaced = true;
                bytes = ("[".repeat(100_000) + "]".repeat(99_999)).getBytes(StandardCharsets.UTF_8);
            }
        }
        // The limits the content is past: the document's own, unless the shape put something else in its place.
        JsonNode content = replaced ? parseOrNull(new String(bytes, StandardCharsets.UTF_8)) : document;
        Set<ReadLimits.Limit> hit = EnumSet.noneOf(ReadLimits.Limit.class);
        if (tooManyRecords && !replaced) {
            hit.add(ReadLimits.Limit.MAX_RECORDS);
        }
        if (content != null && depth(content) > limits.maxDepth()) {
            hit.add(ReadLimits.Limit.MAX_DEPTH);
        }
        if (content != null && longestString(content) > limits.maxStringLength()) {
            hit.add(ReadLimits.Limit.MAX_STRING_LENGTH);
        }
        if (!malformed && bytes.length > limits.maxBytes()) {
            hit.add(ReadLimits.Limit.MAX_BYTES);
        }
        return new HostileFile(description + " as " + how + (pretty ? ", pretty" : "") + (escape ? ", escaped" : ""), bytes, limits,
                hit, malformed, badLine, records, whole);
    }

    // ---------------------------------------------------------------- corruption

    /** Changes one value in place and says what must come of the record. */
    private static Expected corrupt(Dice dice, Slot slot) {
        int choice = dice.below(9);
        switch (choice) {
            case 0:
                if (slot.parent() == null) {
                    break;
                }
                remove(slot);
                return new Expected(slot.removable() ? slot.removal() : Expect.INVALID, slot.path(), "removed " + slot.path());
            case 1:
                if (slot.parent() == null) {
                    break;
                }
                replace(slot, NODES.nullNode());
                return new Expected(slot.nullable() ? Expect.VALID : Expect.INVALID, slot.path(), "null at " + slot.path());
            case 2: {
                JsonNode other = dice.pick(WRONG_TYPES);
                if (slot.parent() == null || other.getNodeType() == slot.value().getNodeType()
                        || slot.kind() == Kind.NUMBER && other.isNumber() || slot.kind() == Kind.INT && other.isIntegralNumber()) {
                    break;
                }
                replace(slot, other.deepCopy());
                return new Expected(Expect.INVALID, slot.path(), "wrong type " + other + " at " + slot.path());
            }
            case 3:
                if (slot.value().isObject()) {
                    String key = slot.kind() == Kind.YEAR_KEYED ? dice.pick(NOT_YEARS) : dice.pick(UNKNOWN_KEYS);
                    if (slot.value().has(key)) {
                        break;
                    }
                    ((ObjectNode) slot.value()).put(key, 1);
                    // Reading names the key; an unknown item of a score sheet is refused when allocating.
                    String path = slot.path().isEmpty() ? key : slot.path() + "." + key;
                    return new Expected(Expect.INVALID, slot.path().endsWith(".items") ? slot.path() : path, "unknown key \"" + key + "\"");
                }
                break;
            case 4:
                if (slot.parent() == null) {
                    break;
                }
                return badValue(dice, slot);
            case 5: {
                if (slot.parent() == null) {
                    break;
                }
                int depth = dice.between(1, 60);
                boolean arrays = dice.chance(50);
                JsonNode deep = NODES.numberNode(1);
                for (int i = 0; i < depth; i++) {
                    deep = arrays ? NODES.arrayNode().add(deep) : NODES.objectNode().set("a", deep);
                }
                replace(slot, deep);
                return new Expected(Expect.INVALID, slot.path(), "nested " + depth + (arrays ? " arrays" : " objects") + " at " + slot.path());
            }
            case 6: {
                if (slot.parent() == null || !slot.value().isTextual()) {
                    break;
                }
                int length = dice.pick(List.of(1_000, 9_999, 10_000, 10_001, 30_000));
                String text = longString(dice.seed(), length);
                replace(slot, NODES.textNode(text));
                Expect expect = slot.kind() == Kind.TEXT ? Expect.VALID : Expect.INVALID;
                if (slot.kind() == Kind.REFERENCE && slot.path().startsWith("applications[")) {
                    expect = Expect.EITHER;
                }
                return new Expected(expect, slot.path(), "string of " + length + " at " + slot.path());
            }
            case 7: {
                if (slot.parent() == null || !slot.value().isTextual()) {
                    break;
                }
                boolean blank = dice.chance(40);
                String text = blank ? dice.pick(BLANK_TEXTS) : dice.pick(WEIRD_TEXTS);
                boolean lone = !blank && dice.chance(25);
                if (lone) {
                    text = "\ud800" + text;
                }
                replace(slot, NODES.textNode(text));
                Expect expect = blank || lone || slot.kind() != Kind.TEXT ? Expect.INVALID : Expect.VALID;
                if (slot.kind() == Kind.REFERENCE && !blank && !lone) {
                    expect = slot.path().startsWith("applications[") ? Expect.EITHER : Expect.INVALID;
                }
                return new Expected(expect, slot.path(), "text \"" + text + "\" at " + slot.path());
            }
            default:
                break;
        }
        return Expected.valid("unchanged");
    }

    private static Expected badValue(Dice dice, Slot slot) {
        String text;
        Expect expect = Expect.INVALID;
        switch (slot.kind()) {
            case ENUM -> text = dice.pick(BAD_ENUMS);
            case DATE_TIME -> text = dice.pick(BAD_DATE_TIMES);
            case DATE -> text = slot.path().matches("events\\[\\d+]\\.date") && dice.chance(30) ? "2001-01-01" : dice.pick(BAD_DATES);
            case CREDIT_CODE -> text = dice.pick(BAD_CREDIT_CODES);
            case INT, NUMBER -> {
                Map<String, Boolean> table = slot.kind() == Kind.INT ? INTS : SCORES;
                String number = dice.pick(table.keySet().stream().sorted().toList());
                replace(slot, parse(number));
                return new Expected(table.get(number) ? Expect.VALID : Expect.INVALID, slot.path(), number + " at " + slot.path());
            }
            case BOOL -> {
                JsonNode value = dice.pick(List.of(NODES.textNode("true"), NODES.numberNode(1), NODES.numberNode(0), NODES.textNode("yes")));
                replace(slot, value);
                return new Expected(Expect.INVALID, slot.path(), value + " at " + slot.path());
            }
            case REFERENCE -> {
                text = dice.pick(List.of("LH2024-999", "luohu-2023", "lh2024-100"));
                expect = slot.path().startsWith("applications[") ? Expect.EITHER : Expect.INVALID;
            }
            case TEXT -> {
                text = dice.pick(BLANK_TEXTS);
            }
            default -> {
                return Expected.valid("unchanged");
            }
        }
        replace(slot, NODES.textNode(text));
        return new Expected(expect, slot.path(), "\"" + text + "\" at " + slot.path());
    }

    private static JsonNode parseOrNull(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(json, e);
        }
    }

    private static String longString(long seed, int length) {
        Random random = new Random(seed);
        String alphabet = "罗湖区培训abcXYZ019 -_.😀";
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            int at = random.nextInt(alphabet.length() - 1);
            char c = alphabet.charAt(at);
            if (Character.isHighSurrogate(c)) {
                if (text.length() + 2 > length) {
                    continue;
                }
                text.append(c).append(alphabet.charAt(at + 1));
            } else if (!Character.isLowSurrogate(c)) {
                text.append(c);
            }
        }
        return text.toString();
    }

    private static Expect combine(Expect a, Expect b) {
        if (a == Expect.INVALID || b == Expect.INVALID) {
            return Expect.INVALID;
        }
        return a == Expect.EITHER || b == Expect.EITHER ? Expect.EITHER : Expect.VALID;
    }

    // ---------------------------------------------------------------- trees

    private static Kind structural(JsonNode value) {
        if (value.isObject()) {
            return Kind.OBJECT;
        }
        if (value.isArray()) {
            return Kind.ARRAY;
        }
        if (value.isBoolean()) {
            return Kind.BOOL;
        }
        return value.isNumber() ? Kind.INT : Kind.TEXT;
    }

    /** Every value of a record, the record itself first (with no parent), in document order. */
    private static List<Slot> slots(JsonNode root, String path, Schema schema) {
        List<Slot> slots = new ArrayList<>();
        slots.add(schema.slot(path, null, null, -1, root));
        collect(root, path, schema, slots);
        return slots;
    }

    private static void collect(JsonNode node, String path, Schema schema, List<Slot> slots) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                slots.add(schema.slot(child, node, field.getKey(), -1, field.getValue()));
                collect(field.getValue(), child, schema, slots);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String child = path + "[" + i + "]";
                slots.add(schema.slot(child, node, null, i, node.get(i)));
                collect(node.get(i), child, schema, slots);
            }
        }
    }

    private static void remove(Slot slot) {
        if (slot.parent().isObject()) {
            ((ObjectNode) slot.parent()).remove(slot.name());
        } else {
            ((ArrayNode) slot.parent()).remove(slot.index());
        }
    }

    private static void replace(Slot slot, JsonNode value) {
        if (slot.parent().isObject()) {
            ((ObjectNode) slot.parent()).set(slot.name(), value);
        } else {
            ((ArrayNode) slot.parent()).set(slot.index(), value);
        }
    }

    /** The path of the first array (in document order) longer than {@code max}, or null. */
    private static String firstLongArray(JsonNode node, String path, int max) {
        if (node.isArray()) {
            if (node.size() > max) {
                return path;
            }
            for (int i = 0; i < node.size(); i++) {
                String found = firstLongArray(node.get(i), path + "[" + i + "]", max);
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String found = firstLongArray(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), max);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** Levels of nested arrays and objects, as Jackson counts them: {@code [{}]} is 2. */
    static int depth(JsonNode node) {
        if (!node.isContainerNode()) {
            return 0;
        }
        int deepest = 0;
        for (JsonNode child : node) {
            deepest = Math.max(deepest, depth(child));
        }
        return deepest + 1;
    }

    /** The longest string value or key, in UTF-16 units, as Jackson counts them. */
    static int longestString(JsonNode node) {
        int longest = node.isTextual() ? node.textValue().length() : 0;
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                longest = Math.max(longest, Math.max(field.getKey().length(), longestString(field.getValue())));
            }
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                longest = Math.max(longest, longestString(child));
            }
        }
        return longest;
    }

    private static boolean hasLoneSurrogate(JsonNode node) {
        String text = node.toString();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** JSON text; with {@code escape}, every non-ASCII character as a backslash-u escape, lone surrogates included. */
    private static String write(JsonNode document, boolean pretty, boolean escape) {
        ObjectWriter writer = pretty ? JSON.writerWithDefaultPrettyPrinter() : JSON.writer();
        if (escape) {
            writer = writer.with(JsonWriteFeature.ESCAPE_NON_ASCII);
        }
        try {
            return writer.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean decodesAsUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    private static String hex(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            text.append(String.format(Locale.ROOT, "%02X", b & 0xFF));
        }
        return text.toString();
    }
}

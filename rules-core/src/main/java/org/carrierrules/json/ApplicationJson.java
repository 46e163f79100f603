package org.carrierrules.json;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.carrierrules.application.Applicant;
import org.carrierrules.application.ApplicantType;
import org.carrierrules.application.Application;
import org.carrierrules.CarrierType;
import org.carrierrules.application.ElectronicCopy;
import org.carrierrules.application.ElectronicFile;
import org.carrierrules.application.FileFormat;
import org.carrierrules.InvalidInputException;
import org.carrierrules.application.Material;
import org.carrierrules.application.PaperCopy;

/**
 * Applications in the contract's JSON form ({@code shared/spec/contract.md}, "Application").
 * Reading is strict and never guesses: a missing field, a wrong type, an unknown enum value or key,
 * a bad credit code or date makes that one record an {@link InputRecord.Invalid} naming the field,
 * while the records around it are still read.
 */
public final class ApplicationJson {
    /** The contract: "A timestamp without an offset is Beijing time (Asia/Shanghai)". */
    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final String NOUN = "申报记录";

    /**
     * Strict (a repeated key is an error) and within the default {@link ReadLimits}, also for a JSON string read
     * whole. Numbers are read as written: as BigDecimal, never double, with their scale kept (a score 80.00
     * reads back as 80.00), so that scores and points are never rounded on the way in.
     */
    static final ObjectMapper MAPPER = new ObjectMapper(JsonRecords.factory(ReadLimits.DEFAULTS))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    /**
     * An ISO-8601 date-time as the contract writes it: a four-digit year first. {@code java.time} would also
     * take {@code +999999999-12-31T23:59:59-18:00}, an instant outside any zone's calendar.
     */
    private static final Pattern DATE_TIME = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T.*");

    private static final Set<String> APPLICATION_FIELDS =
            Set.of("id", "carrierType", "submittedAt", "applicant", "materials", "paperCopy", "electronicCopy");
    private static final Set<String> APPLICANT_FIELDS = Set.of("name", "creditCode", "type", "hasTrainingFunction",
            "legallyEstablished", "registeredDistrict");
    private static final Set<String> MATERIAL_FIELDS =
            Set.of("code", "fileName", "format", "sealed", "legible", "pagesComplete", "skewed");
    private static final Set<String> PAPER_FIELDS = Set.of("copies", "paperSize", "bound", "tableOfContents", "pageNumbers");
    private static final Set<String> ELECTRONIC_FIELDS = Set.of("files", "orderMatchesPaper");
    private static final Set<String> FILE_FIELDS = Set.of("fileName", "format");

    private ApplicationJson() {
    }

    /** Every record of a file holding a JSON array of applications (or a single application), within the default limits. */
    public static List<InputRecord> readAll(Path file) {
        return readAll(file, ReadLimits.DEFAULTS);
    }

    /**
     * Every record of a file holding a JSON array of applications (or a single application).
     *
     * @throws JsonFileException  when the file is not JSON, or neither an array nor an object
     * @throws ReadLimitException when it is past one of {@code limits}
     */
    public static List<InputRecord> readAll(Path file, ReadLimits limits) {
        return JsonRecords.readAll(file, NOUN, limits, records(limits));
    }

    /** Every record of a JSON array of applications (or a single application object), within the default limits. */
    public static List<InputRecord> readAll(InputStream in, String source) {
        return readAll(in, source, ReadLimits.DEFAULTS);
    }

    /**
     * Every record of a JSON array of applications (or a single application object).
     *
     * @throws JsonFileException  when the input is not JSON, or neither an array nor an object
     * @throws ReadLimitException when it is past one of {@code limits}
     */
    public static List<InputRecord> readAll(InputStream in, String source, ReadLimits limits) {
        return JsonRecords.readAll(in, source, NOUN, limits, records(limits));
    }

    /** A reader of one file's records, which remembers the ids it has seen. */
    private static JsonRecords.Element<InputRecord> records(ReadLimits limits) {
        Map<String, Integer> firstPositionOfId = new HashMap<>();
        return (position, line, node) -> record(position, line, node, limits, firstPositionOfId);
    }

    private static InputRecord record(int position, int line, JsonNode node, ReadLimits limits,
                                      Map<String, Integer> firstPositionOfId) {
        String id = node.isObject() && node.path("id").isTextual() ? node.path("id").textValue() : null;
        try {
            JsonRecords.checkArrays(node, "", limits);
            Application application = read(node);
            Integer earlier = firstPositionOfId.putIfAbsent(application.id(), position);
            if (earlier != null) {
                return new InputRecord.Invalid(position, line, id, InputError.invalid("id",
                        "申报编号“" + id + "”与第" + earlier + "条记录重复；同一批次中每份申报的编号必须唯一"));
            }
            return new InputRecord.Valid(position, line, application);
        } catch (InvalidInputException e) {
            return new InputRecord.Invalid(position, line, id, InputError.invalid(e.field(), e.problem()));
        }
    }

    /** One application from its JSON form; a problem is an {@link InvalidInputException} naming the field. */
    public static Application read(JsonNode node) {
        Fields f = Fields.of(node, "", APPLICATION_FIELDS);
        String id = f.text("id");
        CarrierType carrierType = f.enumValue("carrierType", CarrierType.class);
        Instant submittedAt = instant(f, "submittedAt");
        Applicant applicant = nested("applicant", () -> applicant(Fields.of(f.required("applicant"), "applicant", APPLICANT_FIELDS)));
        List<Material> materials = new ArrayList<>();
        JsonNode array = f.array("materials");
        for (int i = 0; i < array.size(); i++) {
            String path = "materials[" + i + "]";
            JsonNode item = array.get(i);
            materials.add(nested(path, () -> material(Fields.of(item, path, MATERIAL_FIELDS))));
        }
        JsonNode paper = f.optional("paperCopy");
        PaperCopy paperCopy = paper == null ? null
                : nested("paperCopy", () -> paperCopy(Fields.of(paper, "paperCopy", PAPER_FIELDS)));
        JsonNode electronic = f.optional("electronicCopy");
        ElectronicCopy electronicCopy = electronic == null ? null
                : nested("electronicCopy", () -> electronicCopy(Fields.of(electronic, "electronicCopy", ELECTRONIC_FIELDS)));
        return new Application(id, carrierType, submittedAt, applicant, materials, paperCopy, electronicCopy);
    }

    /** One application from a JSON string; anything after it is an error, never a second application silently dropped. */
    public static Application read(String json) {
        try {
            return read(MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(json));
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("$", JsonRecords.problem(e));
        }
    }

    /**
     * Runs a record constructor whose own checks name fields relative to itself ({@code creditCode}),
     * and re-roots those names under the record's place in the application ({@code applicant.creditCode}).
     * Errors raised while reading JSON already carry full paths and pass through unchanged.
     */
    private static <T> T nested(String path, Supplier<T> build) {
        try {
            return build.get();
        } catch (InvalidInputException e) {
            throw e.field().startsWith(path) ? e : e.under(path);
        }
    }

    private static Instant instant(Fields f, String name) {
        String text = f.text(name);
        if (DATE_TIME.matcher(text).matches()) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeException withOffset) {
                try {
                    return LocalDateTime.parse(text).atZone(BEIJING).toInstant();
                } catch (DateTimeException withoutOffset) {
                    // Neither form: the error below names the field and both forms.
                }
            }
        }
        throw new InvalidInputException(f.at(name), "“" + Fields.abbreviate(text)
                + "”不是有效的 ISO-8601 日期时间；应写作 2024-08-20T10:15:00+08:00，或不带时区的 2024-08-20T10:15:00（按北京时间）");
    }

    private static Applicant applicant(Fields f) {
        return new Applicant(f.text("name"), f.text("creditCode"), f.enumValue("type", ApplicantType.class),
                f.bool("hasTrainingFunction"), f.bool("legallyEstablished"), f.text("registeredDistrict"));
    }

    private static Material material(Fields f) {
        return new Material(f.text("code"), f.text("fileName"), f.enumValue("format", FileFormat.class),
                f.bool("sealed"), f.bool("legible"), f.bool("pagesComplete"), f.bool("skewed"));
    }

    private static PaperCopy paperCopy(Fields f) {
        return new PaperCopy(f.integer("copies"), f.text("paperSize"), f.bool("bound"), f.bool("tableOfContents"),
                f.bool("pageNumbers"));
    }

    private static ElectronicCopy electronicCopy(Fields f) {
        List<ElectronicFile> files = new ArrayList<>();
        JsonNode array = f.array("files");
        for (int i = 0; i < array.size(); i++) {
            String path = f.at("files") + "[" + i + "]";
            JsonNode item = array.get(i);
            files.add(nested(path, () -> {
                Fields file = Fields.of(item, path, FILE_FIELDS);
                return new ElectronicFile(file.text("fileName"), file.enumValue("format", FileFormat.class));
            }));
        }
        return new ElectronicCopy(files, f.bool("orderMatchesPaper"));
    }

    /** The contract's JSON form of an application; {@link #read(JsonNode)} gives it back unchanged. */
    public static ObjectNode write(Application application) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", application.id());
        node.put("carrierType", application.carrierType().name());
        node.put("submittedAt", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(application.submittedAt().atZone(BEIJING)));
        Applicant a = application.applicant();
        node.putObject("applicant")
                .put("name", a.name()).put("creditCode", a.creditCode()).put("type", a.type().name())
                .put("hasTrainingFunction", a.hasTrainingFunction()).put("legallyEstablished", a.legallyEstablished())
                .put("registeredDistrict", a.registeredDistrict());
        ArrayNode materials = node.putArray("materials");
        for (Material m : application.materials()) {
            materials.addObject().put("code", m.code()).put("fileName", m.fileName()).put("format", m.format().name())
                    .put("sealed", m.sealed()).put("legible", m.legible()).put("pagesComplete", m.pagesComplete())
                    .put("skewed", m.skewed());
        }
        PaperCopy p = application.paperCopy();
        if (p != null) {
            node.putObject("paperCopy").put("copies", p.copies()).put("paperSize", p.paperSize()).put("bound", p.bound())
                    .put("tableOfContents", p.tableOfContents()).put("pageNumbers", p.pageNumbers());
        }
        ElectronicCopy e = application.electronicCopy();
        if (e != null) {
            ObjectNode copy = node.putObject("electronicCopy");
            ArrayNode files = copy.putArray("files");
            e.files().forEach(file -> files.addObject().put("fileName", file.fileName()).put("format", file.format().name()));
            copy.put("orderMatchesPaper", e.orderMatchesPaper());
        }
        return node;
    }
}

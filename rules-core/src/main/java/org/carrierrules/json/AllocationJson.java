package org.carrierrules.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.carrierrules.Allocation;
import org.carrierrules.AllocationEntry;
import org.carrierrules.AllocationReason;
import org.carrierrules.Application;
import org.carrierrules.CarrierType;
import org.carrierrules.ExpertScore;
import org.carrierrules.InvalidInputException;
import org.carrierrules.NoticePeriod;
import org.carrierrules.Objection;
import org.carrierrules.PolicyRef;
import org.carrierrules.Review;
import org.carrierrules.RoundSubmission;

/**
 * The round's outcome in the contract's JSON form ("Review and allocation"): reading
 * {@code {round, applications, reviews, objections}} strictly, with every error named by its field, and
 * writing one entry per application, in input order, field order fixed. Applications are read as
 * {@link ApplicationJson} reads them. Beyond the contract the input may name {@code noticeStart}, and
 * each entry carries the {@code policy} that decided, as assessments do.
 */
public final class AllocationJson {
    private static final Set<String> ROUND_FIELDS = Set.of("round", "applications", "reviews", "objections", "noticeStart");
    private static final Set<String> REVIEW_FIELDS = Set.of("applicationId", "siteVisitPassed", "expertScores");
    private static final Set<String> SHEET_FIELDS = Set.of("expert", "items");
    private static final Set<String> OBJECTION_FIELDS = Set.of("applicationId", "upheld");

    private AllocationJson() {
    }

    /** The input of a file holding one JSON object {@code {round, applications, reviews, objections}}. */
    public static AllocationInput read(Path file) {
        return read(readTree(file));
    }

    /**
     * The whole file as one JSON value, read strictly: a repeated key or anything after the value is an error.
     *
     * @throws JsonFileException with file, line and column when it is not JSON
     */
    public static JsonNode readTree(Path file) {
        try (InputStream in = Files.newInputStream(file); JsonParser parser = ApplicationJson.MAPPER.createParser(in)) {
            JsonNode node = ApplicationJson.MAPPER.readTree(parser);
            if (node == null) {
                throw new JsonFileException(file.toString(), 1, 1, "文件是空的", null);
            }
            if (parser.nextToken() != null) {
                JsonLocation at = parser.currentLocation();
                throw new JsonFileException(file.toString(), at.getLineNr(), at.getColumnNr(), "JSON 结束后还有多余内容", null);
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new JsonFileException(file.toString(), at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    "不是有效的 JSON：" + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取 " + file, e);
        }
    }

    /**
     * The input from its JSON form. Every application, review and objection is read, and each one that is
     * not valid adds an error naming its field; then the parts are checked against each other
     * ({@link RoundSubmission}).
     */
    public static AllocationInput read(JsonNode node) {
        List<InputError> errors = new ArrayList<>();
        Fields f;
        try {
            f = Fields.of(node, "", ROUND_FIELDS);
        } catch (InvalidInputException e) {
            return new AllocationInput.Invalid(List.of(InputError.invalid(e.field(), e.problem())));
        }
        String round = collect(errors, () -> f.text("round"));
        List<Application> applications = each(f, "applications", errors, (item, path) -> ApplicationJson.read(item));
        List<Review> reviews = each(f, "reviews", errors, AllocationJson::review);
        List<Objection> objections = each(f, "objections", errors, (item, path) -> {
            Fields o = Fields.of(item, path, OBJECTION_FIELDS);
            return new Objection(o.text("applicationId"), o.bool("upheld"));
        });
        LocalDate noticeStart = collect(errors, () -> noticeStart(f));
        if (!errors.isEmpty()) {
            return new AllocationInput.Invalid(errors);
        }
        try {
            return new AllocationInput.Valid(new RoundSubmission(round, applications, reviews, objections), noticeStart);
        } catch (InvalidInputException e) {
            return new AllocationInput.Invalid(List.of(InputError.invalid(e.field(), e.problem())));
        }
    }

    private static <T> T collect(List<InputError> errors, Supplier<T> part) {
        try {
            return part.get();
        } catch (InvalidInputException e) {
            errors.add(InputError.invalid(e.field(), e.problem()));
            return null;
        }
    }

    /**
     * Every element of the array {@code name}, each read on its own so that one bad element hides no other.
     * Errors that records name relative to themselves ({@code applicant.creditCode}) are re-rooted under the
     * element ({@code applications[3].applicant.creditCode}); those read with full paths pass unchanged.
     */
    private static <T> List<T> each(Fields f, String name, List<InputError> errors, BiFunction<JsonNode, String, T> read) {
        JsonNode array = collect(errors, () -> f.array(name));
        List<T> values = new ArrayList<>();
        if (array == null) {
            return values;
        }
        for (int i = 0; i < array.size(); i++) {
            String path = name + "[" + i + "]";
            JsonNode item = array.get(i);
            T value = collect(errors, () -> {
                try {
                    return read.apply(item, path);
                } catch (InvalidInputException e) {
                    throw e.field().startsWith(path) ? e : e.under(path);
                }
            });
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    private static Review review(JsonNode node, String path) {
        Fields f = Fields.of(node, path, REVIEW_FIELDS);
        String applicationId = f.text("applicationId");
        boolean siteVisitPassed = f.bool("siteVisitPassed");
        JsonNode array = f.array("expertScores");
        List<ExpertScore> sheets = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String sheetPath = f.at("expertScores") + "[" + i + "]";
            Fields sheet = Fields.of(array.get(i), sheetPath, SHEET_FIELDS);
            String expert = sheet.text("expert");
            JsonNode items = sheet.required("items");
            if (!items.isObject()) {
                throw new InvalidInputException(sheet.at("items"), "应为评分项代码到分数的对象 {\"FOUNDATION\": 18, …}，实为" + Fields.kind(items));
            }
            Map<String, BigDecimal> points = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = items.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> item = it.next();
                if (!item.getValue().isNumber()) {
                    throw new InvalidInputException(sheet.at("items") + "." + item.getKey(), "应为数字，实为" + Fields.kind(item.getValue()));
                }
                points.put(item.getKey(), item.getValue().decimalValue());
            }
            try {
                sheets.add(new ExpertScore(expert, points));
            } catch (InvalidInputException e) {
                throw e.under(sheetPath);
            }
        }
        return new Review(applicationId, siteVisitPassed, sheets);
    }

    private static LocalDate noticeStart(Fields f) {
        if (f.optional("noticeStart") == null) {
            return null;
        }
        String text = f.text("noticeStart");
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("noticeStart", "“" + text + "”不是有效的日期，应写作 2024-09-11");
        }
    }

    /** The contract's output: one entry per application, in input order. */
    public static ArrayNode write(Allocation allocation) {
        ArrayNode entries = ApplicationJson.MAPPER.createArrayNode();
        allocation.entries().forEach(e -> entries.add(write(e, allocation.policy())));
        return entries;
    }

    private static ObjectNode write(AllocationEntry entry, PolicyRef policy) {
        ObjectNode node = ApplicationJson.MAPPER.createObjectNode();
        node.put("applicationId", entry.applicationId());
        node.put("carrierType", entry.carrierType().name());
        node.put("status", entry.status().name());
        // DecimalNode keeps the score's two decimals (85.00), which the node factory would strip.
        node.set("score", entry.score() == null ? node.nullNode() : DecimalNode.valueOf(entry.score()));
        if (entry.rank() == null) {
            node.putNull("rank");
        } else {
            node.put("rank", entry.rank());
        }
        ArrayNode reasons = node.putArray("reasons");
        for (AllocationReason r : entry.reasons()) {
            reasons.addObject().put("code", r.code()).put("clause", r.clause()).put("message", r.message()).put("rule", r.rule());
        }
        node.putObject("policy").put("round", policy.round()).put("fingerprint", policy.fingerprint());
        return node;
    }

    /**
     * The whole outcome of a round: the contract's entries, with the places left vacant per type and the
     * public notice period of the candidate list.
     */
    public static ObjectNode writeRound(Allocation allocation) {
        ObjectNode node = ApplicationJson.MAPPER.createObjectNode();
        node.putObject("policy").put("round", allocation.policy().round()).put("fingerprint", allocation.policy().fingerprint());
        ObjectNode notice = write(allocation.noticePeriod());
        notice.put("startGiven", allocation.noticeStartGiven());
        node.set("noticePeriod", notice);
        ObjectNode vacancies = node.putObject("vacancies");
        for (CarrierType type : CarrierType.values()) {
            Integer vacant = allocation.vacancies().get(type);
            if (vacant != null) {
                vacancies.put(type.name(), vacant);
            }
        }
        node.set("entries", write(allocation));
        return node;
    }

    /** {@code {"start", "end", "workingDays": [...]}}, dates as ISO-8601. */
    public static ObjectNode write(NoticePeriod period) {
        ObjectNode node = ApplicationJson.MAPPER.createObjectNode();
        node.put("start", period.start().toString());
        node.put("end", period.end().toString());
        ArrayNode days = node.putArray("workingDays");
        period.workingDays().forEach(day -> days.add(day.toString()));
        return node;
    }

    /** {@code {"errors": [{"code", "field", "message"}, …]}}. */
    public static ObjectNode write(List<InputError> errors) {
        ObjectNode node = ApplicationJson.MAPPER.createObjectNode();
        ArrayNode list = node.putArray("errors");
        errors.forEach(e -> list.addObject().put("code", e.code()).put("field", e.field()).put("message", e.message()));
        return node;
    }
}

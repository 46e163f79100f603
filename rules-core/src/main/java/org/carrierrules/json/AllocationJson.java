package org.carrierrules.json;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.carrierrules.allocation.Allocation;
import org.carrierrules.allocation.AllocationEntry;
import org.carrierrules.allocation.AllocationReason;
import org.carrierrules.application.Application;
import org.carrierrules.CarrierType;
import org.carrierrules.allocation.ExpertScore;
import org.carrierrules.InvalidInputException;
import org.carrierrules.notice.NoticePeriod;
import org.carrierrules.allocation.Objection;
import org.carrierrules.PolicyRef;
import org.carrierrules.allocation.ExpertReview;
import org.carrierrules.allocation.RoundSubmission;

/**
 * The round's outcome in the contract's JSON form ("Review and allocation"): reading
 * {@code {round, applications, reviews, objections}} strictly, with every error named by its field, and
 * writing one entry per application, in input order, field order fixed. Applications are read as
 * {@link ApplicationJson} reads them. Beyond the contract the input may name {@code noticeStart}, and
 * each entry carries the {@code policy} that decided, as assessments do.
 */
public final class AllocationJson {
    private static final String APPLICATIONS = "applications";
    private static final String REVIEWS = "reviews";
    private static final String OBJECTIONS = "objections";
    private static final Set<String> ROUND_FIELDS = Set.of("round", APPLICATIONS, REVIEWS, OBJECTIONS, "noticeStart");
    private static final Set<String> REVIEW_FIELDS = Set.of("applicationId", "siteVisitPassed", "expertScores");
    private static final Set<String> SHEET_FIELDS = Set.of("expert", "items");
    private static final Set<String> OBJECTION_FIELDS = Set.of("applicationId", "upheld");
    /** Digits a score may have before and after its decimal point; a rubric item is worth tens of points. */
    private static final int SCORE_DIGITS = 10;

    private AllocationJson() {
    }

    /** The input of a file holding one JSON object {@code {round, applications, reviews, objections}}, within the default limits. */
    public static AllocationInput read(Path file) {
        return read(file, ReadLimits.DEFAULTS);
    }

    /**
     * The input of a file holding one JSON object {@code {round, applications, reviews, objections}}, read as a
     * stream: one record's tree at a time, so that a large round needs memory for its records, not for a tree
     * of the whole file. Each of the three arrays may hold up to {@link ReadLimits#maxRecords()} records.
     *
     * @throws JsonFileException  with file, line and column when it is not JSON
     * @throws ReadLimitException when it is past one of {@code limits}
     */
    public static AllocationInput read(Path file, ReadLimits limits) {
        RoundReader reader = new RoundReader(limits);
        JsonRecords.visit(file, limits, true, reader);
        return reader.finish();
    }

    /** The whole file as one JSON value, within the default limits. */
    public static JsonNode readTree(Path file) {
        return readTree(file, ReadLimits.DEFAULTS);
    }

    /**
     * The whole file as one JSON value, read strictly: a repeated key or anything after the value is an error.
     * The elements of an array at the top, or of an array one level down, count as records.
     *
     * @throws JsonFileException  with file, line and column when it is not JSON
     * @throws ReadLimitException when it is past one of {@code limits}
     */
    public static JsonNode readTree(Path file, ReadLimits limits) {
        return JsonRecords.readTree(file, limits);
    }

    /**
     * The input from its JSON form. Every application, review and objection is read, and each one that is
     * not valid adds an error naming its field; then the parts are checked against each other
     * ({@link RoundSubmission}).
     */
    public static AllocationInput read(JsonNode node) {
        return read(node, null);
    }

    /**
     * As {@link #read(JsonNode)}, refusing also any array inside an application or review longer than
     * {@link ReadLimits#maxRecords()}, as reading a file does (for a tree read with
     * {@link #readTree(Path, ReadLimits)}, such as a round put together from a folder).
     */
    public static AllocationInput read(JsonNode node, ReadLimits limits) {
        RoundReader reader = new RoundReader(limits);
        if (!node.isObject()) {
            reader.value(null, node);
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (value.isArray() && reader.holdsRecords(field.getKey())) {
                reader.array(field.getKey());
                for (int i = 0; i < value.size(); i++) {
                    reader.element(field.getKey(), i, value.get(i));
                }
            } else {
                reader.value(field.getKey(), value);
            }
        }
        return reader.finish();
    }

    /**
     * Reads the allocate input part by part, as it comes, whether from a tree or a stream: each application,
     * review and objection on its own, so that one bad element hides no other. Errors that records name
     * relative to themselves ({@code applicant.creditCode}) are re-rooted under the element
     * ({@code applications[3].applicant.creditCode}); those read with full paths pass unchanged. Errors are
     * given in the order of the contract's fields, whatever the order of the input.
     */
    private static final class RoundReader implements JsonRecords.Visitor {
        private static final List<String> PARTS = List.of("round", APPLICATIONS, REVIEWS, OBJECTIONS, "noticeStart");

        /** When given, arrays inside an element longer than maxRecords are refused; null for a tree handed over as it is. */
        private final ReadLimits limits;
        private final Map<String, List<InputError>> errors = new LinkedHashMap<>();
        private final Set<String> seen = new HashSet<>();
        private InputError notAnInput;
        private String round;
        private LocalDate noticeStart;
        private final List<Application> applications = new ArrayList<>();
        private final List<ExpertReview> reviews = new ArrayList<>();
        private final List<Objection> objections = new ArrayList<>();

        RoundReader(ReadLimits limits) {
            this.limits = limits;
            PARTS.forEach(part -> errors.put(part, new ArrayList<>()));
        }

        @Override
        public boolean holdsRecords(String name) {
            return APPLICATIONS.equals(name) || REVIEWS.equals(name) || OBJECTIONS.equals(name);
        }

        @Override
        public void value(String name, JsonNode value) {
            if (name == null) {
                notAnInput = error(() -> Fields.of(value, "", ROUND_FIELDS));
                return;
            }
            if (!ROUND_FIELDS.contains(name)) {
                // As Fields.of does for a tree: the first unknown key is the one error given.
                if (notAnInput == null) {
                    notAnInput = error(() -> Fields.of(single(name, value), "", ROUND_FIELDS));
                }
                return;
            }
            seen.add(name);
            Fields f = Fields.of(single(name, value), "", ROUND_FIELDS);
            collect(name, () -> {
                switch (name) {
                    case "round" -> round = f.text(name);
                    case "noticeStart" -> noticeStart = f.optional(name) == null ? null : CarrierJson.date(f, name);
                    default -> f.array(name);
                }
                return null;
            });
        }

        @Override
        public void array(String name) {
            seen.add(name);
        }

        @Override
        public void element(String name, int index, JsonNode item) {
            String path = name + "[" + index + "]";
            collect(name, () -> {
                try {
                    if (limits != null) {
                        JsonRecords.checkArrays(item, path, limits);
                    }
                    switch (name) {
                        case APPLICATIONS -> applications.add(ApplicationJson.read(item));
                        case REVIEWS -> reviews.add(review(item, path));
                        default -> {
                            Fields o = Fields.of(item, path, OBJECTION_FIELDS);
                            objections.add(new Objection(o.text("applicationId"), o.bool("upheld")));
                        }
                    }
                    return null;
                } catch (InvalidInputException e) {
                    throw e.field().startsWith(path) ? e : e.under(path);
                }
            });
        }

        AllocationInput finish() {
            if (notAnInput != null) {
                return new AllocationInput.Invalid(List.of(notAnInput));
            }
            Fields none = Fields.of(JsonNodeFactory.instance.objectNode(), "", ROUND_FIELDS);
            for (String part : List.of("round", APPLICATIONS, REVIEWS, OBJECTIONS)) {
                if (!seen.contains(part)) {
                    collect(part, () -> none.required(part));
                }
            }
            List<InputError> all = errors.values().stream().flatMap(List::stream).toList();
            if (!all.isEmpty()) {
                return new AllocationInput.Invalid(all);
            }
            try {
                return new AllocationInput.Valid(new RoundSubmission(round, applications, reviews, objections), noticeStart);
            } catch (InvalidInputException e) {
                return new AllocationInput.Invalid(List.of(InputError.invalid(e.field(), e.problem())));
            }
        }

        private void collect(String part, Supplier<Object> reading) {
            InputError error = error(reading);
            if (error != null) {
                errors.get(part).add(error);
            }
        }

        private static InputError error(Supplier<Object> reading) {
            try {
                reading.get();
                return null;
            } catch (InvalidInputException e) {
                return InputError.invalid(e.field(), e.problem());
            }
        }

        /** A field on its own, so that {@link Fields} reads it with its usual checks and messages. */
        private static ObjectNode single(String name, JsonNode value) {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.set(name, value);
            return node;
        }
    }

    private static ExpertReview review(JsonNode node, String path) {
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
                JsonNode value = item.getValue();
                String itemPath = sheet.at("items") + "." + item.getKey();
                // A host's own tree may hold 1e400 as an infinite double, which has no decimal value.
                if (!value.isNumber() || value.isDouble() && !Double.isFinite(value.doubleValue())) {
                    throw new InvalidInputException(itemPath, "应为数字，实为" + Fields.kind(value));
                }
                BigDecimal score = value.decimalValue();
                // 1e999999999 is a short BigDecimal, but any message quoting it in full would be a billion digits long.
                if (score.precision() - score.scale() > SCORE_DIGITS || score.scale() > SCORE_DIGITS) {
                    throw new InvalidInputException(itemPath, "分数 " + score + " 超出范围：整数部分和小数部分各不能多于 " + SCORE_DIGITS + " 位");
                }
                points.put(item.getKey(), score);
            }
            try {
                sheets.add(new ExpertScore(expert, points));
            } catch (InvalidInputException e) {
                throw e.under(sheetPath);
            }
        }
        return new ExpertReview(applicationId, siteVisitPassed, sheets);
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

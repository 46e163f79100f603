package org.carrierrules.json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import org.carrierrules.InvalidInputException;
import org.carrierrules.allocation.AllocationEntry;
import org.carrierrules.allocation.AllocationReason;
import org.carrierrules.allocation.SubmittedVersion;
import org.carrierrules.allocation.ExpertScore;
import org.carrierrules.application.Application;
import org.carrierrules.application.FactValues;
import org.carrierrules.application.ElectronicCopy;
import org.carrierrules.application.PaperCopy;
import org.carrierrules.assessment.Finding;
import org.carrierrules.supervision.Carrier;
import org.carrierrules.supervision.Ground;
import org.carrierrules.supervision.SupervisionOutcome;

/**
 * The contract's JSON ({@code shared/spec/contract.md}) as Jackson data binding of the API's records: one
 * configured {@link ObjectMapper} reads and writes every shape, each declared once, by its record and the
 * mix-in below it (field order, optional fields, what is not written). Reading is strict and never guesses:
 * an unknown key, a missing field, a value of the wrong kind (no number read from a string, no boolean from
 * a number) fails, and {@link ContractErrors} names the field. Custom code only for what Jackson cannot say:
 * codes exactly as written, four-digit years, lone surrogates, a score's digits, and the contract's Chinese
 * messages; credit codes and the other checks of each record are its constructor's.
 */
final class ContractMapper {
    /**
     * The one mapper of the contract. Numbers are read as written: as BigDecimal, never double, with their scale
     * kept (a score 80.00 reads back as 80.00), so that scores and points are never rounded on the way in, and a
     * score written keeps its two decimals. Files and strings are parsed by {@link JsonRecords}, within their limits.
     */
    static final ObjectMapper MAPPER = mapper();

    /**
     * Indented with "\n" line ends on every platform: Jackson's default takes the JVM's line separator, which
     * made the same decision print other bytes under Windows (or {@code -Dline.separator}).
     */
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
    static final ObjectWriter PRINTER = MAPPER.writer(PRETTY).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    /** The declared fields of each record read, in the record's order, with their types. */
    private static final Map<JavaType, Map<String, BeanPropertyDefinition>> DECLARED = new ConcurrentHashMap<>();

    private ContractMapper() {
    }

    // --- the shapes: what a record alone does not say ---

    /** No paper or electronic copy handed in: the field absent or null, and absent when written. */
    interface ApplicationShape {
        @JsonSetter(nulls = Nulls.SET)
        @JsonInclude(JsonInclude.Include.NON_NULL)
        PaperCopy paperCopy();

        @JsonSetter(nulls = Nulls.SET)
        @JsonInclude(JsonInclude.Include.NON_NULL)
        ElectronicCopy electronicCopy();

        /** Absent (or null) is none (contract: "facts absent is the same as {}"), and none is not written. */
        @JsonSetter(nulls = Nulls.SET)
        @JsonDeserialize(using = Facts.class)
        @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = NoFacts.class)
        @JsonPropertyDescription("事实键到值（数字、true/false 或文字）的对象 {\"annualTrainees\": 1200, …}")
        FactValues facts();
    }

    /** Jackson's filter for the facts not written: none. */
    static final class NoFacts {
        @Override
        public boolean equals(Object value) {
            return value instanceof FactValues facts && facts.isEmpty();
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }

    /** {@code {"2021": 0, "2022": 35}}: participants by four-digit year. */
    interface CarrierShape {
        @JsonDeserialize(using = TrainingActivity.class)
        Map<Integer, Integer> trainingActivity();
    }

    /** Points per rubric item; the contract's word for the object, since "an object" does not tell a reviewer what to write. */
    interface ExpertScoreShape {
        @JsonPropertyDescription("评分项代码到分数的对象 {\"FOUNDATION\": 18, …}")
        @JsonDeserialize(contentUsing = Score.class)
        Map<String, BigDecimal> items();
    }

    /** A finding about one material or one declared fact names it, beside its code; the others have no such field at all. */
    @JsonPropertyOrder({"code", "severity", "clause", "material", "fact", "rule", "message"})
    interface FindingShape {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String material();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        String fact();
    }

    /** A ground's outcome is the code's (contract: REVOKE or RECTIFY by code), not written beside it. */
    interface GroundShape {
        @JsonIgnore
        SupervisionOutcome outcome();
    }

    /** As the contract lists a reason, {@code {"code", "clause", "message"}}, then the rule, which may be null. */
    @JsonPropertyOrder({"code", "clause", "message", "rule"})
    interface AllocationReasonShape {
    }

    /** An application's versions are written only when it came more than once (四(三) 补正). */
    interface AllocationEntryShape {
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        List<SubmittedVersion> history();
    }

    /** A version's clause is the round's for corrections, absent when the round takes none. */
    @JsonPropertyOrder({"submittedAt", "acceptance", "use", "clause", "note"})
    interface SubmittedVersionShape {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String clause();
    }

    /** The contract's error entry: {@code {"applicationId", "error": {"code", "field", "message"}, "record", "line"}}. */
    @JsonPropertyOrder({"applicationId", "error", "record", "line"})
    interface InvalidApplicationShape {
        @JsonProperty("record")
        int position();
    }

    /** As {@link InvalidApplicationShape}, named by the carrier's id. */
    @JsonPropertyOrder({"carrierId", "error", "record", "line"})
    interface InvalidCarrierShape {
        @JsonProperty("record")
        int position();
    }

    private static ObjectMapper mapper() {
        SimpleModule contract = new SimpleModule("carrier-rules contract")
                .setDeserializerModifier(new BeanDeserializerModifier() {
                    @Override
                    public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                                      BeanDescription description, JsonDeserializer<?> deserializer) {
                        return new Code(type.getRawClass());
                    }
                })
                .addDeserializer(String.class, new Text())
                .addDeserializer(Instant.class, new DateTime())
                .addDeserializer(LocalDate.class, new CalendarDate())
                .addSerializer(Instant.class, new BeijingTime())
                .addSerializer(LocalDate.class, ToStringSerializer.instance);
        ObjectMapper mapper = JsonMapper.builder(JsonRecords.factory(ReadLimits.DEFAULTS))
                .addModule(contract)
                .addMixIn(Application.class, ApplicationShape.class)
                .addMixIn(Carrier.class, CarrierShape.class)
                .addMixIn(ExpertScore.class, ExpertScoreShape.class)
                .addMixIn(Finding.class, FindingShape.class)
                .addMixIn(Ground.class, GroundShape.class)
                .addMixIn(AllocationReason.class, AllocationReasonShape.class)
                .addMixIn(AllocationEntry.class, AllocationEntryShape.class)
                .addMixIn(SubmittedVersion.class, SubmittedVersionShape.class)
                .addMixIn(InputRecord.Invalid.class, InvalidApplicationShape.class)
                .addMixIn(CarrierRecord.Invalid.class, InvalidCarrierShape.class)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                // Every field is required and no element null, unless its shape says otherwise.
                .defaultSetterInfo(JsonSetter.Value.construct(Nulls.FAIL, Nulls.FAIL))
                .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
                .build();
        // No scalar is read from another kind of value: "2" is no number, 1 no boolean, "" no code.
        mapper.coercionConfigDefaults()
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    // --- reading ---

    /**
     * One record of the contract from its tree.
     *
     * @param path where the tree is in its file, for the field an error names ({@code ""} for a record of its own)
     * @throws InvalidInputException naming the field at fault, the first in the contract's order
     */
    static <T> T read(JsonNode node, Class<T> type, String path) {
        Place place = record(type);
        if (node == null || node.isNull() || node.isMissingNode()) {
            // Jackson makes null of a null tree; the contract has no record that may be null on its own.
            throw new InvalidInputException(path.isEmpty() ? "$" : path, ContractErrors.wrong(place, node));
        }
        try {
            return bind(node, type);
        } catch (JsonMappingException asGiven) {
            // Named in the contract's order, as a reader goes through the fields, whatever order the input has.
            JsonNode ordered = ordered(node, place.type());
            try {
                bind(ordered, type);
            } catch (JsonMappingException e) {
                throw ContractErrors.of(e, ordered, place, path);
            }
            throw new IllegalStateException("a record that binds in the contract's order binds in any", asGiven);
        }
    }

    private static <T> T bind(JsonNode node, Class<T> type) throws JsonMappingException {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (InvalidInputException e) {
            // A value read on its own, not as a field (a part of the allocate input): Jackson passes its error on as it is.
            throw JsonMappingException.from((JsonParser) null, e.problem(), e);
        } catch (JsonMappingException e) {
            throw e;
        } catch (IOException e) {
            // A tree is read from memory; nothing else can go wrong on the way.
            throw new UncheckedIOException(e);
        }
    }

    /** The declared type at a place in a record, for {@link ContractErrors} to say what was expected there. */
    record Place(JavaType type, boolean element, String description) {
        /** The fields of the record declared here, in its order; none for a value that is no record. */
        Set<String> fields() {
            return type.getRawClass().isRecord() && !isFacts(type) ? Collections.unmodifiableSet(declared(type).keySet()) : Set.of();
        }

        /** Whether {@code step} leads to a declared place: a field of the record, an element, a map's value. */
        boolean declares(JsonMappingException.Reference step) {
            return !isFacts(type) && (!type.getRawClass().isRecord() || declared(type).containsKey(step.getFieldName()));
        }

        /** The place one step down: a field of a record, an element of a list, a value of a map. */
        Place step(JsonMappingException.Reference step) {
            return type.isCollectionLikeType() || type.isMapLikeType() ? new Place(type.getContentType(), true, null)
                    : field(step.getFieldName());
        }

        /** A field of the record declared here. */
        Place field(String name) {
            BeanPropertyDefinition field = declared(type).get(name);
            if (field == null) {
                throw new IllegalStateException(type + " has no field " + name);
            }
            return new Place(field.getPrimaryType(), false, field.getMetadata().getDescription());
        }
    }

    /** A record of the contract as a value (of a file, an array, a part of the allocate input): null is a wrong value there. */
    static Place record(Class<?> type) {
        return new Place(MAPPER.constructType(type), true, null);
    }

    /** A field of a record as declared, for input read part by part. */
    static Place field(Class<?> record, String name) {
        return record(record).field(name);
    }

    /** The names of a record's fields, in its order. */
    static Set<String> fields(Class<?> record) {
        return record(record).fields();
    }

    /**
     * Whether the place is an application's {@code facts}: a record in Java, but in JSON an object of the keys its
     * policy declares, read by {@link Facts}. Its own components are no fields of the contract: taken for them, a
     * wrong value under any key was told as {@code facts.<first key>}: 未知字段；可用字段为：empty、values.
     */
    private static boolean isFacts(JavaType type) {
        return type.getRawClass() == FactValues.class;
    }

    private static Map<String, BeanPropertyDefinition> declared(JavaType type) {
        return DECLARED.computeIfAbsent(type, t -> {
            Map<String, BeanPropertyDefinition> fields = new LinkedHashMap<>();
            MAPPER.getDeserializationConfig().introspect(t).findProperties().forEach(p -> fields.put(p.getName(), p));
            return fields;
        });
    }

    /**
     * The tree with every record's fields in its declared order, null where absent, then any other keys as they came
     * (Jackson reports those once it has built the record; {@link ContractErrors} names them first).
     */
    private static JsonNode ordered(JsonNode node, JavaType type) {
        if (node.isArray() && type.isCollectionLikeType()) {
            List<JsonNode> elements = new ArrayList<>();
            node.forEach(element -> elements.add(ordered(element, type.getContentType())));
            return MAPPER.createArrayNode().addAll(elements);
        }
        if (!node.isObject() || isFacts(type) || !type.isMapLikeType() && !type.getRawClass().isRecord()) {
            return node;
        }
        ObjectNode ordered = MAPPER.createObjectNode();
        if (type.isMapLikeType()) {
            node.fields().forEachRemaining(e -> ordered.set(e.getKey(), ordered(e.getValue(), type.getContentType())));
            return ordered;
        }
        declared(type).forEach((name, field) -> {
            JsonNode value = node.get(name);
            ordered.set(name, value == null ? NullNode.getInstance() : ordered(value, field.getPrimaryType()));
        });
        node.fields().forEachRemaining(e -> ordered.putIfAbsent(e.getKey(), e.getValue()));
        return ordered;
    }

    /** A text: a JSON string, never a number or boolean taken for one, and whole characters only. */
    static final class Text extends StdScalarDeserializer<String> {
        private static final long serialVersionUID = 1L;

        Text() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            return checked(p.getText());
        }

        static String checked(String text) {
            String broken = ContractErrors.loneSurrogate(text);
            if (broken != null) {
                throw new InvalidInputException("", broken);
            }
            return text;
        }
    }

    /**
     * A code: exactly one of the enum's names, as a JSON string. Jackson's own reading of an enum also takes the
     * name with spaces around it ({@code "PDF "}), its index, and "0" for the first.
     */
    static final class Code extends StdScalarDeserializer<Object> {
        private static final long serialVersionUID = 1L;

        Code(Class<?> type) {
            super(type);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return ctxt.handleUnexpectedToken(handledType(), p);
            }
            String text = p.getText();
            for (Object code : handledType().getEnumConstants()) {
                if (((Enum<?>) code).name().equals(text)) {
                    return code;
                }
            }
            return ctxt.handleWeirdStringValue(handledType(), text, "not a code of the contract");
        }
    }

    /**
     * An ISO-8601 date-time as the contract writes it: a four-digit year first. {@code java.time} would also
     * take {@code +999999999-12-31T23:59:59-18:00}, an instant outside any zone's calendar.
     */
    static final class DateTime extends StdScalarDeserializer<Instant> {
        private static final long serialVersionUID = 1L;
        private static final Pattern FORM = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T.*");

        DateTime() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
            }
            String text = Text.checked(p.getText());
            if (FORM.matcher(text).matches()) {
                try {
                    return OffsetDateTime.parse(text).toInstant();
                } catch (DateTimeException withOffset) {
                    try {
                        return LocalDateTime.parse(text).atZone(ApplicationJson.BEIJING).toInstant();
                    } catch (DateTimeException withoutOffset) {
                        // Neither form: the error below names both.
                    }
                }
            }
            throw new InvalidInputException("", "“" + ContractErrors.abbreviate(text)
                    + "”不是有效的 ISO-8601 日期时间；应写作 2024-08-20T10:15:00+08:00，或不带时区的 2024-08-20T10:15:00（按北京时间）");
        }
    }

    /** As the contract writes a time: in Beijing, with its offset ({@code 2024-08-20T10:15:00+08:00}). */
    static final class BeijingTime extends StdScalarSerializer<Instant> {
        private static final long serialVersionUID = 1L;

        BeijingTime() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value.atZone(ApplicationJson.BEIJING)));
        }
    }

    /**
     * A date as the contract writes it, {@code 2024-03-01}. {@code java.time} would also take
     * {@code -999999999-01-01}, and a review would then walk a billion years.
     */
    static final class CalendarDate extends StdScalarDeserializer<LocalDate> {
        private static final long serialVersionUID = 1L;
        private static final Pattern FORM = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

        CalendarDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
            }
            String text = Text.checked(p.getText());
            if (FORM.matcher(text).matches()) {
                try {
                    return LocalDate.parse(text);
                } catch (DateTimeException e) {
                    // Shaped like a date but not one (2021-02-30): the error below says how to write it.
                }
            }
            throw new InvalidInputException("", "“" + ContractErrors.abbreviate(text) + "”不是有效的日期；应写作 2024-03-01（年-月-日）");
        }
    }

    /**
     * {@code {"2021": 0, "2022": 35}}: each key a four-digit year, each value a whole number; a year's count is one
     * of the carrier's fields, so a null count is a missing field. A negative count is refused by {@link Carrier}.
     */
    static final class TrainingActivity extends StdDeserializer<Map<Integer, Integer>> {
        private static final long serialVersionUID = 1L;
        private static final Pattern YEAR = Pattern.compile("[0-9]{4}");

        TrainingActivity() {
            super(Map.class);
        }

        @Override
        public Map<Integer, Integer> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.isExpectedStartObjectToken()) {
                @SuppressWarnings("unchecked")
                Map<Integer, Integer> none = (Map<Integer, Integer>) ctxt.handleUnexpectedToken(Map.class, p);
                return none;
            }
            Map<Integer, Integer> activity = new LinkedHashMap<>();
            for (String year = p.nextFieldName(); year != null; year = p.nextFieldName()) {
                p.nextToken();
                try {
                    if (!YEAR.matcher(year).matches()) {
                        throw new InvalidInputException("", "“" + ContractErrors.abbreviate(year)
                                + "”不是年份；培训人数按年填写，键应为四位数字的年份，如 \"2023\"");
                    }
                    if (p.hasToken(JsonToken.VALUE_NULL)) {
                        throw new InvalidInputException("", ContractErrors.MISSING);
                    }
                    activity.put(Integer.valueOf(year), ctxt.readValue(p, Integer.class));
                } catch (IOException | RuntimeException e) {
                    throw JsonMappingException.wrapWithPath(e, activity, year);
                }
            }
            return activity;
        }
    }

    /**
     * A score: a JSON number, at most ten digits before and after its point. 1e999999999 is a short BigDecimal,
     * but any message quoting it in full would be a billion digits long; a host's own tree may hold 1e400 as an
     * infinite double, which has no decimal value.
     */
    /**
     * An application's declared facts as the contract writes them: an object of numbers, {@code true}/{@code false}
     * and strings. Which kind each key must have is the policy's ({@link org.carrierrules.application.FactSchema}),
     * so a date stays the string it is written as until the schema reads it.
     */
    static final class Facts extends StdDeserializer<FactValues> {
        private static final long serialVersionUID = 1L;

        Facts() {
            super(FactValues.class);
        }

        @Override
        public FactValues deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.isExpectedStartObjectToken()) {
                return (FactValues) ctxt.handleUnexpectedToken(FactValues.class, p);
            }
            Map<String, Object> values = new LinkedHashMap<>();
            for (String key = p.nextFieldName(); key != null; key = p.nextFieldName()) {
                JsonToken token = p.nextToken();
                try {
                    Object value = switch (token) {
                        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getDecimalValue();
                        case VALUE_TRUE, VALUE_FALSE -> token == JsonToken.VALUE_TRUE;
                        case VALUE_STRING -> ctxt.readValue(p, String.class);
                        case VALUE_NULL -> throw new InvalidInputException("", ContractErrors.MISSING);
                        default -> throw new InvalidInputException("", "事实的值须为数字、true/false 或文字（日期写作 \"2019-05-01\"），"
                                + "不能是对象或数组");
                    };
                    // The record's own checks of a key and a value, one entry at a time, so that the error names its key.
                    new FactValues(Map.of(key, value));
                    values.put(key, value);
                } catch (InvalidInputException e) {
                    throw JsonMappingException.wrapWithPath(new InvalidInputException("", e.problem()), values, key);
                } catch (IOException | RuntimeException e) {
                    throw JsonMappingException.wrapWithPath(e, values, key);
                }
            }
            return new FactValues(values);
        }

        @Override
        public FactValues getNullValue(DeserializationContext ctxt) {
            return FactValues.none();
        }

        @Override
        public Object getAbsentValue(DeserializationContext ctxt) {
            return FactValues.none();
        }
    }

    static final class Score extends StdScalarDeserializer<BigDecimal> {
        private static final long serialVersionUID = 1L;
        private static final int DIGITS = 10;

        Score() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.currentToken().isNumeric() || p.isNaN()) {
                return (BigDecimal) ctxt.handleUnexpectedToken(BigDecimal.class, p);
            }
            BigDecimal score = p.getDecimalValue();
            if (score.precision() - score.scale() > DIGITS || score.scale() > DIGITS) {
                throw new InvalidInputException("", "分数 " + score + " 超出范围：整数部分和小数部分各不能多于 " + DIGITS + " 位");
            }
            return score;
        }
    }

    // --- writing ---

    /** The value's tree, as the contract writes it: for decision records, which hold and compare decisions as trees. */
    static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /** The value as compact JSON. */
    static String compact(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException("every value of the contract can be written", e);
        }
    }

    /** Pretty-printed, with a final newline; the writer is flushed, not closed. */
    static void print(Object value, Writer out) {
        try {
            PRINTER.writeValue(out, value);
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

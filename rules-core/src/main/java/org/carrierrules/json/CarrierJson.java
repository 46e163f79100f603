package org.carrierrules.json;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import org.carrierrules.supervision.Carrier;
import org.carrierrules.supervision.CarrierEvent;
import org.carrierrules.CarrierType;
import org.carrierrules.supervision.EventType;
import org.carrierrules.InvalidInputException;

/**
 * Recognised carriers in the contract's JSON form ({@code shared/spec/contract.md}, "Revocation and
 * supervision review"). Reading is strict and never guesses, like {@link ApplicationJson}: a missing
 * field, a wrong type, an unknown event type or key, a date that is not a date, a year that is not
 * a year or a negative count makes that one record a {@link CarrierRecord.Invalid} naming the field
 * (e.g. {@code events[2].type}, {@code trainingActivity.20x1}), while the records around it are still read.
 */
public final class CarrierJson {
    private static final Set<String> CARRIER_FIELDS =
            Set.of("carrierId", "name", "carrierType", "recognizedOn", "events", "trainingActivity");
    private static final Set<String> EVENT_FIELDS = Set.of("type", "date");
    /** A calendar year as the contract writes it: {@code "2021"}. */
    private static final Pattern YEAR = Pattern.compile("[0-9]{4}");
    /**
     * A date as the contract writes it, {@code 2024-03-01}. {@code java.time} would also take
     * {@code -999999999-01-01}, and a review would then walk a billion years.
     */
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final String NOUN = "载体记录";

    private CarrierJson() {
    }

    /** Every record of a file holding a JSON array of carriers (or a single carrier), within the default limits. */
    public static List<CarrierRecord> readAll(Path file) {
        return readAll(file, ReadLimits.DEFAULTS);
    }

    /**
     * Every record of a file holding a JSON array of carriers (or a single carrier).
     *
     * @throws JsonFileException  when the file is not JSON, or neither an array nor an object
     * @throws ReadLimitException when it is past one of {@code limits}
     */
    public static List<CarrierRecord> readAll(Path file, ReadLimits limits) {
        return JsonRecords.readAll(file, NOUN, limits, records(limits));
    }

    /** Every record of a JSON array of carriers (or a single carrier object), within the default limits. */
    public static List<CarrierRecord> readAll(InputStream in, String source) {
        return readAll(in, source, ReadLimits.DEFAULTS);
    }

    /**
     * Every record of a JSON array of carriers (or a single carrier object).
     *
     * @throws JsonFileException  when the input is not JSON, or neither an array nor an object
     * @throws ReadLimitException when it is past one of {@code limits}
     */
    public static List<CarrierRecord> readAll(InputStream in, String source, ReadLimits limits) {
        return JsonRecords.readAll(in, source, NOUN, limits, records(limits));
    }

    /** A reader of one file's records, which remembers the ids it has seen. */
    private static JsonRecords.Element<CarrierRecord> records(ReadLimits limits) {
        Map<String, Integer> firstPositionOfId = new HashMap<>();
        return (position, line, node) -> record(position, line, node, limits, firstPositionOfId);
    }

    private static CarrierRecord record(int position, int line, JsonNode node, ReadLimits limits,
                                      Map<String, Integer> firstPositionOfId) {
        String id = node.isObject() && node.path("carrierId").isTextual() ? node.path("carrierId").textValue() : null;
        try {
            JsonRecords.checkArrays(node, "", limits);
            Carrier carrier = read(node);
            Integer earlier = firstPositionOfId.putIfAbsent(carrier.carrierId(), position);
            if (earlier != null) {
                return new CarrierRecord.Invalid(position, line, id, InputError.invalid("carrierId",
                        "载体编号“" + id + "”与第" + earlier + "条记录重复；同一批次中每个载体的编号必须唯一"));
            }
            return new CarrierRecord.Valid(position, line, carrier);
        } catch (InvalidInputException e) {
            return new CarrierRecord.Invalid(position, line, id, InputError.invalid(e.field(), e.problem()));
        }
    }

    /** One carrier from its JSON form; a problem is an {@link InvalidInputException} naming the field. */
    public static Carrier read(JsonNode node) {
        Fields f = Fields.of(node, "", CARRIER_FIELDS);
        String id = f.text("carrierId");
        String name = f.text("name");
        CarrierType carrierType = f.enumValue("carrierType", CarrierType.class);
        LocalDate recognizedOn = date(f, "recognizedOn");
        List<CarrierEvent> events = new ArrayList<>();
        JsonNode array = f.array("events");
        for (int i = 0; i < array.size(); i++) {
            Fields event = Fields.of(array.get(i), f.at("events") + "[" + i + "]", EVENT_FIELDS);
            events.add(new CarrierEvent(event.enumValue("type", EventType.class), date(event, "date")));
        }
        return new Carrier(id, name, carrierType, recognizedOn, events, trainingActivity(f));
    }

    /** The contract's JSON form of a carrier; {@link #read(JsonNode)} gives it back unchanged. */
    public static ObjectNode write(Carrier carrier) {
        ObjectNode node = ApplicationJson.MAPPER.createObjectNode();
        node.put("carrierId", carrier.carrierId());
        node.put("name", carrier.name());
        node.put("carrierType", carrier.carrierType().name());
        node.put("recognizedOn", carrier.recognizedOn().toString());
        ArrayNode events = node.putArray("events");
        carrier.events().forEach(e -> events.addObject().put("type", e.type().name()).put("date", e.date().toString()));
        ObjectNode activity = node.putObject("trainingActivity");
        new TreeMap<>(carrier.trainingActivity()).forEach((year, count) -> activity.put(String.valueOf(year), count));
        return node;
    }

    /**
     * {@code {"2021": 0, "2022": 35}}: each key a four-digit year, each value a whole number. A negative
     * count is refused by {@link Carrier} itself, under the same field name.
     */
    private static Map<Integer, Integer> trainingActivity(Fields f) {
        JsonNode node = f.required("trainingActivity");
        Set<String> years = new LinkedHashSet<>();
        node.fieldNames().forEachRemaining(years::add);
        Fields counts = Fields.of(node, f.at("trainingActivity"), years);
        Map<Integer, Integer> activity = new LinkedHashMap<>();
        for (String year : years) {
            if (!YEAR.matcher(year).matches()) {
                throw new InvalidInputException(counts.at(year), "“" + Fields.abbreviate(year) + "”不是年份；培训人数按年填写，键应为四位数字的年份，如 \"2023\"");
            }
            activity.put(Integer.valueOf(year), counts.integer(year));
        }
        return activity;
    }

    /** A date of the contract; {@code noticeStart} of the allocate input is one too. */
    static LocalDate date(Fields f, String name) {
        String text = f.text(name);
        if (DATE.matcher(text).matches()) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeException e) {
                // Shaped like a date but not one (2021-02-30): the error below says how to write it.
            }
        }
        throw new InvalidInputException(f.at(name), "“" + Fields.abbreviate(text) + "”不是有效的日期；应写作 2024-03-01（年-月-日）");
    }
}

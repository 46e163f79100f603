package org.carrierrules.json;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.carrierrules.InvalidInputException;
import org.carrierrules.supervision.Carrier;

/**
 * Recognised carriers in the contract's JSON form ({@code shared/spec/contract.md}, "Revocation and
 * supervision review"). Reading is strict and never guesses, like {@link ApplicationJson}: a missing
 * field, a wrong type, an unknown event type or key, a date that is not a date, a year that is not
 * a year or a negative count makes that one record a {@link CarrierRecord.Invalid} naming the field
 * (e.g. {@code events[2].type}, {@code trainingActivity.20x1}), while the records around it are still read.
 */
public final class CarrierJson {
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

    /**
     * One carrier from its JSON form, for a host (or a scenario) that holds it as a tree; a problem is an
     * {@link InvalidInputException} naming the field.
     */
    public static Carrier read(JsonNode node) {
        return ContractMapper.read(node, Carrier.class, "");
    }

    /** The contract's JSON form of a carrier, compact, its years in order; {@link #read(JsonNode)} gives it back unchanged. */
    public static String write(Carrier carrier) {
        return ContractMapper.compact(carrier);
    }
}

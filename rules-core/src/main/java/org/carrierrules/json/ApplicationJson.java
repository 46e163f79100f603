package org.carrierrules.json;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

import org.carrierrules.InvalidInputException;
import org.carrierrules.application.Application;

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

    /**
     * Each record of a file holding a JSON array of applications (or a single application), to {@code each} as soon
     * as it is read, in order: the records {@link #readAll(Path, ReadLimits)} gives, for a caller that starts on them
     * while the rest is read. A problem with the file itself is thrown after the records before it were given, so
     * a caller must not let any of them out before this returns.
     *
     * @throws JsonFileException  when the file is not JSON, or neither an array nor an object
     * @throws ReadLimitException when it is past one of {@code limits}
     */
    public static void readEach(Path file, ReadLimits limits, Consumer<InputRecord> each) {
        JsonRecords.forEach(file, NOUN, limits, records(limits), each);
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

    /**
     * One application from its JSON form, for a host (or a scenario) that holds it as a tree; a problem is an
     * {@link InvalidInputException} naming the field.
     */
    public static Application read(JsonNode node) {
        return ContractMapper.read(node, Application.class, "");
    }

    /** One application from a JSON string; anything after it is an error, never a second application silently dropped. */
    public static Application read(String json) {
        return read(JsonRecords.readTree(json));
    }

    /** The contract's JSON form of an application, compact; {@link #read(String)} gives it back unchanged. */
    public static String write(Application application) {
        return ContractMapper.compact(application);
    }
}

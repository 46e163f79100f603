package org.carrierrules.json;

import java.io.CharConversionException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import org.carrierrules.InvalidInputException;

/**
 * The one place where what Jackson reports becomes what the contract tells a user, in Chinese: a binding
 * error of one record ({@link #of(JsonMappingException, JsonNode, ContractMapper.Place, String)}) as an
 * {@link InvalidInputException} naming the field, and an error that stops a whole file
 * ({@link #file}) as a {@link JsonFileException} with line and column. Jackson says where (its typed
 * exceptions and {@link JsonMappingException#getPath()}); the contract's declared type at that place says
 * what was expected; the record's tree says what was found. Nothing here reads Jackson's English messages.
 */
final class ContractErrors {
    /** A required field absent or null (a record's fields are all required but the paper and electronic copies). */
    static final String MISSING = "缺少此字段（必填）";
    /** How much of a value a message quotes: the input may hold megabytes where a code was expected. */
    private static final int SHOWN = 40;

    private ContractErrors() {
    }

    /**
     * A record that did not bind, as the field at fault and what is wrong with it.
     *
     * @param root the tree that was bound, to show what was found at the field
     * @param type where that tree stands in the contract (its declared type)
     * @param path where the tree is in its file ({@code ""} for a record, whose own place is {@code $})
     * @throws IllegalStateException for a failure that is no fault of the input (a mapping that cannot work)
     */
    static InvalidInputException of(JsonMappingException e, JsonNode root, ContractMapper.Place type, String path) {
        List<JsonMappingException.Reference> steps = e.getPath();
        // Down Jackson's path, each record's object is looked at before anything in it: Jackson reports a record's
        // unknown keys (UnrecognizedPropertyException) only once it has built the record, where the contract names an
        // unknown key before any other problem of its object. Jackson's own report of one is found here too.
        ContractMapper.Place at = type;
        JsonNode found = root;
        for (int i = 0; ; i++) {
            String unknown = firstUnknown(found, at);
            if (unknown != null) {
                return new InvalidInputException(path(path, steps.subList(0, i), unknown), unknown(at.fields()));
            }
            if (i == steps.size() || !at.declares(steps.get(i))) {
                break;
            }
            JsonMappingException.Reference step = steps.get(i);
            at = at.step(step);
            found = found == null ? null : step.getFieldName() != null ? found.get(step.getFieldName()) : found.get(step.getIndex());
        }
        String field = path(path, steps, null);
        InvalidInputException own = own(e);
        if (own != null) {
            // A record's constructor names its field from where it stands; a deserializer of the contract names none ("").
            if (own.field().isEmpty()) {
                return new InvalidInputException(field, own.problem());
            }
            return field.equals("$") ? own : own.under(field);
        }
        if (e instanceof MismatchedInputException || e.getCause() instanceof InputCoercionException) {
            // Mismatched, InvalidFormat, InvalidNull, InvalidTypeId; or a number past an int, which the parser reports.
            return new InvalidInputException(field, wrong(at, found));
        }
        throw new IllegalStateException("the contract's mapping failed on its own: " + e.getOriginalMessage(), e);
    }

    /** The first key of a record's object, as given, that is none of its fields; null for none, or for no record. */
    private static String firstUnknown(JsonNode node, ContractMapper.Place at) {
        if (node == null || !node.isObject() || at.fields().isEmpty()) {
            return null;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!at.fields().contains(name)) {
                return name;
            }
        }
        return null;
    }

    /** A key that is none of the object's fields, which are listed in alphabetical order. */
    static String unknown(Collection<String> fields) {
        return "未知字段；可用字段为：" + String.join("、", fields.stream().sorted().toList());
    }

    /** The {@link InvalidInputException} a constructor or a deserializer of the contract threw, if it is one. */
    private static InvalidInputException own(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidInputException own) {
                return own;
            }
        }
        return null;
    }

    /**
     * {@code applications[3].applicant.creditCode}: Jackson's steps below {@code path}, then {@code key} if given;
     * {@code $} for the record itself.
     */
    private static String path(String path, List<JsonMappingException.Reference> steps, String key) {
        if (path.isEmpty() && steps.isEmpty() && key == null) {
            return "$";
        }
        StringBuilder field = new StringBuilder(path);
        for (JsonMappingException.Reference step : steps) {
            if (step.getFieldName() != null) {
                field.append(field.length() == 0 ? "" : ".").append(step.getFieldName());
            } else {
                field.append('[').append(step.getIndex()).append(']');
            }
        }
        if (key != null) {
            field.append(field.length() == 0 ? "" : ".").append(key);
        }
        return field.toString();
    }

    /** What is wrong with {@code found} where the contract expects {@code at}. */
    static String wrong(ContractMapper.Place at, JsonNode found) {
        if ((found == null || found.isNull()) && !at.element()) {
            return MISSING;
        }
        Class<?> raw = at.type().getRawClass();
        if (raw.isEnum() && found != null && found.isTextual()) {
            // A code is a text first: half a character is named as in any text, else the codes there are.
            String broken = loneSurrogate(found.textValue());
            return broken != null ? broken : "“" + abbreviate(found.textValue()) + "”不是可用的取值；可用取值为："
                    + Arrays.stream(raw.getEnumConstants()).map(c -> ((Enum<?>) c).name()).collect(Collectors.joining("、"));
        }
        return expected(at) + "，实为" + kind(found);
    }

    /** What the declared type asks for, in words: its description in the contract's shape, or else its kind. */
    private static String expected(ContractMapper.Place at) {
        if (at.description() != null) {
            return "应为" + at.description();
        }
        Class<?> raw = at.type().getRawClass();
        if (raw == boolean.class || raw == Boolean.class) {
            return "应为 true 或 false";
        }
        if (raw == int.class || raw == Integer.class) {
            return "应为整数";
        }
        if (raw == BigDecimal.class) {
            return "应为数字";
        }
        if (at.type().isCollectionLikeType()) {
            return "应为数组 […]";
        }
        return at.type().isMapLikeType() || raw.isRecord() ? "应为一个 JSON 对象 {…}" : "应为字符串";
    }

    /**
     * What half a character makes of a text, or null: a JSON escape can spell a lone UTF-16 surrogate, which written
     * out again turns into “?” or fails.
     */
    static String loneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "第" + (i + 1) + "个字符是不成对的 UTF-16 代理项 \\u" + Integer.toHexString(c).toUpperCase(Locale.ROOT)
                        + "，不是有效的 Unicode 文字";
            }
        }
        return null;
    }

    /** What a value is, in words, for messages: {@code 字符串 "x"}, {@code 数字 1.5}, {@code 空值 null} … */
    static String kind(JsonNode value) {
        if (value == null || value.isNull()) {
            return "空值 null";
        }
        if (value.isMissingNode()) {
            return "空内容";
        }
        if (value.isTextual()) {
            return "字符串 \"" + abbreviate(value.textValue()) + "\"";
        }
        if (value.isBoolean()) {
            return "布尔值 " + value.booleanValue();
        }
        if (value.isNumber()) {
            // 1e400 reads as an infinite double; a thousand-digit integer would swamp the message.
            return value.isDouble() && !Double.isFinite(value.doubleValue()) ? "超出范围的数字"
                    : "数字 " + abbreviate(value.numberValue().toString());
        }
        return value.isArray() ? "数组" : "对象";
    }

    /** The first 40 characters and “…”, never half a surrogate pair. */
    static String abbreviate(String text) {
        if (text.length() <= SHOWN) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(SHOWN - 1)) ? SHOWN + 1 : SHOWN;
        return text.substring(0, end) + "…";
    }

    // --- errors that stop a whole file ---

    /**
     * What stopped reading a file, at the place Jackson names or else where the parser stopped.
     *
     * @param utf8 what the bytes of the file were, as far as the parser read them
     */
    static JsonFileException file(String source, JsonParser parser, JacksonException e, Utf8Watch utf8, ReadLimits limits) {
        JsonLocation named = e instanceof com.fasterxml.jackson.core.JsonProcessingException p ? p.getLocation() : null;
        // A limit is reported without a place; the token it stopped at is the string too long or the bracket too deep.
        JsonLocation at = named != null && named.getLineNr() > 0 ? named
                : e instanceof JsonRecords.LimitReached ? parser.currentTokenLocation() : parser.currentLocation();
        int line = Math.max(at.getLineNr(), 1);
        int column = Math.max(at.getColumnNr(), 1);
        if (e instanceof JsonRecords.LimitReached reached && reached.limit() != null) {
            return new ReadLimitException(source, line, column, found(reached.limit()), reached.limit(), limits.value(reached.limit()), e);
        }
        boolean badBytes = e instanceof JsonParseException && utf8 != null && utf8.invalidBefore(at.getByteOffset());
        return new JsonFileException(source, line, column, badBytes ? encoding(e.getOriginalMessage()) : problem(e), e);
    }

    /** The same for input already read into one string ({@link ApplicationJson#read(String)}), which has no place to name. */
    static String problem(JacksonException e) {
        if (e instanceof JsonRecords.LimitReached reached) {
            return reached.limit() == null ? "数字超过 " + JsonRecords.MAX_NUMBER_LENGTH + " 位，不是合同中任何字段可用的数值"
                    : found(reached.limit()) + "，超过读取上限 " + reached.limit().property();
        }
        if (e instanceof JsonRecords.DuplicateField twice) {
            return "同一对象中字段“" + twice.name() + "”出现了两次；每个字段只能写一次";
        }
        if (e instanceof JsonRecords.TrailingContent) {
            return "JSON 结束后还有多余内容";
        }
        return "不是有效的 JSON：" + e.getOriginalMessage();
    }

    /** Bytes that are no UTF-8 (GBK, most often); Jackson's UTF-32 decoder reports them as a {@link CharConversionException}. */
    static String encoding(String original) {
        return "不是有效的 UTF-8 编码（" + original + "）；请将文件另存为 UTF-8（GBK、GB2312 等编码的文件须先转换）";
    }

    private static String found(ReadLimits.Limit limit) {
        return switch (limit) {
            case MAX_STRING_LENGTH -> "字符串或字段名过长";
            case MAX_DEPTH -> "数组和对象嵌套过深";
            // Counted by the readers themselves, never reported by Jackson.
            case MAX_BYTES, MAX_RECORDS -> throw new IllegalArgumentException(limit.property());
        };
    }
}

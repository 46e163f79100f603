package org.carrierrules.json;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.carrierrules.InvalidInputException;

/**
 * What every input file of the contract shares: a JSON array of records (or a single record), each
 * read on its own so that one bad record never stops the others, and each bad one answered by an
 * error entry in its place. Files are read as a stream, one record's tree at a time, within
 * {@link ReadLimits}; whatever stops the reading is a {@link JsonFileException} with line and column,
 * in Chinese.
 */
final class JsonRecords {
    /** Turns one element of the array into a result, valid or invalid; never throws for a bad record. */
    interface Element<R> {
        R read(int position, int line, JsonNode node);
    }

    /** Reads from a parser; the checked exceptions are turned into {@link JsonFileException}s by {@link #parse}. */
    private interface Reading<T> {
        T read(JsonParser parser) throws IOException;
    }

    /**
     * Jackson refuses a number longer than this while reading. Not a {@link ReadLimits} limit: no count,
     * score or date of the contract comes near it, so a longer one is garbage, not a file that is too big.
     */
    private static final int MAX_NUMBER_LENGTH = 1000;

    private static final JsonFactory DEFAULT_FACTORY = build(ReadLimits.DEFAULTS);

    private JsonRecords() {
    }

    /**
     * A strict JSON factory within {@code limits}: a repeated key is an error, and messages show where.
     * Jackson skips a UTF-8 byte-order mark and detects UTF-16 and UTF-32 by their first bytes.
     */
    static JsonFactory factory(ReadLimits limits) {
        return limits.equals(ReadLimits.DEFAULTS) ? DEFAULT_FACTORY : build(limits);
    }

    private static JsonFactory build(ReadLimits limits) {
        return JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(limits.maxStringLength())
                        .maxNameLength(limits.maxStringLength())
                        .maxNestingDepth(limits.maxDepth())
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .build())
                .build();
    }

    /**
     * One result per element, in order.
     *
     * @param noun what the records are, in Chinese, for messages about the file (e.g. 申报记录)
     * @throws JsonFileException when the input is not JSON, is neither an array nor an object, or is past a limit
     */
    static <R> List<R> readAll(InputStream in, String source, String noun, ReadLimits limits, Element<R> element) {
        return parse(in, source, limits, parser -> {
            List<R> records = new ArrayList<>();
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_OBJECT) {
                records.add(next(1, parser, element));
            } else if (first == JsonToken.START_ARRAY) {
                int position = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    checkCount(++position, parser, source, noun, limits);
                    records.add(next(position, parser, element));
                }
            } else {
                JsonLocation at = parser.currentLocation();
                throw new JsonFileException(source, at.getLineNr(), at.getColumnNr(),
                        first == null ? "文件是空的，应为" + noun + "的 JSON 数组 […]" : "应为" + noun + "的 JSON 数组 […]", null);
            }
            endOfInput(parser, source);
            return records;
        });
    }

    /** {@link #readAll(InputStream, String, String, ReadLimits, Element)} of a file, refused unread when it is too big. */
    static <R> List<R> readAll(Path file, String noun, ReadLimits limits, Element<R> element) {
        checkSize(file, limits);
        try (InputStream in = Files.newInputStream(file)) {
            return readAll(in, file.toString(), noun, limits, element);
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取 " + file, e);
        }
    }

    /**
     * The whole file as one JSON value, within {@code limits}: the elements of an array at the top, or of an
     * array one level down (the allocate input's {@code applications}), count as records.
     */
    static JsonNode readTree(Path file, ReadLimits limits) {
        Tree tree = new Tree();
        visit(file, limits, true, tree);
        return tree.root != null ? tree.root : tree.fields;
    }

    /** Puts a streamed file back together: its value, or its object's fields. */
    private static final class Tree implements Visitor {
        private JsonNode root;
        private final ObjectNode fields = ApplicationJson.MAPPER.createObjectNode();
        private ArrayNode current;

        @Override
        public boolean holdsRecords(String name) {
            return true;
        }

        @Override
        public void value(String name, JsonNode value) {
            if (name == null) {
                root = value;
            } else {
                fields.set(name, value);
            }
        }

        @Override
        public void array(String name) {
            current = ApplicationJson.MAPPER.createArrayNode();
            value(name, current);
        }

        @Override
        public void element(String name, int index, JsonNode element) {
            current.add(element);
        }
    }

    /**
     * What a streamed file holds, told value by value: the elements of the arrays that hold records one at a
     * time, so that only one record's tree is in memory at once, and everything else whole.
     */
    interface Visitor {
        /** Whether the array under {@code name} holds records, to be told element by element. */
        boolean holdsRecords(String name);

        /** A value read whole: the file's own value ({@code name} null) or a field's. */
        void value(String name, JsonNode value);

        /** The start of an array of records: the file's own ({@code name} null) or a field's. */
        void array(String name);

        /** One record of the array last started. */
        void element(String name, int index, JsonNode element);
    }

    /**
     * Streams a file to {@code visitor}: with {@code fields}, an object's fields one by one (the allocate
     * input), else the file's value (an array of records, or anything else whole).
     *
     * @throws JsonFileException  when the file is not JSON
     * @throws ReadLimitException when it is past one of {@code limits}
     */
    static void visit(Path file, ReadLimits limits, boolean fields, Visitor visitor) {
        checkSize(file, limits);
        String source = file.toString();
        try (InputStream in = Files.newInputStream(file)) {
            parse(in, source, limits, parser -> {
                if (parser.nextToken() == null) {
                    throw new JsonFileException(source, 1, 1, "文件是空的", null);
                }
                if (fields && parser.currentToken() == JsonToken.START_OBJECT) {
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String name = parser.currentName();
                        parser.nextToken();
                        visitValue(parser, source, name, name + " 数组中的记录", limits, visitor);
                    }
                } else {
                    visitValue(parser, source, null, "记录", limits, visitor);
                }
                endOfInput(parser, source);
                return null;
            });
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取 " + file, e);
        }
    }

    private static void visitValue(JsonParser parser, String source, String name, String noun, ReadLimits limits, Visitor visitor)
            throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY || !visitor.holdsRecords(name)) {
            visitor.value(name, ApplicationJson.MAPPER.readTree(parser));
            return;
        }
        visitor.array(name);
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            checkCount(index + 1, parser, source, noun, limits);
            visitor.element(name, index++, ApplicationJson.MAPPER.readTree(parser));
        }
    }

    /**
     * Refuses a value holding an array longer than {@link ReadLimits#maxRecords()}, naming it: one application
     * with a million materials would be assessed into millions of findings.
     *
     * @param path the value's place, as {@link Fields} names fields; empty for a record itself
     */
    static void checkArrays(JsonNode node, String path, ReadLimits limits) {
        if (node.isArray()) {
            if (node.size() > limits.maxRecords()) {
                throw new InvalidInputException(path.isEmpty() ? "$" : path, "有 " + node.size() + " 个元素，超过读取上限 maxRecords = "
                        + limits.maxRecords() + " 条；确需读取时，请调高此上限");
            }
            for (int i = 0; i < node.size(); i++) {
                checkArrays(node.get(i), path + "[" + i + "]", limits);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                checkArrays(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), limits);
            }
        }
    }

    private static void checkSize(Path file, ReadLimits limits) {
        try {
            long size = Files.size(file);
            if (size > limits.maxBytes()) {
                // Refused before reading: a file this size is not parsed only to be refused.
                throw new ReadLimitException(file.toString(), 1, 1, "文件大小为 " + size + " 字节", ReadLimits.Limit.MAX_BYTES,
                        limits.maxBytes(), null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取 " + file, e);
        }
    }

    private static void checkCount(int count, JsonParser parser, String source, String noun, ReadLimits limits) {
        if (count > limits.maxRecords()) {
            JsonLocation at = parser.currentTokenLocation();
            throw new ReadLimitException(source, at.getLineNr(), at.getColumnNr(), noun + "多于 " + limits.maxRecords() + " 条",
                    ReadLimits.Limit.MAX_RECORDS, limits.maxRecords(), null);
        }
    }

    private static void endOfInput(JsonParser parser, String source) throws IOException {
        JsonLocation at = parser.currentLocation();
        try {
            if (parser.nextToken() == null) {
                return;
            }
            at = parser.currentTokenLocation();
        } catch (JsonParseException e) {
            // Garbage rather than a second value: it is still something after the end.
            at = e.getLocation() == null ? at : e.getLocation();
        }
        throw new JsonFileException(source, at.getLineNr(), at.getColumnNr(), "JSON 结束后还有多余内容", null);
    }

    private static <T> T parse(InputStream in, String source, ReadLimits limits, Reading<T> reading) {
        JsonParser parser;
        try {
            parser = factory(limits).createParser(new Bounded(in, limits.maxBytes()));
        } catch (Bounded.TooLarge e) {
            throw tooLarge(source, e, limits);
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取 " + source, e);
        }
        // Not try-with-resources: that would close the parser before the catch clauses ask it where it stopped.
        try {
            return reading.read(parser);
        } catch (JsonProcessingException e) {
            throw fileError(source, parser, e, limits);
        } catch (Bounded.TooLarge e) {
            throw tooLarge(source, e, limits);
        } catch (CharConversionException e) {
            // Jackson's own UTF-32 decoder reports bad bytes this way, not as a parse error.
            JsonLocation at = parser.currentLocation();
            throw new JsonFileException(source, at.getLineNr(), at.getColumnNr(), encoding(e.getMessage()), e);
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取 " + source, e);
        } finally {
            close(parser, source);
        }
    }

    private static void close(JsonParser parser, String source) {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取 " + source, e);
        }
    }

    private static ReadLimitException tooLarge(String source, Bounded.TooLarge at, ReadLimits limits) {
        return new ReadLimitException(source, at.line, at.column, "文件多于 " + limits.maxBytes() + " 字节", ReadLimits.Limit.MAX_BYTES,
                limits.maxBytes(), at);
    }

    /** A Jackson error as the file's problem, in Chinese, at the place it names or else where the parser stopped. */
    private static JsonFileException fileError(String source, JsonParser parser, JsonProcessingException e, ReadLimits limits) {
        // A limit is reported without a place; the token it stopped at is the string too long or the bracket too deep.
        JsonLocation at = e.getLocation() != null && e.getLocation().getLineNr() > 0 ? e.getLocation()
                : e instanceof StreamConstraintsException ? parser.currentTokenLocation() : parser.currentLocation();
        int line = Math.max(at.getLineNr(), 1);
        int column = Math.max(at.getColumnNr(), 1);
        if (e instanceof StreamConstraintsException) {
            ReadLimits.Limit limit = limitOf(e.getOriginalMessage());
            if (limit != null) {
                return new ReadLimitException(source, line, column, found(limit), limit, limits.value(limit), e);
            }
        }
        return new JsonFileException(source, line, column, problem(e), e);
    }

    /**
     * What a Jackson error means, in Chinese; for {@link ApplicationJson#read(String)} too, whose input is
     * already one string in memory.
     */
    static String problem(JsonProcessingException e) {
        String original = e.getOriginalMessage();
        ReadLimits.Limit limit = e instanceof StreamConstraintsException ? limitOf(original) : null;
        if (limit != null) {
            return found(limit) + "，超过读取上限 " + limit.property();
        }
        if (e instanceof StreamConstraintsException && original.contains("getMaxNumberLength")) {
            return "数字超过 " + MAX_NUMBER_LENGTH + " 位，不是合同中任何字段可用的数值";
        }
        if (original.startsWith("Invalid UTF-8")) {
            return encoding(original);
        }
        if (original.startsWith("Trailing token")) {
            return "JSON 结束后还有多余内容";
        }
        if (original.startsWith("Duplicate field '")) {
            String name = original.substring("Duplicate field '".length(), original.length() - 1);
            return "同一对象中字段“" + name + "”出现了两次；每个字段只能写一次";
        }
        return "不是有效的 JSON：" + original;
    }

    private static String encoding(String original) {
        return "不是有效的 UTF-8 编码（" + original + "）；请将文件另存为 UTF-8（GBK、GB2312 等编码的文件须先转换）";
    }

    /**
     * Which limit Jackson's message is about: it names the {@link StreamReadConstraints} getter, e.g.
     * "String value length (20046850) exceeds the maximum allowed (20000000, from
     * `StreamReadConstraints.getMaxStringLength()`)"; null for a constraint that is not one of ours.
     */
    private static ReadLimits.Limit limitOf(String message) {
        if (message.contains("getMaxStringLength") || message.contains("getMaxNameLength")) {
            return ReadLimits.Limit.MAX_STRING_LENGTH;
        }
        if (message.contains("getMaxNestingDepth")) {
            return ReadLimits.Limit.MAX_DEPTH;
        }
        return null;
    }

    private static String found(ReadLimits.Limit limit) {
        return switch (limit) {
            case MAX_STRING_LENGTH -> "字符串或字段名过长";
            case MAX_DEPTH -> "数组和对象嵌套过深";
            // Counted by the readers themselves, never reported by Jackson.
            case MAX_BYTES, MAX_RECORDS -> throw new IllegalArgumentException(limit.property());
        };
    }

    private static <R> R next(int position, JsonParser parser, Element<R> element) throws IOException {
        int line = parser.currentTokenLocation().getLineNr();
        return element.read(position, line, ApplicationJson.MAPPER.readTree(parser));
    }

    /** The contract's error entry for a record that was not decided on: {@code "error": {"code", "field", "message"}}. */
    static ObjectNode error(ObjectNode node, InputError error, int position, int line) {
        node.putObject("error")
                .put("code", error.code())
                .put("field", error.field())
                .put("message", error.message());
        node.put("record", position);
        node.put("line", line);
        return node;
    }
}

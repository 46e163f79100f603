package org.carrierrules.json;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.json.DupDetector;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.carrierrules.InvalidInputException;

/**
 * What every input file of the contract shares: a JSON array of records (or a single record), each
 * read on its own so that one bad record never stops the others, and each bad one answered by an
 * error entry in its place. Files are read as a stream, one record's tree at a time, within
 * {@link ReadLimits}; whatever stops the reading is a {@link JsonFileException} with line and column,
 * in Chinese ({@link ContractErrors#file}). Each record's tree is then bound by {@link ContractMapper}.
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
    static final int MAX_NUMBER_LENGTH = 1000;

    private static final JsonFactory DEFAULT_FACTORY = build(ReadLimits.DEFAULTS);

    private JsonRecords() {
    }

    /**
     * A JSON factory within {@code limits} whose messages show where. Jackson skips a UTF-8 byte-order mark and
     * detects UTF-16 and UTF-32 by their first bytes. A repeated key is refused by {@link Strict}, which names it.
     */
    static JsonFactory factory(ReadLimits limits) {
        return limits.equals(ReadLimits.DEFAULTS) ? DEFAULT_FACTORY : build(limits);
    }

    private static JsonFactory build(ReadLimits limits) {
        return JsonFactory.builder()
                .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .streamReadConstraints(new Constraints(limits))
                .build();
    }

    /**
     * Jackson's read constraints, each refusal naming the limit it is: Jackson's own exception for any of them is one
     * type, told apart only by its English message.
     */
    private static final class Constraints extends StreamReadConstraints {
        private static final long serialVersionUID = 1L;

        Constraints(ReadLimits limits) {
            super(limits.maxDepth(), DEFAULT_MAX_DOC_LEN, MAX_NUMBER_LENGTH, limits.maxStringLength(), limits.maxStringLength(),
                    DEFAULT_MAX_TOKEN_COUNT);
        }

        @Override
        public void validateNestingDepth(int depth) throws StreamConstraintsException {
            if (depth > _maxNestingDepth) {
                throw new LimitReached(ReadLimits.Limit.MAX_DEPTH);
            }
        }

        @Override
        public void validateStringLength(int length) throws StreamConstraintsException {
            if (length > _maxStringLen) {
                throw new LimitReached(ReadLimits.Limit.MAX_STRING_LENGTH);
            }
        }

        @Override
        public void validateNameLength(int length) throws StreamConstraintsException {
            if (length > _maxNameLen) {
                throw new LimitReached(ReadLimits.Limit.MAX_STRING_LENGTH);
            }
        }

        @Override
        public void validateIntegerLength(int length) throws StreamConstraintsException {
            if (length > _maxNumLen) {
                throw new LimitReached(null);
            }
        }

        @Override
        public void validateFPLength(int length) throws StreamConstraintsException {
            if (length > _maxNumLen) {
                throw new LimitReached(null);
            }
        }
    }

    /** Input past one of the {@link ReadLimits} ({@link #limit()}), or a number longer than {@link #MAX_NUMBER_LENGTH} (null). */
    static final class LimitReached extends StreamConstraintsException {
        private static final long serialVersionUID = 1L;
        private final ReadLimits.Limit limit;

        LimitReached(ReadLimits.Limit limit) {
            super(limit == null ? "number too long" : limit.property());
            this.limit = limit;
        }

        ReadLimits.Limit limit() {
            return limit;
        }
    }

    /** A key written twice in one object. */
    static final class DuplicateField extends StreamReadException {
        private static final long serialVersionUID = 1L;
        private final String name;

        DuplicateField(JsonParser parser, String name) {
            super(parser, "repeated key", parser.currentTokenLocation());
            this.name = name;
        }

        String name() {
            return name;
        }

        @Override
        public DuplicateField withParser(JsonParser p) {
            return this;
        }

        @Override
        public DuplicateField withRequestPayload(com.fasterxml.jackson.core.util.RequestPayload payload) {
            return this;
        }
    }

    /** Something after the one JSON value of the input. */
    static final class TrailingContent extends StreamReadException {
        private static final long serialVersionUID = 1L;

        TrailingContent(JsonParser parser, JsonLocation at) {
            super(parser, "content after the value", at);
        }

        @Override
        public TrailingContent withParser(JsonParser p) {
            return this;
        }

        @Override
        public TrailingContent withRequestPayload(com.fasterxml.jackson.core.util.RequestPayload payload) {
            return this;
        }
    }

    /**
     * The parser, refusing a key written twice in one object with {@link DuplicateField}: Jackson's own check
     * ({@code STRICT_DUPLICATE_DETECTION}) gives the key only in its English message. Jackson's detector keeps the
     * keys of each object.
     */
    static final class Strict extends JsonParserDelegate {
        private final Deque<DupDetector> objects = new ArrayDeque<>();

        Strict(JsonParser parser) {
            super(parser);
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken token = delegate.nextToken();
            if (token == JsonToken.START_OBJECT) {
                objects.push(DupDetector.rootDetector(this));
            } else if (token == JsonToken.END_OBJECT) {
                objects.pop();
            } else if (token == JsonToken.FIELD_NAME && objects.peek().isDup(delegate.currentName())) {
                throw new DuplicateField(this, delegate.currentName());
            }
            return token;
        }

        @Override
        public JsonToken nextValue() throws IOException {
            JsonToken token = nextToken();
            return token == JsonToken.FIELD_NAME ? nextToken() : token;
        }

        /** Through {@link #nextToken()}, so that every object skipped is counted out again. */
        @Override
        public JsonParser skipChildren() throws IOException {
            if (currentToken() == JsonToken.START_OBJECT || currentToken() == JsonToken.START_ARRAY) {
                for (int open = 1; open > 0; ) {
                    JsonToken token = nextToken();
                    if (token == null) {
                        break;
                    }
                    open += token.isStructStart() ? 1 : token.isStructEnd() ? -1 : 0;
                }
            }
            return this;
        }
    }

    /**
     * One result per element, in order.
     *
     * @param noun what the records are, in Chinese, for messages about the file (e.g. 申报记录)
     * @throws JsonFileException when the input is not JSON, is neither an array nor an object, or is past a limit
     */
    static <R> List<R> readAll(InputStream in, String source, String noun, ReadLimits limits, Element<R> element) {
        List<R> records = new ArrayList<>();
        forEach(in, source, noun, limits, element, records::add);
        return records;
    }

    /**
     * Each element's result, in order, to {@code each} as soon as it is read; a problem with the input itself is
     * thrown after the elements before it were given.
     *
     * @see #readAll(InputStream, String, String, ReadLimits, Element)
     */
    static <R> void forEach(InputStream in, String source, String noun, ReadLimits limits, Element<R> element,
                            Consumer<R> each) {
        parse(in, source, limits, parser -> {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_OBJECT) {
                each.accept(next(1, parser, element));
            } else if (first == JsonToken.START_ARRAY) {
                int position = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    checkCount(++position, parser, source, noun, limits);
                    each.accept(next(position, parser, element));
                }
            } else {
                JsonLocation at = parser.currentLocation();
                throw new JsonFileException(source, at.getLineNr(), at.getColumnNr(),
                        first == null ? "文件是空的，应为" + noun + "的 JSON 数组 […]" : "应为" + noun + "的 JSON 数组 […]", null);
            }
            endOfInput(parser);
            return null;
        });
    }

    /** {@link #readAll(InputStream, String, String, ReadLimits, Element)} of a file, refused unread when it is too big. */
    static <R> List<R> readAll(Path file, String noun, ReadLimits limits, Element<R> element) {
        List<R> records = new ArrayList<>();
        forEach(file, noun, limits, element, records::add);
        return records;
    }

    /** {@link #forEach(InputStream, String, String, ReadLimits, Element, Consumer)} of a file, refused unread when it is too big. */
    static <R> void forEach(Path file, String noun, ReadLimits limits, Element<R> element, Consumer<R> each) {
        checkSize(file, limits);
        try (InputStream in = Files.newInputStream(file)) {
            forEach(in, file.toString(), noun, limits, element, each);
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
        private final ObjectNode fields = ContractMapper.MAPPER.createObjectNode();
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
            current = ContractMapper.MAPPER.createArrayNode();
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
                endOfInput(parser);
                return null;
            });
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取 " + file, e);
        }
    }

    private static void visitValue(JsonParser parser, String source, String name, String noun, ReadLimits limits, Visitor visitor)
            throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY || !visitor.holdsRecords(name)) {
            visitor.value(name, ContractMapper.MAPPER.readTree(parser));
            return;
        }
        visitor.array(name);
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            checkCount(index + 1, parser, source, noun, limits);
            visitor.element(name, index++, ContractMapper.MAPPER.readTree(parser));
        }
    }

    /**
     * Refuses a value holding an array longer than {@link ReadLimits#maxRecords()}, naming it: one application
     * with a million materials would be assessed into millions of findings.
     *
     * @param path the value's place, as errors name fields ({@code reviews[0].expertScores}); empty for a record itself
     */
    static void checkArrays(JsonNode node, String path, ReadLimits limits) {
        // Nearly every record is within the limit: it is walked once without naming places, and only a record
        // that is not is walked again to name the array (a path string for every value cost a tenth of reading).
        if (!withinLimit(node, limits.maxRecords())) {
            refuseArrays(node, path, limits);
        }
    }

    private static boolean withinLimit(JsonNode node, int maxRecords) {
        if (node.isContainerNode()) {
            if (node.isArray() && node.size() > maxRecords) {
                return false;
            }
            for (JsonNode child : node) {
                if (!withinLimit(child, maxRecords)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void refuseArrays(JsonNode node, String path, ReadLimits limits) {
        if (node.isArray()) {
            if (node.size() > limits.maxRecords()) {
                throw new InvalidInputException(path.isEmpty() ? "$" : path, "有 " + node.size() + " 个元素，超过读取上限 maxRecords = "
                        + limits.maxRecords() + " 条；确需读取时，请调高此上限");
            }
            for (int i = 0; i < node.size(); i++) {
                refuseArrays(node.get(i), path + "[" + i + "]", limits);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                refuseArrays(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), limits);
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

    private static void endOfInput(JsonParser parser) throws IOException {
        JsonLocation at = parser.currentLocation();
        try {
            if (parser.nextToken() == null) {
                return;
            }
            at = parser.currentTokenLocation();
        } catch (StreamReadException e) {
            // Garbage rather than a second value: it is still something after the end.
            at = e.getLocation() == null ? at : e.getLocation();
        }
        throw new TrailingContent(parser, at);
    }

    private static <T> T parse(InputStream in, String source, ReadLimits limits, Reading<T> reading) {
        Utf8Watch utf8 = new Utf8Watch(in);
        JsonParser parser;
        try {
            parser = new Strict(factory(limits).createParser(new Bounded(utf8, limits.maxBytes())));
        } catch (Bounded.TooLarge e) {
            throw tooLarge(source, e, limits);
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取 " + source, e);
        }
        // Not try-with-resources: that would close the parser before the catch clauses ask it where it stopped.
        try {
            return reading.read(parser);
        } catch (JsonProcessingException e) {
            throw ContractErrors.file(source, parser, e, utf8, limits);
        } catch (Bounded.TooLarge e) {
            throw tooLarge(source, e, limits);
        } catch (CharConversionException e) {
            // Jackson's own UTF-32 decoder reports bad bytes this way, not as a parse error.
            JsonLocation at = parser.currentLocation();
            throw new JsonFileException(source, at.getLineNr(), at.getColumnNr(), ContractErrors.encoding(e.getMessage()), e);
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取 " + source, e);
        } finally {
            close(parser, source);
        }
    }

    /**
     * One JSON value from a string already in memory, within the default limits; anything after it is an error,
     * never a second value silently dropped.
     *
     * @throws InvalidInputException for {@code $} when the string is not one JSON value
     */
    static JsonNode readTree(String json) {
        try (JsonParser parser = new Strict(factory(ReadLimits.DEFAULTS).createParser(json))) {
            JsonNode tree = parser.nextToken() == null ? ContractMapper.MAPPER.missingNode() : ContractMapper.MAPPER.readTree(parser);
            // Unlike a file's, garbage after the value is reported as Jackson parses it: not JSON.
            if (parser.nextToken() != null) {
                throw new TrailingContent(parser, parser.currentTokenLocation());
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("$", ContractErrors.problem(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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

    private static <R> R next(int position, JsonParser parser, Element<R> element) throws IOException {
        int line = parser.currentTokenLocation().getLineNr();
        return element.read(position, line, ContractMapper.MAPPER.readTree(parser));
    }
}

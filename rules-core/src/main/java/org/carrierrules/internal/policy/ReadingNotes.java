package org.carrierrules.internal.policy;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.SettableBeanProperty;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.deser.ValueInstantiators;
import com.fasterxml.jackson.databind.deser.impl.PropertyValueBuffer;

import org.carrierrules.internal.tree.KeyPath.Step;
import org.carrierrules.internal.tree.Nearest;

/**
 * What Jackson meets while it reads one policy file into its record, noted in the file's problems instead of
 * thrown, so that a file's problems are all listed at once rather than the first only: a key the record does
 * not have ({@code FAIL_ON_UNKNOWN_PROPERTIES}), a value of the wrong type or a date that does not exist, and a
 * key the record requires ({@code @JsonProperty(required = true)}) missing, empty or blank. Jackson goes on
 * with a null in the place; the record read is only a draft then, and is not used. One problem per place:
 * a value refused once is not also reported missing. Jackson asks for these notes through the reader's
 * attribute; read without it, a record is read as Jackson reads it, stopping at the first problem.
 */
final class ReadingNotes extends DeserializationProblemHandler {
    /** Builds every record of a policy file, noting each required key that is not given. */
    static final ValueInstantiators REQUIRED_KEYS = new ValueInstantiators.Base() {
        @Override
        public ValueInstantiator findValueInstantiator(DeserializationConfig config, BeanDescription description,
                                                       ValueInstantiator instantiator) {
            return description.getBeanClass().isRecord() ? new RequiredKeys(instantiator) : instantiator;
        }
    };

    private final FileProblems problems;
    private final Set<String> noted = new HashSet<>();

    ReadingNotes(FileProblems problems) {
        this.problems = problems;
    }

    /** Whether this is the first problem at {@code at}, which is then the one reported. */
    private boolean first(List<Step> at) {
        return noted.add(FileProblems.pointer(at).toString());
    }

    @Override
    public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser, JsonDeserializer<?> deserializer,
                                         Object bean, String name) throws IOException {
        List<Step> at = place(parser);
        if (first(at)) {
            problems.unknownKey(at, deserializer.getKnownPropertyNames());
        }
        parser.skipChildren();
        return true;
    }

    @Override
    public Object handleWeirdStringValue(DeserializationContext context, Class<?> type, String text, String message) {
        List<Step> at = place(context.getParser());
        if (first(at)) {
            problems.wrongText(at, type, text);
        }
        return null;
    }

    @Override
    public Object handleWeirdNumberValue(DeserializationContext context, Class<?> type, Number number, String message) {
        return wrongValue(context.getParser(), type);
    }

    @Override
    public Object handleWeirdKey(DeserializationContext context, Class<?> type, String key, String message) {
        List<Step> at = place(context.getParser());
        if (first(at)) {
            problems.wrongKey(at, type, key);
        }
        return null;
    }

    @Override
    public Object handleUnexpectedToken(DeserializationContext context, JavaType type, JsonToken token, JsonParser parser,
                                        String message) throws IOException {
        Object none = wrongValue(parser, type.getRawClass());
        parser.skipChildren();
        return none;
    }

    @Override
    public Object handleMissingInstantiator(DeserializationContext context, Class<?> type, ValueInstantiator instantiator,
                                            JsonParser parser, String message) throws IOException {
        Object none = wrongValue(parser, type);
        parser.skipChildren();
        return none;
    }

    private Object wrongValue(JsonParser parser, Class<?> type) {
        List<Step> at = place(parser);
        if (first(at)) {
            problems.wrongValue(at, type);
        }
        return null;
    }

    /** What Jackson threw all the same, unless its place has a problem already. */
    void add(JsonMappingException e) {
        if (first(FileProblems.place(e))) {
            problems.add(e);
        }
    }

    /** The place of the parser's token: the field names and list positions down to it. */
    private static List<Step> place(JsonParser parser) {
        return place(parser.getParsingContext());
    }

    /** A value that opens an object or a list has a context of its own already, which names nothing yet. */
    private static List<Step> place(JsonStreamContext context) {
        Deque<Step> steps = new ArrayDeque<>();
        for (JsonStreamContext step = context; step != null && !step.inRoot(); step = step.getParent()) {
            if (step.inArray() && step.hasCurrentIndex()) {
                steps.addFirst(Step.at(step.getCurrentIndex()));
            } else if (step.inObject() && step.hasCurrentName()) {
                steps.addFirst(Step.field(step.getCurrentName()));
            }
        }
        return List.copyOf(steps);
    }

    /**
     * The place of the record Jackson builds: it does so at the end of the record's object, in the context that
     * holds it, or as soon as every value the record is built from has been read, at the key that follows them.
     */
    private static List<Step> record(JsonParser parser) {
        JsonStreamContext context = parser.getParsingContext();
        return place(parser.currentToken() == JsonToken.FIELD_NAME ? context.getParent() : context);
    }

    /**
     * Whether {@code object} has a key none of {@code known} that is {@code key} mistyped ({@code copys} for copies,
     * {@code {code：FACULTY}} with its colon full width): such a key is told as a key not known, with the keys there
     * are, and not also as {@code key} missing.
     */
    static boolean mistyped(String key, JsonNode object, Set<String> known) {
        Set<String> notKnown = new HashSet<>();
        object.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                String fullWidth = YamlSyntax.fullWidthKey(name);
                notKnown.add(fullWidth == null ? name : fullWidth);
            }
        });
        return Nearest.of(key, notKnown) != null;
    }

    /** Jackson's instantiator of a record, given the record's values with a null for each required key not given. */
    private static final class RequiredKeys extends ValueInstantiator.Delegating {
        RequiredKeys(ValueInstantiator instantiator) {
            super(instantiator);
        }

        @Override
        public Object createFromObjectWith(DeserializationContext context, SettableBeanProperty[] properties,
                                           PropertyValueBuffer buffer) throws IOException {
            if (!(context.getAttribute(ReadingNotes.class) instanceof ReadingNotes notes)) {
                return super.createFromObjectWith(context, properties, buffer);
            }
            List<Step> record = record(context.getParser());
            Set<String> known = new HashSet<>();
            for (SettableBeanProperty property : properties) {
                known.add(property.getName());
            }
            JsonNode object = notes.problems.tree().root().at(FileProblems.pointer(record));
            Object[] values = new Object[properties.length];
            for (int i = 0; i < properties.length; i++) {
                SettableBeanProperty property = properties[i];
                values[i] = buffer.hasParameter(property) || !property.isRequired() ? buffer.getParameter(property) : null;
                // A key misspelled (copys for copies) is told as a key not known, with the keys there are; not also as missing.
                if (property.isRequired() && (values[i] == null || values[i] instanceof String text && text.isBlank())
                        && !mistyped(property.getName(), object, known)) {
                    List<Step> at = new ArrayList<>(record);
                    at.add(Step.field(property.getName()));
                    if (notes.first(at)) {
                        notes.problems.missing(at, property.getMetadata().getDescription());
                    }
                }
            }
            return delegate().createFromObjectWith(context, values);
        }
    }
}

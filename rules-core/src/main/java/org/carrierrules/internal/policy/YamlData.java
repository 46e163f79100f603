package org.carrierrules.internal.policy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.carrierrules.policy.PolicyProblem;

/**
 * Reads the YAML files of a policy directory into their records, strictly: a key the record does not have is
 * an error, and so is a required key ({@code @JsonProperty(required = true)} on the record) that is missing or
 * empty. The file is read as a located tree first, so that every problem, Jackson's or a later check's, is told
 * at its line ({@link FileProblems}), and all of a file's problems are listed at once ({@link ReadingNotes}).
 */
public final class YamlData {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .registerModule(new SimpleModule("carrier-rules policy files") {
                @Override
                public void setupModule(SetupContext context) {
                    super.setupModule(context);
                    context.addValueInstantiators(ReadingNotes.REQUIRED_KEYS);
                }
            })
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // copies: 1.5 is a slip, not one copy.
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    static {
        // `window: ''` is a window not written, told as a missing key, rather than an error that ends the reading.
        YAML.coercionConfigDefaults().setCoercion(CoercionInputShape.EmptyString, CoercionAction.AsNull);
    }

    /** For files whose records require their keys by themselves. */
    private static final Consumer<FileProblems> NO_KEYS = reading -> {
    };

    private YamlData() {
    }

    /** The strict reader of policy YAML files, for the files read as located trees ({@link LocatedTree}). */
    public static ObjectMapper mapper() {
        return YAML;
    }

    /**
     * A policy file read into its record, with the file's problems at its lines, for the checks that follow
     * the reading.
     */
    public record Located<T>(T content, FileProblems problems) {
    }

    /** The file's content, or null with its problems added when it is missing or malformed. */
    public static <T> T read(PolicyFiles files, String path, Class<T> type, List<PolicyProblem> problems) {
        Located<T> file = located(files, path, type, problems);
        return file == null ? null : file.content();
    }

    /** The file read, or null with its problems added when it is missing or malformed. */
    public static <T> Located<T> located(PolicyFiles files, String path, Class<T> type, List<PolicyProblem> problems) {
        return located(files, path, type, NO_KEYS, problems);
    }

    /**
     * The file read, as {@link #located(PolicyFiles, String, Class, List)}, with {@code keys} told of its tree
     * as it is read: for the keys a record cannot require by itself, those required or not depending on the
     * others ({@code rubric.yaml}'s tables), so that their absence is listed with the reading's problems, in the
     * order of the lines, and a file's problems still come all at once.
     */
    public static <T> Located<T> located(PolicyFiles files, String path, Class<T> type, Consumer<FileProblems> keys,
                                         List<PolicyProblem> problems) {
        if (!files.contains(path)) {
            problems.add(new PolicyProblem(path, 0, "缺少此文件"));
            return null;
        }
        return located(path, files.bytes(path), type, keys, problems);
    }

    /**
     * The file read, or null with its problems added when it is not YAML, empty, or not the record's shape:
     * each problem at its line, in the order of the lines.
     */
    public static <T> Located<T> located(String path, byte[] bytes, Class<T> type, List<PolicyProblem> problems) {
        return located(path, bytes, type, NO_KEYS, problems);
    }

    private static <T> Located<T> located(String path, byte[] bytes, Class<T> type, Consumer<FileProblems> keys,
                                          List<PolicyProblem> problems) {
        List<PolicyProblem> found = new ArrayList<>();
        LocatedTree tree = LocatedTree.read(path, bytes, found);
        T content = null;
        if (tree != null && (tree.root().isMissingNode() || tree.root().isNull())) {
            // No document at all (an empty file, or comments only) has no line to point at.
            found.add(new PolicyProblem(path, 0, "文件是空的"));
        } else if (tree != null) {
            FileProblems reading = new FileProblems(path, tree, found);
            content = bind(tree, type, reading);
            keys.accept(reading);
        }
        found.sort(Comparator.comparingInt(PolicyProblem::line));
        problems.addAll(found);
        return found.isEmpty() ? new Located<>(content, new FileProblems(path, tree, problems)) : null;
    }

    private static <T> T bind(LocatedTree tree, Class<T> type, FileProblems problems) {
        ReadingNotes notes = new ReadingNotes(problems);
        try {
            return YAML.readerFor(type).withHandler(notes).withAttribute(ReadingNotes.class, notes).readValue(tree.root());
        } catch (JsonMappingException e) {
            notes.add(e);
        } catch (IOException e) {
            // Not met: a tree in memory has no input to fail; should Jackson refuse it all the same, the file is named.
            problems.add(JsonPointer.empty(), "文件的内容无法读入：请对照本库自带政策中的同一文件检查它的写法");
        }
        return null;
    }

    /** A YAML file as a tree, or null with a problem added when it is malformed. */
    public static JsonNode tree(String path, byte[] bytes, List<PolicyProblem> problems) {
        LocatedTree tree = LocatedTree.read(path, bytes, problems);
        return tree == null ? null : tree.root();
    }

    /** The line each value of {@code field} is written on, anywhere in the document, by value; first wins. */
    public static Map<String, Integer> valueLines(byte[] yaml, String field) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = YAML.createParser(yaml)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME && field.equals(parser.currentName())) {
                    int line = parser.currentTokenLocation().getLineNr();
                    if (parser.nextToken() == JsonToken.VALUE_STRING) {
                        lines.putIfAbsent(parser.getText(), line);
                    }
                }
            }
        } catch (IOException unreadable) {
            // read() has reported the file's syntax already; the lines found up to there still serve.
        }
        return lines;
    }

    /** A tree written back as YAML, for a changed copy of a round file. */
    public static byte[] write(JsonNode tree) {
        try {
            return YAML.writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a YAML tree that was read can be written", e);
        }
    }
}

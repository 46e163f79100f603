package org.carrierrules.internal.policy;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.carrierrules.policy.PolicyProblem;

/**
 * Reads the YAML files of a policy directory into their records, strictly (an unknown key is an
 * error), and turns Jackson's English exceptions into a problem a policy officer can act on: file,
 * line, the key's path and what is wrong.
 */
public final class YamlData {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private YamlData() {
    }

    /** The strict reader of policy YAML files, for the files read as located trees ({@link LocatedTree}). */
    public static ObjectMapper mapper() {
        return YAML;
    }

    /** The file's content, or null with a problem added when it is missing or malformed. */
    public static <T> T read(PolicyFiles files, String path, Class<T> type, List<PolicyProblem> problems) {
        if (!files.contains(path)) {
            problems.add(new PolicyProblem(path, 0, "缺少此文件"));
            return null;
        }
        try (JsonParser parser = YAML.createParser(files.bytes(path))) {
            // No document at all (an empty file, or comments only) would otherwise be reported as a
            // value of the wrong type.
            T value = parser.nextToken() == null ? null : YAML.readValue(parser, type);
            if (value == null) {
                problems.add(new PolicyProblem(path, 0, "文件是空的"));
            }
            return value;
        } catch (JsonProcessingException e) {
            problems.add(new PolicyProblem(path, line(e, files.bytes(path)), describe(e)));
            return null;
        } catch (IOException e) {
            problems.add(new PolicyProblem(path, 0, "无法读取：" + e.getMessage()));
            return null;
        }
    }

    /** A YAML file as a tree, or null with a problem added when it is malformed. */
    public static JsonNode tree(String path, byte[] bytes, List<PolicyProblem> problems) {
        try {
            return YAML.readTree(bytes);
        } catch (JsonProcessingException e) {
            problems.add(new PolicyProblem(path, line(e.getLocation()), describe(e)));
            return null;
        } catch (IOException e) {
            problems.add(new PolicyProblem(path, 0, "无法读取：" + e.getMessage()));
            return null;
        }
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

    private static int line(JsonLocation location) {
        return location == null ? 0 : Math.max(location.getLineNr(), 0);
    }

    /**
     * The line to show for an error. The files are read into records, which Jackson builds through
     * their constructors: it holds an unknown key back until the end of its object and reports the
     * line there, so the line of an unknown key is looked up instead.
     */
    private static int line(JsonProcessingException e, byte[] yaml) {
        if (e instanceof UnrecognizedPropertyException u) {
            List<Object> key = u.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? (Object) ref.getFieldName() : (Object) ref.getIndex()).toList();
            try (JsonParser parser = YAML.createParser(yaml)) {
                for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                    if (token == JsonToken.FIELD_NAME && key.equals(pathOf(parser.getParsingContext()))) {
                        return parser.currentTokenLocation().getLineNr();
                    }
                }
            } catch (IOException unreadable) {
                // The key lies before the place where Jackson stopped, so the walk finds it first; were
                // the text unreadable before it all the same, Jackson's line is the one left to give.
            }
        }
        return line(e.getLocation());
    }

    /** Field names and list positions from the top of the document down to the parser's place. */
    private static List<Object> pathOf(JsonStreamContext context) {
        Deque<Object> steps = new ArrayDeque<>();
        for (JsonStreamContext step = context; step != null && !step.inRoot(); step = step.getParent()) {
            steps.addFirst(step.inArray() ? (Object) step.getCurrentIndex() : step.getCurrentName());
        }
        return List.copyOf(steps);
    }

    static String describe(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "不认识的键“" + keyPath(u) + "”，可用的键为：" + known(u.getKnownPropertyIds()) + "（是否拼写有误？）";
        }
        if (e instanceof InvalidFormatException f) {
            return "“" + keyPath(f) + "”的值“" + f.getValue() + "”不是有效的" + typeName(f.getTargetType());
        }
        if (e instanceof MismatchedInputException m) {
            return "“" + keyPath(m) + "”的值应为" + typeName(m.getTargetType());
        }
        return "YAML 格式错误：" + e.getOriginalMessage();
    }

    private static String keyPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String known(Collection<Object> ids) {
        return ids == null ? "" : ids.stream().map(String::valueOf).sorted().collect(Collectors.joining("、"));
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "值";
        }
        if (type.isEnum()) {
            return "取值（可选：" + java.util.Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining("、")) + "）";
        }
        if (type == Integer.class || type == int.class) {
            return "整数";
        }
        if (type == java.time.LocalDateTime.class) {
            return "日期时间（格式如 2024-08-25T18:00:00）";
        }
        if (type == java.time.LocalDate.class) {
            return "日期（格式如 2024-09-11）";
        }
        if (type == String.class) {
            return "文字";
        }
        if (List.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type)) {
            return "列表";
        }
        return "对象（若干“键: 值”）";
    }
}

package org.carrierrules.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

import org.carrierrules.PolicyProblem;

/**
 * A YAML file of a policy directory read as a tree, together with the line of every key and every list item,
 * taken from the YAML parser's own locations (not found by searching the text, which a name repeated in a
 * comment or in another scenario's name would fool). A key written twice in the same place is a problem:
 * the tree keeps only the later value, and the earlier would otherwise be lost without a word.
 *
 * @param root  the document; an empty file is a missing node
 * @param lines for each place of the document, as a JSON Pointer ({@code /scenarios/3/change/applicant.type}),
 *              the line where its key (or, for a list item, the item) is written
 */
record LocatedTree(JsonNode root, Map<String, Integer> lines) {
    LocatedTree {
        lines = Map.copyOf(lines);
    }

    /** The file's tree, or null with a problem added when it is not YAML; a key written twice is a problem too. */
    static LocatedTree read(String file, byte[] bytes, List<PolicyProblem> problems) {
        JsonNode root;
        try {
            root = YamlData.mapper().readTree(bytes);
        } catch (JsonProcessingException e) {
            problems.add(new PolicyProblem(file, e.getLocation() == null ? 0 : Math.max(e.getLocation().getLineNr(), 0),
                    YamlData.describe(e)));
            return null;
        } catch (IOException e) {
            problems.add(new PolicyProblem(file, 0, "无法读取：" + e.getMessage()));
            return null;
        }
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = YamlData.mapper().createParser(bytes)) {
            // Inside the value of a key written twice, every key is met for the second time: only the key itself is reported.
            int quietBelow = Integer.MAX_VALUE;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                JsonStreamContext context = parser.getParsingContext();
                int depth = context.getNestingDepth();
                if (depth <= quietBelow) {
                    quietBelow = Integer.MAX_VALUE;
                }
                if (token.isStructEnd()) {
                    continue;
                }
                // For a value that opens an object or a list, the context is already the new one, whose
                // pointer is the item's; whether it is an item is a question for the context it is in.
                JsonStreamContext holder = token.isStructStart() ? context.getParent() : context;
                if (token != JsonToken.FIELD_NAME && holder.inObject()) {
                    continue;
                }
                String pointer = context.pathAsPointer().toString();
                int line = parser.currentTokenLocation().getLineNr();
                Integer earlier = lines.put(pointer, line);
                if (token == JsonToken.FIELD_NAME && earlier != null && depth < quietBelow) {
                    problems.add(new PolicyProblem(file, line, "键“" + Texts.abbreviate(parser.currentName()) + "”重复（第"
                            + earlier + "行已写过同一个键）：后写的值会覆盖先写的，请删去或合并其中一个"));
                    quietBelow = depth;
                }
            }
        } catch (IOException e) {
            // The text parsed as a tree a moment ago; were it unreadable now, places simply have no line (0).
        }
        return new LocatedTree(root, lines);
    }

    /** The line of {@code at}, or of the nearest place above it that has one; 0 when none has. */
    int line(JsonPointer at) {
        for (JsonPointer p = at; p != null; p = p.head()) {
            Integer line = lines.get(p.toString());
            if (line != null) {
                return line;
            }
        }
        return 0;
    }
}

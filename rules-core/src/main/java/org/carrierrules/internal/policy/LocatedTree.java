package org.carrierrules.internal.policy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import org.carrierrules.internal.tree.Texts;
import org.carrierrules.policy.PolicyProblem;

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
public record LocatedTree(JsonNode root, Map<String, Integer> lines) {
    public LocatedTree {
        lines = Map.copyOf(lines);
    }

    /** The file's tree, or null with a problem added when it is not YAML; a key written twice is a problem too. */
    public static LocatedTree read(String file, byte[] bytes, List<PolicyProblem> problems) {
        Map<String, Integer> lines = new HashMap<>();
        List<PolicyProblem> repeated = new ArrayList<>();
        try (Locating parser = new Locating(YamlData.mapper().createParser(bytes), file, lines, repeated)) {
            // One pass: Jackson builds the tree from the very tokens whose places are noted. What follows the
            // document is looked at here, to be told in plain words.
            JsonNode root = YamlData.mapper().reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(parser);
            if (root != null && parser.nextToken() != null) {
                problems.add(new PolicyProblem(file, parser.currentTokenLocation().getLineNr(),
                        "第一份内容之后还有内容（如又一个以“---”开始的文档）：每个文件只写一份内容"));
                return null;
            }
            problems.addAll(repeated);
            return new LocatedTree(root == null ? MissingNode.getInstance() : root, lines);
        } catch (JsonProcessingException e) {
            problems.add(YamlSyntax.problem(file, bytes, e));
            return null;
        } catch (IOException e) {
            // Not met: the parser reads bytes in memory, and reports what it cannot read as a processing exception.
            problems.add(new PolicyProblem(file, 0, "无法读取：" + e.getMessage()));
            return null;
        }
    }

    /**
     * Hands the YAML parser's tokens on to Jackson's tree reader, noting as each passes the line of the place
     * it opens: a key, or an item of a list. Every way of asking for the next token goes through
     * {@link #nextToken}, so that none slips past unnoted.
     */
    private static final class Locating extends JsonParserDelegate {
        private final String file;
        private final Map<String, Integer> lines;
        private final List<PolicyProblem> repeated;
        /** Inside the value of a key written twice every key is met for the second time: only the key itself is reported. */
        private int quietBelow = Integer.MAX_VALUE;

        Locating(JsonParser parser, String file, Map<String, Integer> lines, List<PolicyProblem> repeated) {
            super(parser);
            this.file = file;
            this.lines = lines;
            this.repeated = repeated;
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken token = delegate.nextToken();
            if (token != null) {
                note(token);
            }
            return token;
        }

        private void note(JsonToken token) {
            JsonStreamContext context = delegate.getParsingContext();
            int depth = context.getNestingDepth();
            if (depth <= quietBelow) {
                quietBelow = Integer.MAX_VALUE;
            }
            if (token.isStructEnd()) {
                return;
            }
            // For a value that opens an object or a list, the context is already the new one, whose
            // pointer is the item's; whether it is an item is a question for the context it is in.
            JsonStreamContext holder = token.isStructStart() ? context.getParent() : context;
            if (token != JsonToken.FIELD_NAME && holder.inObject()) {
                return;
            }
            String pointer = context.pathAsPointer().toString();
            int line = delegate.currentTokenLocation().getLineNr();
            Integer earlier = lines.put(pointer, line);
            if (token == JsonToken.FIELD_NAME && earlier != null && depth < quietBelow) {
                repeated.add(new PolicyProblem(file, line, "键“" + Texts.abbreviate(context.getCurrentName()) + "”重复（第"
                        + earlier + "行已写过同一个键）：后写的值会覆盖先写的，请删去或合并其中一个"));
                quietBelow = depth;
            }
        }

        @Override
        public JsonToken nextValue() throws IOException {
            JsonToken token = nextToken();
            return token == JsonToken.FIELD_NAME ? nextToken() : token;
        }

        @Override
        public String nextFieldName() throws IOException {
            return nextToken() == JsonToken.FIELD_NAME ? delegate.currentName() : null;
        }

        @Override
        public boolean nextFieldName(SerializableString name) throws IOException {
            return nextToken() == JsonToken.FIELD_NAME && name.getValue().equals(delegate.currentName());
        }

        @Override
        public String nextTextValue() throws IOException {
            return nextToken() == JsonToken.VALUE_STRING ? delegate.getText() : null;
        }

        @Override
        public int nextIntValue(int defaultValue) throws IOException {
            return nextToken() == JsonToken.VALUE_NUMBER_INT ? delegate.getIntValue() : defaultValue;
        }

        @Override
        public long nextLongValue(long defaultValue) throws IOException {
            return nextToken() == JsonToken.VALUE_NUMBER_INT ? delegate.getLongValue() : defaultValue;
        }

        @Override
        public Boolean nextBooleanValue() throws IOException {
            JsonToken token = nextToken();
            return token == JsonToken.VALUE_TRUE ? Boolean.TRUE : token == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
        }

        @Override
        public JsonParser skipChildren() throws IOException {
            if (delegate.currentToken() != null && delegate.currentToken().isStructStart()) {
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

    /** The line of {@code at}, or of the nearest place above it that has one; 0 when none has. */
    public int line(JsonPointer at) {
        for (JsonPointer p = at; p != null; p = p.head()) {
            Integer line = lines.get(p.toString());
            if (line != null) {
                return line;
            }
        }
        return 0;
    }
}

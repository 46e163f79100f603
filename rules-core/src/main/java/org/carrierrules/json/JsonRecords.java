package org.carrierrules.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What every input file of the contract shares: a JSON array of records (or a single record), each
 * read on its own so that one bad record never stops the others, and each bad one answered by an
 * error entry in its place.
 */
final class JsonRecords {
    /** Turns one element of the array into a result, valid or invalid; never throws for a bad record. */
    interface Element<R> {
        R read(int position, int line, JsonNode node);
    }

    private JsonRecords() {
    }

    /**
     * One result per element, in order.
     *
     * @param noun what the records are, in Chinese, for messages about the file (e.g. 申报记录)
     * @throws JsonFileException when the input is not JSON, or neither an array nor an object
     */
    static <R> List<R> readAll(InputStream in, String source, String noun, Element<R> element) {
        List<R> records = new ArrayList<>();
        try (JsonParser parser = ApplicationJson.MAPPER.createParser(in)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_OBJECT) {
                records.add(next(1, parser, element));
            } else if (first == JsonToken.START_ARRAY) {
                int position = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    records.add(next(++position, parser, element));
                }
            } else {
                JsonLocation at = parser.currentLocation();
                throw new JsonFileException(source, at.getLineNr(), at.getColumnNr(),
                        first == null ? "文件是空的，应为" + noun + "的 JSON 数组 […]" : "应为" + noun + "的 JSON 数组 […]", null);
            }
            if (parser.nextToken() != null) {
                JsonLocation at = parser.currentLocation();
                throw new JsonFileException(source, at.getLineNr(), at.getColumnNr(), "JSON 结束后还有多余内容", null);
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new JsonFileException(source, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    "不是有效的 JSON：" + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取 " + source, e);
        }
        return records;
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

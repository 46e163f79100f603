package org.carrierrules.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** RFC 8785 (JSON Canonicalization Scheme) against the RFC's own examples and ECMAScript's number serialisation. */
class JcsTest {
    private static JsonNode parse(String json) throws IOException {
        return ContractMapper.MAPPER.readTree(json);
    }

    private static double bits(String hex) {
        return Double.longBitsToDouble(Long.parseUnsignedLong(hex, 16));
    }

    /** RFC 8785, Appendix B: IEEE 754 doubles and their canonical text. */
    @Test
    void theNumberSamplesOfAppendixB() {
        Map<String, String> samples = Map.ofEntries(
                Map.entry("0000000000000000", "0"),
                Map.entry("8000000000000000", "0"),
                Map.entry("0000000000000001", "5e-324"),
                Map.entry("8000000000000001", "-5e-324"),
                Map.entry("7fefffffffffffff", "1.7976931348623157e+308"),
                Map.entry("ffefffffffffffff", "-1.7976931348623157e+308"),
                Map.entry("4340000000000000", "9007199254740992"),
                Map.entry("c340000000000000", "-9007199254740992"),
                Map.entry("4430000000000000", "295147905179352830000"),
                Map.entry("44b52d02c7e14af5", "9.999999999999997e+22"),
                Map.entry("44b52d02c7e14af6", "1e+23"),
                Map.entry("44b52d02c7e14af7", "1.0000000000000001e+23"),
                Map.entry("444b1ae4d6e2ef4e", "999999999999999700000"),
                Map.entry("444b1ae4d6e2ef4f", "999999999999999900000"),
                Map.entry("444b1ae4d6e2ef50", "1e+21"),
                Map.entry("3eb0c6f7a0b5ed8c", "9.999999999999997e-7"),
                Map.entry("3eb0c6f7a0b5ed8d", "0.000001"),
                Map.entry("41b3de4355555553", "333333333.3333332"),
                Map.entry("41b3de4355555554", "333333333.33333325"),
                Map.entry("41b3de4355555555", "333333333.3333333"),
                Map.entry("41b3de4355555556", "333333333.3333334"),
                Map.entry("41b3de4355555557", "333333333.33333343"),
                Map.entry("becbf647612f3696", "-0.0000033333333333333333"),
                Map.entry("43143ff3c1cb0959", "1424953923781206.2"));
        samples.forEach((hex, text) -> assertEquals(text, Jcs.number(bits(hex)), hex));
    }

    @Test
    void plainNotationEndsAt1e21AndStartsAt1eMinus6() {
        assertEquals("1e+21", Jcs.number(1e21));
        assertEquals("100000000000000000000", Jcs.number(1e20));
        assertEquals("1e-7", Jcs.number(1e-7));
        assertEquals("0.000001", Jcs.number(1e-6));
        assertEquals("0", Jcs.number(-0.0));
        assertEquals("333333333.3333333", Jcs.number(333333333.3333333));
        assertEquals("85.33", Jcs.number(85.33));
        assertEquals("-1.5e-7", Jcs.number(-1.5e-7));
    }

    @Test
    void nanAndTheInfinitiesHaveNoCanonicalForm() {
        assertThrows(IllegalArgumentException.class, () -> Jcs.number(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Jcs.number(Double.POSITIVE_INFINITY));
        ObjectNode tree = ContractMapper.MAPPER.createObjectNode();
        tree.putArray("scores").add(1).add(DoubleNode.valueOf(Double.NEGATIVE_INFINITY));
        DecisionRecordException e = assertThrows(DecisionRecordException.class, () -> Jcs.text(tree, "input"));
        assertEquals("input.scores[1]", e.field());
        assertEquals(DecisionRecordException.Reason.NOT_I_JSON, e.reason());
    }

    @Test
    void aNumberBeyondTheDoublesIsRefusedWithItsPathNotRounded() throws IOException {
        DecisionRecordException e = assertThrows(DecisionRecordException.class,
                () -> Jcs.text(parse("{\"a\": {\"b\": [0, 1e400]}}"), ""));
        assertEquals("a.b[1]", e.field());
        assertTrue(e.problem().contains("1E+400"), e.problem());
        assertThrows(DecisionRecordException.class, () -> Jcs.text(parse("[1e999999999]"), ""));
    }

    /**
     * Every double of {@code es-numbers.tsv} as ECMAScript writes it: written by {@code es-numbers.js} with node,
     * every power of two (where the doubles that read back are lopsided), every power of ten, random bit patterns
     * and random decimals.
     */
    @Test
    void everyNumberAsEcmaScriptWritesIt() throws IOException {
        List<String> rows;
        try (InputStream in = JcsTest.class.getResourceAsStream("/jcs/es-numbers.tsv")) {
            rows = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("#")).toList();
        }
        assertTrue(rows.size() > 5000, "the oracle table is there: " + rows.size());
        for (String row : rows) {
            String[] cells = row.split("\t");
            assertEquals(cells[1], Jcs.number(bits(cells[0])), cells[0]);
        }
    }

    /** RFC 8785, section 3.2.2: the sample of primitive serialisation. */
    @Test
    void theSampleOfSection322() throws IOException {
        String input = "{\n"
                + "  \"numbers\": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],\n"
                + "  \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\n"
                + "  \"literals\": [null, true, false]\n"
                + "}";
        String expected = "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                + "\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";
        assertEquals(expected, Jcs.text(parse(input), ""));
        // The UTF-8 of that output as the RFC prints it in hex.
        byte[] utf8 = HexFormat.of().parseHex(("7b226c69746572616c73223a5b6e756c6c2c747275652c66616c73655d2c226e"
                + "756d62657273223a5b3333333333333333332e333333333333332c31652b3330"
                + "2c342e352c302e3030322c31652d32375d2c22737472696e67223a22e282ac24"
                + "5c75303030665c6e4127425c225c5c5c5c5c222f227d"));
        assertArrayEquals(utf8, Jcs.bytes(parse(input), ""));
    }

    /** RFC 8785, section 3.2.3: members sorted by the UTF-16 code units of their names, not by code point or UTF-8. */
    @Test
    void theSortingSampleOfSection323() throws IOException {
        String input = "{\"\\u20ac\": \"Euro Sign\", \"\\r\": \"Carriage Return\", \"\\ufb33\": \"Hebrew Letter Dalet With Dagesh\","
                + " \"1\": \"One\", \"\\ud83d\\ude00\": \"Emoji: Grinning Face\", \"\\u0080\": \"Control\","
                + " \"\\u00f6\": \"Latin Small Letter O With Diaeresis\"}";
        String canonical = Jcs.text(parse(input), "");
        List<String> order = List.of("Carriage Return", "One", "Control", "Latin Small Letter O With Diaeresis", "Euro Sign",
                "Emoji: Grinning Face", "Hebrew Letter Dalet With Dagesh");
        int last = -1;
        for (String value : order) {
            int at = canonical.indexOf(value);
            assertTrue(at > last, value + " after the one before in " + canonical);
            last = at;
        }
        assertTrue(canonical.startsWith("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":"), canonical);
    }

    @Test
    void onlyTheShortEscapesAndControlCharactersAreEscaped() throws IOException {
        assertEquals("\"\\b\\f\\n\\r\\t\\u0000\\u001f\\\"\\\\/\u007f\u2028é😀\"",
                Jcs.text(parse("\"\\b\\f\\n\\r\\t\\u0000\\u001F\\\"\\\\\\/\\u007f\\u2028\\u00e9\\ud83d\\ude00\""), ""));
    }

    @Test
    void halfASurrogatePairIsRefusedWithItsPath() throws IOException {
        DecisionRecordException e = assertThrows(DecisionRecordException.class,
                () -> Jcs.text(parse("{\"decision\": {\"message\": \"a\\ud800b\"}}"), ""));
        assertEquals("decision.message", e.field());
        // Jackson refuses half a pair in a name it reads; a host's own tree may still hold one.
        ObjectNode tree = ContractMapper.MAPPER.createObjectNode().put("\udc00", 1);
        DecisionRecordException key = assertThrows(DecisionRecordException.class, () -> Jcs.text(tree, ""));
        assertEquals("\udc00", key.field());
    }

    @Test
    void nestingPastTheLimitIsRefusedNotRecursedInto() {
        JsonNode deep = ContractMapper.MAPPER.createArrayNode();
        JsonNode inner = deep;
        for (int i = 0; i < 10_000; i++) {
            inner = ((com.fasterxml.jackson.databind.node.ArrayNode) inner).addArray();
        }
        DecisionRecordException e = assertThrows(DecisionRecordException.class, () -> Jcs.text(deep, ""));
        assertEquals(DecisionRecordException.Reason.MALFORMED, e.reason());
        assertTrue(e.field().startsWith("[0][0][0]"), e.field());
    }
}

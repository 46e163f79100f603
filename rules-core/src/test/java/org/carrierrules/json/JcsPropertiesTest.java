package org.carrierrules.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * What must hold of RFC 8785 for any JSON value: the canonical form does not depend on how the value was
 * written (key order, whitespace, escapes, the spelling of a number), and reading the canonical form
 * back gives the same canonical form.
 */
class JcsPropertiesTest {
    private static final long SEED = 20240729L;
    private static final int EXAMPLES = 300;
    /** Names and strings are drawn from these, so that sorting meets controls, Latin-1, BMP and astral characters. */
    private static final String[] PIECES = {"a", "b", "Z", "1", "_", " ", "\r", "\n", "\t", "\u0000", "\u001f", "\"", "\\", "/",
        "\u007f", "\u0080", "é", "ö", "€", "申报", "\ufb33", "\u2028", "😀", "\ud834\udd1e"};

    /** A random JSON value up to 4 levels deep, numbers of every kind a tree can hold. */
    private static Gen<JsonNode> values() {
        return in -> value(in, 0);
    }

    private static int below(RandomnessSource in, int n) {
        return (int) in.next(Constraint.between(0, n - 1));
    }

    private static JsonNode value(RandomnessSource in, int depth) {
        int kind = below(in, depth >= 4 ? 5 : 7);
        switch (kind) {
            case 0:
                return NullNode.instance;
            case 1:
                return BooleanNode.valueOf(below(in, 2) == 1);
            case 2:
                return TextNode.valueOf(text(in));
            case 3:
            case 4:
                return number(in);
            case 5: {
                ArrayNode array = ApplicationJson.MAPPER.createArrayNode();
                for (int i = below(in, 5); i > 0; i--) {
                    array.add(value(in, depth + 1));
                }
                return array;
            }
            default: {
                ObjectNode object = ApplicationJson.MAPPER.createObjectNode();
                for (int i = below(in, 6); i > 0; i--) {
                    object.set(text(in), value(in, depth + 1));
                }
                return object;
            }
        }
    }

    private static String text(RandomnessSource in) {
        StringBuilder text = new StringBuilder();
        for (int i = below(in, 6); i > 0; i--) {
            text.append(PIECES[below(in, PIECES.length)]);
        }
        return text.toString();
    }

    private static JsonNode number(RandomnessSource in) {
        switch (below(in, 4)) {
            case 0:
                return IntNode.valueOf((int) in.next(Constraint.between(-1000, 1000)));
            case 1:
                return LongNode.valueOf(in.next(Constraint.none()));
            case 2: {
                double d;
                do {
                    d = Double.longBitsToDouble(in.next(Constraint.none()));
                } while (!Double.isFinite(d));
                return DoubleNode.valueOf(d);
            }
            default: {
                // A decimal of up to 17 digits as a score or count would be written, scale -25 to 25.
                long digits = Math.abs(in.next(Constraint.between(0, 99_999_999_999_999_999L)));
                int scale = (int) in.next(Constraint.between(-25, 25));
                return DecimalNode.valueOf(BigDecimal.valueOf(digits, scale));
            }
        }
    }

    /** The value written another way that means the same: keys shuffled, whitespace, escapes, numbers respelled. */
    private static String anyOrder(JsonNode value, Random in) {
        StringBuilder out = new StringBuilder();
        write(value, in, out);
        return out.toString();
    }

    private static void write(JsonNode value, Random in, StringBuilder out) {
        space(in, out);
        if (value.isObject()) {
            List<String> names = new ArrayList<>();
            for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
            // Fisher-Yates, from the layout seed.
            for (int i = names.size() - 1; i > 0; i--) {
                int j = in.nextInt(i + 1);
                String swap = names.get(i);
                names.set(i, names.get(j));
                names.set(j, swap);
            }
            out.append('{');
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                space(in, out);
                string(names.get(i), in, out);
                space(in, out);
                out.append(':');
                write(value.get(names.get(i)), in, out);
            }
            space(in, out);
            out.append('}');
        } else if (value.isArray()) {
            out.append('[');
            for (int i = 0; i < value.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(value.get(i), in, out);
            }
            space(in, out);
            out.append(']');
        } else if (value.isTextual()) {
            string(value.textValue(), in, out);
        } else if (value.isNumber()) {
            out.append(respell(value, in));
        } else {
            out.append(value.asText());
        }
        space(in, out);
    }

    private static void space(Random in, StringBuilder out) {
        switch (in.nextInt(4)) {
            case 1 -> out.append(' ');
            case 2 -> out.append("\n  ");
            case 3 -> out.append("\r\n\t");
            default -> {
            }
        }
    }

    /**
     * Each character as itself where JSON allows, or as a \\u escape; the two halves of an astral character
     * alike (Jackson refuses a name with one half escaped and the other not).
     */
    private static void string(String text, Random in, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length();
            boolean mustEscape = c < 0x20 || c == '"' || c == '\\';
            if (mustEscape || in.nextInt(4) == 0) {
                if (c == '/' && in.nextInt(2) == 0) {
                    out.append("\\/");
                } else {
                    String hex = in.nextInt(2) == 0 ? "\\u%04x" : "\\u%04X";
                    out.append(String.format(Locale.ROOT, hex, (int) c));
                    if (pair) {
                        out.append(String.format(Locale.ROOT, hex, (int) text.charAt(++i)));
                    }
                }
            } else {
                out.append(c);
                if (pair) {
                    out.append(text.charAt(++i));
                }
            }
        }
        out.append('"');
    }

    /** Another spelling of the same number: Java's, the double's exact decimal expansion, exponent moved, zeros added. */
    private static String respell(JsonNode number, Random in) {
        BigDecimal exact = number.isDouble() ? new BigDecimal(number.doubleValue()) : number.decimalValue();
        return switch (in.nextInt(4)) {
            case 0 -> number.isDouble() ? Double.toString(number.doubleValue()) : exact.toString();
            case 1 -> exact.toString();
            case 2 -> {
                // unscaled × 10^-scale, as digits and an exponent, with 0 to 4 zeros moved from the one to the other.
                int zeros = exact.signum() == 0 ? 0 : in.nextInt(5); // 000 is no JSON number
                int exponent = -exact.scale() - zeros;
                yield exact.unscaledValue() + "0".repeat(zeros) + (in.nextInt(2) == 0 ? "e" : "E")
                        + (exponent >= 0 && in.nextInt(2) == 0 ? "+" : "") + exponent;
            }
            default -> exact.setScale(Math.max(exact.scale(), 0) + in.nextInt(3)).toString();
        };
    }

    @Test
    void theCanonicalFormDoesNotDependOnHowTheValueWasWritten() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(values(), longs().all()).checkAssert((value, layout) -> {
            String canonical = Jcs.text(value, "");
            String written = anyOrder(value, new Random(layout));
            try {
                assertEquals(canonical, Jcs.text(ApplicationJson.MAPPER.readTree(written), ""), written);
            } catch (IOException e) {
                throw new AssertionError("the written form is JSON: " + written, e);
            }
        });
    }

    @Test
    void readingTheCanonicalFormBackGivesItAgain() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(values()).checkAssert(value -> {
            String canonical = Jcs.text(value, "");
            try {
                assertEquals(canonical, Jcs.text(ApplicationJson.MAPPER.readTree(canonical), ""));
            } catch (IOException e) {
                throw new AssertionError("the canonical form is JSON: " + canonical, e);
            }
            assertTrue(canonical.chars().noneMatch(c -> c == '\n' || c == '\r' || c == '\t'), "no whitespace outside strings, and none raw inside: " + canonical);
        });
    }

    /** The shortest digits that read back: never more than Java 17's own (which can be one too many), always the same double. */
    @Test
    void everyDoubleReadsBackFromItsCanonicalText() {
        qt().withFixedSeed(SEED).withExamples(2_000).forAll(longs().all()).checkAssert(bits -> {
            double d = Double.longBitsToDouble(bits);
            if (!Double.isFinite(d)) {
                return;
            }
            String text = Jcs.number(d);
            assertEquals(d == 0 ? 0.0 : d, Double.parseDouble(text), text);
            assertTrue(significant(text) <= significant(Double.toString(d)), text + " vs " + d);
        });
    }

    private static int significant(String number) {
        String mantissa = number.replace("-", "").split("[eE]")[0].replace(".", "");
        return mantissa.replaceAll("^0+", "").replaceAll("0+$", "").length();
    }
}

package org.carrierrules.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.IOException;
import java.math.BigDecimal;
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
                ArrayNode array = ContractMapper.MAPPER.createArrayNode();
                for (int i = below(in, 5); i > 0; i--) {
                    array.add(value(in, depth + 1));
                }
                return array;
            }
            default: {
                ObjectNode object = ContractMapper.MAPPER.createObjectNode();
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

    @Test
    void theCanonicalFormDoesNotDependOnHowTheValueWasWritten() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(values(), longs().all()).checkAssert((value, layout) -> {
            String canonical = Jcs.text(value, "");
            String written = JsonLayouts.anyOrder(value, new Random(layout));
            try {
                assertEquals(canonical, Jcs.text(ContractMapper.MAPPER.readTree(written), ""), written);
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
                assertEquals(canonical, Jcs.text(ContractMapper.MAPPER.readTree(canonical), ""));
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

package org.carrierrules.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * JSON text that means the same value another way, as another tool would write it: keys in another
 * order, whitespace, \\u escapes and a different spelling of each number. What RFC 8785 must see through.
 */
final class JsonLayouts {
    private JsonLayouts() {
    }

    /** The value written another way that means the same: keys shuffled, whitespace, escapes, numbers respelled. */
    static String anyOrder(JsonNode value, Random in) {
        StringBuilder out = new StringBuilder();
        new JsonLayouts.Writer(in, true).write(value, out);
        return out.toString();
    }

    /**
     * As {@link #anyOrder(JsonNode, Random)}, numbers left as they are: what a pretty-printer or a tool that
     * reorders keys does. (To RFC 8785, 2 and 2.0 are one number; to the contract's readers a count written 2.0 is
     * no whole number.)
     */
    static String anyKeyOrder(JsonNode value, Random in) {
        StringBuilder out = new StringBuilder();
        new JsonLayouts.Writer(in, false).write(value, out);
        return out.toString();
    }

    private static final class Writer {
        private final Random in;
        private final boolean respellNumbers;

        Writer(Random in, boolean respellNumbers) {
            this.in = in;
            this.respellNumbers = respellNumbers;
        }

        void write(JsonNode value, StringBuilder out) {
            space(out);
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
                    space(out);
                    string(names.get(i), out);
                    space(out);
                    out.append(':');
                    write(value.get(names.get(i)), out);
                }
                space(out);
                out.append('}');
            } else if (value.isArray()) {
                out.append('[');
                for (int i = 0; i < value.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(value.get(i), out);
                }
                space(out);
                out.append(']');
            } else if (value.isTextual()) {
                string(value.textValue(), out);
            } else if (value.isNumber()) {
                out.append(respellNumbers ? respell(value) : value.asText());
            } else {
                out.append(value.asText());
            }
            space(out);
        }

        private void space(StringBuilder out) {
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
        private void string(String text, StringBuilder out) {
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
        private String respell(JsonNode number) {
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
    }
}

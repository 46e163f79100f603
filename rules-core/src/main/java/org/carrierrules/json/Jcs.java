package org.carrierrules.json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The JSON Canonicalization Scheme of RFC 8785: object members sorted by their names as UTF-16 code
 * units, no whitespace, strings with the minimal escaping of ECMAScript's {@code JSON.stringify}, and
 * numbers as ECMAScript's {@code Number.prototype.toString} writes the IEEE 754 double they denote.
 * Two JSON texts that differ only in key order, whitespace, escaping or the spelling of a number
 * ({@code 4.50}, {@code 4.5e0}) have the same canonical form, so a hash or signature over it survives
 * re-serialising (pretty-printing, key reordering).
 *
 * <p>RFC 8785 applies to I-JSON (RFC 7493) only: a number that is not a finite double ({@code 1e400}),
 * a string with half a surrogate pair, or a value that is not JSON at all cannot be canonicalized and is
 * refused with its path, never written some other way; so is nesting past {@link #MAX_DEPTH}, which no
 * record has and which would otherwise overflow the stack.
 */
final class Jcs {
    /** Deeper than any record the library writes (7 levels) by far, shallow enough that the recursion is safe. */
    static final int MAX_DEPTH = 64;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Jcs() {
    }

    /** The canonical form as UTF-8 bytes, what is hashed and signed. */
    static byte[] bytes(JsonNode value, String path) {
        return text(value, path).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The canonical form as text.
     *
     * @param path the value's path, for messages ({@code input}, or {@code ""} for the whole record)
     * @throws DecisionRecordException ({@link DecisionRecordException.Reason#NOT_I_JSON}) naming the first value that cannot be canonicalized
     */
    static String text(JsonNode value, String path) {
        StringBuilder out = new StringBuilder();
        write(value, path, 0, out);
        return out.toString();
    }

    private static void write(JsonNode value, String path, int depth, StringBuilder out) {
        if (depth > MAX_DEPTH) {
            throw new DecisionRecordException(DecisionRecordException.Reason.MALFORMED, path.isEmpty() ? "$" : path,
                    "嵌套超过 " + MAX_DEPTH + " 层，不是本库所写的决定记录", null);
        }
        if (value == null || value.isMissingNode()) {
            throw refused(path, "缺少值");
        }
        switch (value.getNodeType()) {
            case NULL -> out.append("null");
            case BOOLEAN -> out.append(value.booleanValue() ? "true" : "false");
            case STRING -> string(value.textValue(), path, out);
            case NUMBER -> out.append(number(value, path));
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < value.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(value.get(i), path + "[" + i + "]", depth + 1, out);
                }
                out.append(']');
            }
            case OBJECT -> {
                List<String> names = new ArrayList<>(value.size());
                for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
                    names.add(it.next());
                }
                // String.compareTo compares UTF-16 code units, which is the order RFC 8785 section 3.2.3 prescribes.
                names.sort(String::compareTo);
                out.append('{');
                for (int i = 0; i < names.size(); i++) {
                    String name = names.get(i);
                    String at = path.isEmpty() ? name : path + "." + name;
                    if (i > 0) {
                        out.append(',');
                    }
                    string(name, at, out);
                    out.append(':');
                    write(value.get(name), at, depth + 1, out);
                }
                out.append('}');
            }
            default -> throw refused(path, "不是 JSON 值（" + value.getNodeType() + "）");
        }
    }

    /** RFC 8785 section 3.2.2.2: {@code JSON.stringify}'s escaping, and nothing else escaped. */
    private static void string(String text, String path, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
                continue;
            }
            if (Character.isSurrogate(c)) {
                throw refused(path, "第" + (i + 1) + "个字符是不成对的 UTF-16 代理项 \\u"
                        + Integer.toHexString(c).toUpperCase(Locale.ROOT) + "，不是有效的 Unicode 文字");
            }
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static String number(JsonNode value, String path) {
        if (value.isDouble() || value.isFloat()) {
            double d = value.doubleValue();
            if (!Double.isFinite(d)) {
                throw notADouble(value, path);
            }
            return number(d);
        }
        BigDecimal decimal = value.decimalValue();
        double d = toDouble(decimal);
        if (!Double.isFinite(d)) {
            throw notADouble(value, path);
        }
        // Every decimal of at most 15 significant digits in the normal range reads back from its double and no
        // shorter decimal does (two such decimals never share a double), so its digits are the shortest: as a
        // score, count or date part always is. Anything else goes the long way.
        BigDecimal digits = decimal.signum() == 0 ? BigDecimal.ZERO : decimal.stripTrailingZeros();
        if (digits.signum() != 0 && digits.precision() <= 15 && Math.abs(d) >= Double.MIN_NORMAL) {
            return format(digits.abs(), d < 0);
        }
        return number(d);
    }

    private static DecisionRecordException notADouble(JsonNode value, String path) {
        return refused(path, "数值 " + ContractErrors.abbreviate(value.asText()) + " 超出 IEEE 754 双精度数的范围（I-JSON，RFC 7493），无法按 RFC 8785 规范化");
    }

    /** Correctly rounded: {@code Double.parseDouble} rounds to nearest, ties to even, as ECMAScript's reading of a number does. */
    static double toDouble(BigDecimal value) {
        return Double.parseDouble(value.toString());
    }

    /**
     * ECMAScript's Number::toString (ECMA-262, section 7.1.12.1 in the 2019 edition, which RFC 8785 cites): the
     * fewest significant digits that still read back as {@code d}, the closest of them to {@code d} if
     * there are two (ties to the even digit), then plain notation for exponents from -6 to 20, else
     * {@code 1.5e+21} style. Java 17's {@code Double.toString} is not always the shortest (JDK-4511638), so the
     * digits are found here: for each length, the decimals just below and just above {@code d} are the only
     * candidates that can read back as {@code d}.
     *
     * @throws IllegalArgumentException for NaN and the infinities, which JSON cannot hold
     */
    static String number(double d) {
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("NaN and infinities have no JSON form: " + d);
        }
        if (d == 0) {
            return "0"; // -0 included: JSON.stringify(-0) is "0".
        }
        double magnitude = Math.abs(d);
        BigDecimal exact = new BigDecimal(magnitude);
        BigDecimal digits = null;
        for (int precision = 1; digits == null; precision++) {
            BigDecimal below = exact.round(new MathContext(precision, RoundingMode.FLOOR));
            BigDecimal above = exact.round(new MathContext(precision, RoundingMode.CEILING));
            boolean belowReads = toDouble(below) == magnitude;
            boolean aboveReads = toDouble(above) == magnitude;
            if (belowReads && aboveReads) {
                int closer = exact.subtract(below).compareTo(above.subtract(exact));
                digits = closer < 0 ? below : closer > 0 ? above
                        : below.unscaledValue().testBit(0) ? above : below;
            } else if (belowReads) {
                digits = below;
            } else if (aboveReads) {
                digits = above;
            }
        }
        return format(digits.stripTrailingZeros(), d < 0);
    }

    /** ECMAScript's notation for the positive decimal {@code digits} (no trailing zeros), with a minus sign when {@code negative}. */
    private static String format(BigDecimal digits, boolean negative) {
        String s = digits.unscaledValue().toString();
        int k = s.length();
        int n = k - digits.scale(); // d = s × 10^(n−k)
        StringBuilder out = new StringBuilder(negative ? "-" : "");
        if (k <= n && n <= 21) {
            out.append(s).append("0".repeat(n - k));
        } else if (0 < n && n <= 21) {
            out.append(s, 0, n).append('.').append(s, n, k);
        } else if (-6 < n && n <= 0) {
            out.append("0.").append("0".repeat(-n)).append(s);
        } else {
            int e = n - 1;
            out.append(s.charAt(0));
            if (k > 1) {
                out.append('.').append(s, 1, k);
            }
            out.append('e').append(e < 0 ? '-' : '+').append(Math.abs(e));
        }
        return out.toString();
    }

    private static DecisionRecordException refused(String path, String problem) {
        return new DecisionRecordException(DecisionRecordException.Reason.NOT_I_JSON, path.isEmpty() ? "$" : path, problem, null);
    }
}

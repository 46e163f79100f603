package org.carrierrules.application;

/**
 * The 18-character 统一社会信用代码 of GB 32100-2015, with its check character verified. Only the
 * characters of the standard's alphabet are allowed (no I, O, S, V, Z); the 18th character is
 * {@code 31 - (Σ value(cᵢ)·wᵢ mod 31)} over the first seventeen.
 */
public final class CreditCode {
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    static final int LENGTH = 18;
    private static final int SHOWN = 40;

    private CreditCode() {
    }

    /** Whether {@code code} is a well-formed credit code with a correct check character. */
    public static boolean isValid(String code) {
        return problem(code) == null;
    }

    /** The check character the first seventeen characters call for. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < LENGTH - 1; i++) {
            int value = ALPHABET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("not a credit-code character: " + first17.charAt(i));
            }
            sum += value * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    private static String shown(String code) {
        if (code.length() <= SHOWN) {
            return code;
        }
        return code.substring(0, Character.isHighSurrogate(code.charAt(SHOWN - 1)) ? SHOWN + 1 : SHOWN) + "…";
    }

    /** Plain-Chinese description of what is wrong with {@code code}, or null when it is valid. */
    static String problem(String code) {
        if (code.length() != LENGTH) {
            // Only the start of a long one: the message is for a person, and the input may be megabytes.
            return "统一社会信用代码应为18位，实为" + code.length() + "位：" + shown(code);
        }
        for (int i = 0; i < LENGTH; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return "统一社会信用代码第" + (i + 1) + "位“" + code.charAt(i)
                        + "”不是允许的字符（数字或除I、O、S、V、Z以外的大写字母）：" + code;
            }
        }
        char expected = checkCharacter(code);
        if (code.charAt(LENGTH - 1) != expected) {
            return "统一社会信用代码校验位错误：第18位应为“" + expected + "”，实为“" + code.charAt(LENGTH - 1)
                    + "”，请核对代码是否抄错：" + code;
        }
        return null;
    }
}

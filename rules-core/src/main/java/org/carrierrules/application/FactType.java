package org.carrierrules.application;

/**
 * The kinds of value a fact a policy declares may take (contract: "Facts a policy declares"), each under the
 * word staff write in {@code facts.yaml} and {@code parameters.yaml}.
 */
public enum FactType {
    /** A whole number, e.g. a yearly training scale in people. */
    INTEGER("整数"),
    /** A number with decimals, e.g. an area in square metres. */
    DECIMAL("小数"),
    /** Yes or no, e.g. whether the applicant is on a 失信惩戒名单. */
    YES_NO("是否"),
    /** A calendar date, e.g. the day the applicant was established. */
    DATE("日期"),
    /** Free text, kept and shown, never compared. */
    TEXT("文本"),
    /** One of the values the declaration lists, each with its Chinese label. */
    CHOICE("选项");

    private final String word;

    FactType(String word) {
        this.word = word;
    }

    /** The word staff write for it, e.g. {@code 整数}. */
    public String word() {
        return word;
    }

    /** Whether values of this kind are numbers, compared as numbers. */
    public boolean isNumber() {
        return this == INTEGER || this == DECIMAL;
    }

    /** The kind staff mean by {@code word}, or null when no kind is written so. */
    public static FactType ofWord(String word) {
        for (FactType type : values()) {
            if (type.word.equals(word)) {
                return type;
            }
        }
        return null;
    }

    /** Every word staff may write, for a message that lists them. */
    public static String words() {
        StringBuilder words = new StringBuilder();
        for (FactType type : values()) {
            words.append(words.isEmpty() ? "" : "、").append(type.word);
        }
        return words.toString();
    }
}

package org.carrierrules.application;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.carrierrules.InvalidInputException;

/**
 * The facts an application carries beyond the fixed fields, by the keys its policy declares (contract: "Facts
 * a policy declares"): {@code {"annualTrainees": 1200, "establishedOn": "2019-05-01"}}. Immutable, in the order
 * given. Values are numbers ({@link BigDecimal}), yes/no ({@link Boolean}), dates ({@link LocalDate}) or text
 * ({@link String}: free text, a listed value's key, or a date as the JSON contract writes it); which one a key
 * must have is the policy's to say, and {@link FactSchema#conform} holds the values to it.
 *
 * @param values the facts by key; never null, {@link #none()} when the application carries none
 */
public record FactValues(Map<String, Object> values) {
    /** Keys are ASCII identifiers, as the contract says: {@code annualTrainees}. */
    public static final Pattern KEY = Pattern.compile("[a-z][A-Za-z0-9]{0,39}");
    /** Longer text is no fact a rule could use; refusing it keeps a record's size bounded. */
    static final int MAX_TEXT_LENGTH = 1000;

    private static final FactValues NONE = new FactValues(Map.of());

    public FactValues {
        if (values == null) {
            throw new InvalidInputException("facts", "不能为 null；没有事实时请省略 facts 或写 {}");
        }
        Map<String, Object> normal = new LinkedHashMap<>();
        values.forEach((key, value) -> normal.put(checkedKey(key), normal(key, value)));
        values = Collections.unmodifiableMap(normal);
    }

    /** An application that carries no declared facts: as {@code facts} absent or {@code {}}. */
    public static FactValues none() {
        return NONE;
    }

    /** The facts given, each value a number, a yes/no, a date or text. */
    public static FactValues of(Map<String, ?> values) {
        return values.isEmpty() ? NONE : new FactValues(new LinkedHashMap<>(values));
    }

    /** Facts built one at a time, in order. */
    public static Builder builder() {
        return new Builder();
    }

    /** The value of a fact, or empty when the application does not carry it. */
    public Optional<Object> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The same facts with one more, or one replaced. */
    public FactValues with(String key, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(values);
        changed.put(key, value);
        return new FactValues(changed);
    }

    private static String checkedKey(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new InvalidInputException("facts", "事实的键“" + key + "”不合规范：须是以小写英文字母开头的英文字母和数字（至多40个），"
                    + "如 annualTrainees");
        }
        return key;
    }

    private static Object normal(String key, Object value) {
        String field = "facts." + key;
        if (value instanceof BigDecimal || value instanceof Boolean || value instanceof LocalDate) {
            return value;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof BigInteger big) {
            return new BigDecimal(big);
        }
        if (value instanceof String text) {
            if (text.length() > MAX_TEXT_LENGTH) {
                throw new InvalidInputException(field, "文字太长（" + text.length() + "个字符，上限" + MAX_TEXT_LENGTH + "）");
            }
            return text;
        }
        // A double would carry a binary rounding into a threshold comparison: numbers come as BigDecimal or whole.
        throw new InvalidInputException(field, value == null ? "不能为 null；没有这一事实时请省略此键"
                : "须为数字（BigDecimal 或整数）、是否（true/false）、日期或文字，实为 " + value.getClass().getSimpleName());
    }

    /** Builds {@link FactValues}; not thread-safe. */
    public static final class Builder {
        private final Map<String, Object> values = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder number(String key, long value) {
            values.put(key, BigDecimal.valueOf(value));
            return this;
        }

        public Builder number(String key, BigDecimal value) {
            values.put(key, value);
            return this;
        }

        public Builder yesNo(String key, boolean value) {
            values.put(key, value);
            return this;
        }

        public Builder date(String key, LocalDate value) {
            values.put(key, value);
            return this;
        }

        /** Free text, or for a fact of listed values the value's key (e.g. {@code SENIOR_TECHNICIAN}). */
        public Builder text(String key, String value) {
            values.put(key, value);
            return this;
        }

        /** @throws InvalidInputException naming the fact, for a key or value that is not a fact's */
        public FactValues build() {
            return values.isEmpty() ? NONE : new FactValues(values);
        }
    }
}

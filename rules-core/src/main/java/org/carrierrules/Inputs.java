package org.carrierrules;

import java.util.List;

/** Checks shared by the input records' constructors; each names the field it checks. */
final class Inputs {
    private Inputs() {
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw new InvalidInputException(field, "必填，不能为空");
        }
        return value;
    }

    static String requiredText(String value, String field) {
        if (required(value, field).isBlank()) {
            throw new InvalidInputException(field, "必填，不能为空白");
        }
        return value;
    }

    /** An immutable copy of a required list whose elements are not null. */
    static <T> List<T> requiredList(List<T> values, String field) {
        required(values, field);
        for (int i = 0; i < values.size(); i++) {
            required(values.get(i), field + "[" + i + "]");
        }
        return List.copyOf(values);
    }
}

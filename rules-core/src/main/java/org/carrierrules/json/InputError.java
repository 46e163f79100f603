package org.carrierrules.json;

/**
 * Why one input record was not assessed (contract: {@code "error": {"code": "INVALID_INPUT", …}}).
 *
 * @param code    always {@code INVALID_INPUT} for now
 * @param field   dotted path of the field at fault, e.g. {@code applicant.creditCode}
 * @param message what is wrong and how to fix it, in plain Chinese
 */
public record InputError(String code, String field, String message) {
    public static final String INVALID_INPUT = "INVALID_INPUT";

    static InputError invalid(String field, String message) {
        return new InputError(INVALID_INPUT, field, message);
    }
}

package org.carrierrules.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.carrierrules.InvalidInputException;

/**
 * The facts a policy declares, by which an application's {@link FactValues} are read and checked: every key
 * declared, every value of its declared kind, every fact its carrier type requires present. The JSON reader
 * and the facade hold applications to the same schema, so a host on the JVM and one sending JSON get the same
 * error for the same record. A policy that declares nothing has {@link #NONE}: an application with no facts
 * passes it unchanged, as before facts existed.
 *
 * @param declarations in the order {@code facts.yaml} lists them
 */
public record FactSchema(List<FactDeclaration> declarations) {
    /** The schema of a policy that declares no facts. */
    public static final FactSchema NONE = new FactSchema(List.of());

    public FactSchema {
        declarations = List.copyOf(declarations);
    }

    /** The declaration of {@code key}, or empty when the policy declares none under it. */
    public Optional<FactDeclaration> declaration(String key) {
        return declarations.stream().filter(d -> d.key().equals(key)).findFirst();
    }

    /**
     * The application with its facts held to the declarations and read as their kinds (a date written as text, as
     * the JSON contract writes it, becomes a {@link LocalDate}); the same application when nothing needed reading.
     *
     * @throws InvalidInputException naming the first fact at fault ({@code facts.annualTrainees}), in the
     *                               declarations' order, then the undeclared keys in the application's order
     */
    public Application conform(Application application) {
        FactValues given = application.facts();
        if (given.isEmpty() && declarations.stream().noneMatch(d -> d.requiredOf(application.carrierType()))) {
            return application;
        }
        Map<String, Object> read = new LinkedHashMap<>();
        // Every assessment passes here: when each value is already of its kind, the application is kept as it is,
        // with no copy of its facts to build and compare (docs/performance.md, the extended example policy).
        boolean asGiven = true;
        for (FactDeclaration declaration : declarations) {
            Object value = given.values().get(declaration.key());
            if (value == null) {
                if (declaration.requiredOf(application.carrierType())) {
                    throw new InvalidInputException(field(declaration.key()), "缺少“" + declaration.label() + "”：申报"
                            + application.carrierType().label() + "须填写此项（" + declaration.clause() + "）");
                }
                continue;
            }
            Object conformed = value(declaration, value);
            asGiven &= conformed == value;
            read.put(declaration.key(), conformed);
        }
        for (String key : given.values().keySet()) {
            // A fact's value is never null (FactValues), so a key read above is one the policy declares.
            if (!read.containsKey(key)) {
                throw new InvalidInputException(field(key), declarations.isEmpty() ? "本轮政策没有声明任何事实，申报中不能有 facts 中的此项"
                        : "本轮政策没有声明此事实；可填写的有 " + declarations.stream()
                        .map(d -> d.key() + "（" + d.label() + "）").collect(Collectors.joining("、")));
            }
        }
        if (asGiven) {
            return application;
        }
        FactValues conformed = new FactValues(orderedAsGiven(given, read));
        return conformed.equals(given) ? application : application.withFacts(conformed);
    }

    private static Map<String, Object> orderedAsGiven(FactValues given, Map<String, Object> read) {
        Map<String, Object> ordered = new LinkedHashMap<>();
        given.values().keySet().forEach(key -> ordered.put(key, read.get(key)));
        return ordered;
    }

    private static Object value(FactDeclaration declaration, Object value) {
        String field = field(declaration.key());
        String label = "“" + declaration.label() + "”";
        return switch (declaration.type()) {
            case INTEGER -> {
                if (!(value instanceof BigDecimal number) || number.stripTrailingZeros().scale() > 0) {
                    throw new InvalidInputException(field, label + "须为整数" + unit(declaration) + "，实为 " + shown(value));
                }
                yield number;
            }
            case DECIMAL -> {
                if (!(value instanceof BigDecimal number)) {
                    throw new InvalidInputException(field, label + "须为数字" + unit(declaration) + "，实为 " + shown(value));
                }
                yield number;
            }
            case YES_NO -> {
                if (!(value instanceof Boolean)) {
                    throw new InvalidInputException(field, label + "须为 true（是）或 false（否），实为 " + shown(value));
                }
                yield value;
            }
            case DATE -> date(field, label, value);
            case TEXT -> {
                if (!(value instanceof String)) {
                    throw new InvalidInputException(field, label + "须为文字，实为 " + shown(value));
                }
                yield value;
            }
            case CHOICE -> {
                if (!(value instanceof String key) || !declaration.choices().containsKey(key)) {
                    throw new InvalidInputException(field, label + "须为以下之一：" + declaration.choices().entrySet().stream()
                            .map(e -> e.getKey() + "（" + e.getValue() + "）").collect(Collectors.joining("、")) + "，实为 " + shown(value));
                }
                yield key;
            }
        };
    }

    private static LocalDate date(String field, String label, Object value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        String wrong = label + "须为日期，写作 YYYY-MM-DD（如 2019-05-01），实为 " + shown(value);
        if (!(value instanceof String text) || !text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw new InvalidInputException(field, wrong);
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, label + "不是存在的日期：" + text);
        }
    }

    private static String unit(FactDeclaration declaration) {
        return declaration.unit().isEmpty() ? "" : "（单位：" + declaration.unit() + "）";
    }

    private static String shown(Object value) {
        if (value instanceof String text) {
            return "文字“" + text + "”";
        }
        if (value instanceof Boolean yes) {
            return yes ? "true" : "false";
        }
        return value instanceof BigDecimal number ? number.toPlainString() : String.valueOf(value);
    }

    private static String field(String key) {
        return "facts." + key;
    }
}

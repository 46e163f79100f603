package org.carrierrules.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.carrierrules.ApplicantType;
import org.carrierrules.CarrierType;
import org.carrierrules.dsl.Vocabulary;
import org.kie.api.runtime.rule.Match;

/**
 * Fills the {slots} of a message, as policy staff write it in a {@code .dslr} consequence
 * ("{材料名称}扫描件未加盖公章"), from the values the rule's conditions bound ({@code $x}) or from a
 * parameter of the round ({@code round.paperCopies()}, {@code supervision.idleYears()}). Which slot
 * means which value is declared beside the sentences in the vocabulary, and safe mode has already
 * checked that every slot a rule uses is one its conditions provide.
 */
final class MessageTemplate {
    private static final Pattern SLOT = Pattern.compile("\\{([^{}]+)}");
    private static final Map<String, String> SLOTS = Vocabulary.bundled().slots();
    private static final Map<String, Method> METHODS = new ConcurrentHashMap<>();
    /** {@code paperCopies()} or {@code duties($carrierType)}: a parameter, with at most one rule variable. */
    private static final Pattern CALL = Pattern.compile("(\\w+)\\((\\$\\w+)?\\)");

    private MessageTemplate() {
    }

    /**
     * @param parameters the round's parameter objects by the name slots use for them ({@code round},
     *                   {@code supervision}); a {@link Round}, when given, also sets the time zone of times
     */
    static String render(String template, Match match, Map<String, Object> parameters) {
        if (template.indexOf('{') < 0) {
            return template;
        }
        Matcher slot = SLOT.matcher(template);
        StringBuilder text = new StringBuilder();
        while (slot.find()) {
            Object value = value(slot.group(1), match, parameters);
            slot.appendReplacement(text, Matcher.quoteReplacement(format(value, parameters.get("round"))));
        }
        slot.appendTail(text);
        return text.toString();
    }

    private static Object value(String slot, Match match, Map<String, Object> parameters) {
        String target = SLOTS.get(slot);
        if (target != null && target.startsWith("$") && match.getDeclarationIds().contains(target)) {
            return match.getDeclarationValue(target);
        }
        int dot = target == null ? -1 : target.indexOf('.');
        Object owner = dot < 0 ? null : parameters.get(target.substring(0, dot));
        if (owner == null) {
            // Safe mode refuses such a rule at load; reaching here means a library rule is wrong.
            throw new IllegalStateException("rule " + match.getRule().getName() + " fills slot {" + slot + "} it cannot");
        }
        Matcher call = CALL.matcher(target.substring(dot + 1));
        if (!call.matches()) {
            throw new IllegalStateException("vocabulary slot " + slot + " has a target that is not a call: " + target);
        }
        String argument = call.group(2);
        Object[] arguments = argument == null ? new Object[0] : new Object[] {match.getDeclarationValue(argument)};
        Method method = METHODS.computeIfAbsent(owner.getClass().getName() + "#" + call.group(1) + "/" + arguments.length,
                key -> find(owner.getClass(), call.group(1), arguments.length, target));
        try {
            return method.invoke(owner, arguments);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("parameter for slot " + slot, e);
        }
    }

    private static Method find(Class<?> type, String name, int arity, String target) {
        for (Method method : type.getMethods()) {
            if (method.getName().equals(name) && method.getParameterCount() == arity) {
                return method;
            }
        }
        throw new IllegalStateException("vocabulary slot target " + target + " names no method of " + type.getSimpleName());
    }

    private static String format(Object value, Object round) {
        if (value instanceof CarrierType type) {
            return type.label();
        }
        if (value instanceof ApplicantType type) {
            return type.label();
        }
        if (value instanceof Instant instant && round instanceof Round r) {
            return r.localTime(instant);
        }
        if (value instanceof LocalDate date) {
            return ChineseDates.chineseDate(date);
        }
        if (value instanceof IdleStreak streak) {
            return streak.text();
        }
        return String.valueOf(value);
    }
}

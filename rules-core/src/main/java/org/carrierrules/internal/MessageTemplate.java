package org.carrierrules.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.carrierrules.ApplicantType;
import org.carrierrules.CarrierType;
import org.carrierrules.dsl.Vocabulary;
import org.kie.api.runtime.rule.Match;

/**
 * Fills the {slots} of a finding's message, as policy staff write it in a {@code .dslr} consequence
 * ("{材料名称}扫描件未加盖公章"), from the values the rule's conditions bound or from the round's
 * parameters. Which slot means which value is declared beside the sentences in the vocabulary, and
 * safe mode has already checked that every slot a rule uses is one its conditions provide.
 */
final class MessageTemplate {
    private static final Pattern SLOT = Pattern.compile("\\{([^{}]+)}");
    private static final String ROUND_PREFIX = "round.";
    private static final Map<String, String> SLOTS = Vocabulary.bundled().slots();
    private static final Map<String, Method> ROUND_METHODS = roundMethods();

    private MessageTemplate() {
    }

    private static Map<String, Method> roundMethods() {
        Map<String, Method> methods = new HashMap<>();
        SLOTS.forEach((slot, target) -> {
            if (target.startsWith(ROUND_PREFIX)) {
                String name = target.substring(ROUND_PREFIX.length()).replace("()", "");
                try {
                    methods.put(slot, Round.class.getMethod(name));
                } catch (NoSuchMethodException e) {
                    throw new IllegalStateException("vocabulary slot " + slot + " names a missing round parameter " + target, e);
                }
            }
        });
        return methods;
    }

    static String render(String template, Match match, Round round) {
        if (template.indexOf('{') < 0) {
            return template;
        }
        Matcher slot = SLOT.matcher(template);
        StringBuilder text = new StringBuilder();
        while (slot.find()) {
            slot.appendReplacement(text, Matcher.quoteReplacement(format(value(slot.group(1), match, round), round)));
        }
        slot.appendTail(text);
        return text.toString();
    }

    private static Object value(String slot, Match match, Round round) {
        Method method = ROUND_METHODS.get(slot);
        if (method != null) {
            try {
                return method.invoke(round);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("round parameter for slot " + slot, e);
            }
        }
        String target = SLOTS.get(slot);
        if (target == null || !match.getDeclarationIds().contains(target)) {
            // Safe mode refuses such a rule at load; reaching here means a library rule is wrong.
            throw new IllegalStateException("rule " + match.getRule().getName() + " fills slot {" + slot + "} it does not bind");
        }
        return match.getDeclarationValue(target);
    }

    private static String format(Object value, Round round) {
        if (value instanceof CarrierType type) {
            return type.label();
        }
        if (value instanceof ApplicantType type) {
            return type.label();
        }
        if (value instanceof Instant instant) {
            return round.localTime(instant);
        }
        return String.valueOf(value);
    }
}

package org.carrierrules.internal.language;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The rule variables ({@code $x}) a library template binds and uses; read once, when the vocabulary is built. */
final class Variables {
    private static final Pattern BINDING = Pattern.compile("(\\$\\w+)\\s*:");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\w+");

    private Variables() {
    }

    static Set<String> bound(String drl) {
        Set<String> bound = new LinkedHashSet<>();
        Matcher binding = BINDING.matcher(drl);
        while (binding.find()) {
            bound.add(binding.group(1));
        }
        return Set.copyOf(bound);
    }

    static Set<String> needed(String drl) {
        Set<String> bound = bound(drl);
        Set<String> needed = new LinkedHashSet<>();
        Matcher variable = VARIABLE.matcher(drl);
        while (variable.find()) {
            if (!bound.contains(variable.group())) {
                needed.add(variable.group());
            }
        }
        return Set.copyOf(needed);
    }
}

package org.carrierrules.internal.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.carrierrules.policy.RuleInfo;

/**
 * The allocation stage's rules (三, 四(四), 四(五)): DRL the library owns, shipped in every policy directory as
 * {@code rules/allocation/allocation.drl} so that staff can read it, and compiled only when the directory's
 * copy is the library's, byte for byte. Its rules' names, clauses, lines and order are read here from the
 * library's own text, never from Drools' internals.
 */
public final class LibraryRules {
    static final String PATH = "rules/allocation/allocation.drl";
    private static final String RESOURCE = "org/carrierrules/policies/luohu-2024/" + PATH;
    private static final Pattern RULE = Pattern.compile("^rule\\s+\"([^\"]+)\"\\s*$");
    private static final Pattern CLAUSE = Pattern.compile("^@clause\\(\"([^\"]+)\"\\)\\s*$");

    private static final byte[] DRL = RuleBaseBuilder.libraryResource(RESOURCE);
    private static final List<RuleInfo> RULES = read(new String(DRL, StandardCharsets.UTF_8));
    private static final Map<String, Integer> ORDER = order(RULES);

    private LibraryRules() {
    }

    static byte[] drl() {
        return DRL.clone();
    }

    static boolean isLibrary(byte[] content) {
        return Arrays.equals(DRL, content);
    }

    /** The allocation rules, in the order the file states them. */
    public static List<RuleInfo> rules() {
        return RULES;
    }

    /** A rule's place in the file, by which reasons are ordered; the steps of the round follow it. */
    public static int order(String rule) {
        Integer order = ORDER.get(rule);
        if (order == null) {
            throw new IllegalStateException("no allocation rule is named " + rule);
        }
        return order;
    }

    private static List<RuleInfo> read(String drl) {
        List<RuleInfo> rules = new ArrayList<>();
        String[] lines = drl.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher rule = RULE.matcher(lines[i].strip());
            if (rule.matches()) {
                Matcher clause = CLAUSE.matcher(i + 1 < lines.length ? lines[i + 1].strip() : "");
                if (!clause.matches()) {
                    throw new IllegalStateException(PATH + " line " + (i + 2) + ": a library rule without @clause");
                }
                rules.add(new RuleInfo(rule.group(1), clause.group(1), PATH, i + 1));
            }
        }
        return List.copyOf(rules);
    }

    private static Map<String, Integer> order(List<RuleInfo> rules) {
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            order.put(rules.get(i).name(), i);
        }
        return order;
    }
}

package org.carrierrules.internal.engine;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.carrierrules.internal.facts.RankingKey;

/**
 * The allocation stage's rules (三, 四(四), 四(五) of the 罗湖区 notice): DRL the library owns, a resource of its own
 * ({@value #RESOURCE}) and no file of any policy directory. No clause, number or order is written in it. Each rule
 * names, with {@code @cites("…")} on the line after its name, the entry of round.yaml's allocation section whose
 * clause it cites, so that a district whose notice numbers its clauses otherwise says so in its data: a reason
 * code ({@code allocation.reasonClauses}), which is then the code of the reasons the rule gives, or a key of the
 * ranking ({@code allocation.rankingOrder}), whose tie code the rule gives when that key decided a tie. The line
 * after it, {@code @clause("…")}, is the clause of the 罗湖区 2024 notice the rule was written from, as every rule of
 * the project cites the notice; decisions never read it (the bundled round.yaml must agree with it, which
 * {@code LibraryRulesTest} holds). The rules' names, citations and order are read here from the library's own text,
 * never from Drools' internals.
 */
public final class LibraryRules {
    static final String RESOURCE = "org/carrierrules/internal/allocation/allocation.drl";
    private static final Pattern RULE = Pattern.compile("^rule\\s+\"([^\"]+)\"\\s*$");
    private static final Pattern CITES = Pattern.compile("^@cites\\(\"([^\"]+)\"\\)\\s*$");
    private static final Pattern CLAUSE = Pattern.compile("^@clause\\(\"([^\"]+)\"\\)\\s*$");
    private static final Pattern STEP = Pattern.compile("^ruleflow-group\\s+\"([^\"]+)\"\\s*$");

    private static final byte[] DRL = RuleBaseBuilder.libraryResource(RESOURCE);
    private static final String TEXT = new String(DRL, StandardCharsets.UTF_8);
    private static final Map<String, Rule> RULES = read(TEXT);
    private static final int LINES = (int) TEXT.lines().count();

    /**
     * One rule of the file.
     *
     * @param name  its name, as reasons and {@code rules()} name it
     * @param cites  the entry of round.yaml's allocation section whose clause it cites: a reason code or a ranking key's name
     * @param clause the clause of the 罗湖区 2024 notice it was written from; what decisions cite is the policy's
     * @param step   the step of the round it runs in (its {@code ruleflow-group}, the line after {@code @clause})
     * @param order  its place in the file, by which reasons are ordered; the steps of the round follow it
     */
    public record Rule(String name, String cites, String clause, String step, int order) {
        /** The ranking key the rule cites, or null when it cites a reason code. */
        public RankingKey rankingKey() {
            return RankingKey.named(cites);
        }

        /**
         * The code of the reasons the rule gives: the reason code it cites, or the tie code of its ranking key.
         *
         * @throws IllegalStateException for a rule that cites a key deciding no tie (评审得分), which gives no reason
         */
        public String code() {
            RankingKey key = rankingKey();
            if (key == null) {
                return cites;
            }
            if (key.tieCode() == null) {
                throw new IllegalStateException("the allocation rule " + name + " cites " + cites + ", which gives no reason");
            }
            return key.tieCode();
        }
    }

    private LibraryRules() {
    }

    /** The Drools text, as the library ships it: compiled for every policy, and covered by every policy's fingerprint. */
    public static byte[] drl() {
        return DRL.clone();
    }

    /** How many lines the library's text has: a policy's rules of 排名资格 are compiled after them. */
    static int lines() {
        return LINES;
    }

    /** The allocation rules, in the order the file states them. */
    public static List<Rule> rules() {
        return List.copyOf(RULES.values());
    }

    /** Whether a library rule has this name. */
    public static boolean isRule(String name) {
        return RULES.containsKey(name);
    }

    /** The rule of this name. */
    public static Rule rule(String name) {
        Rule rule = RULES.get(name);
        if (rule == null) {
            throw new IllegalStateException("no allocation rule is named " + name);
        }
        return rule;
    }

    /** The place in the file of the last library rule of a step, after whose reasons those of the policy's rules of that step come. */
    public static int lastOrderOf(String step) {
        return RULES.values().stream().filter(r -> r.step().equals(step)).mapToInt(Rule::order).max()
                .orElseThrow(() -> new IllegalStateException("no allocation rule runs in the step " + step));
    }

    /** The reason codes the rules cite, each of which a policy gives a clause; sorted. */
    public static Set<String> citedReasons() {
        Set<String> codes = new TreeSet<>();
        RULES.values().stream().filter(r -> r.rankingKey() == null).forEach(r -> codes.add(r.cites()));
        return codes;
    }

    /** The names of the rules that cite an entry, in file order. */
    public static List<String> citing(String entry) {
        return RULES.values().stream().filter(r -> r.cites().equals(entry)).map(Rule::name).toList();
    }

    private static Map<String, Rule> read(String drl) {
        Map<String, Rule> rules = new LinkedHashMap<>();
        String[] lines = drl.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher rule = RULE.matcher(lines[i].strip());
            if (rule.matches()) {
                Matcher cites = CITES.matcher(i + 1 < lines.length ? lines[i + 1].strip() : "");
                Matcher clause = CLAUSE.matcher(i + 2 < lines.length ? lines[i + 2].strip() : "");
                Matcher step = STEP.matcher(i + 3 < lines.length ? lines[i + 3].strip() : "");
                if (!cites.matches() || !clause.matches() || !step.matches()) {
                    throw new IllegalStateException(RESOURCE + " line " + (i + 2)
                            + ": a library rule without @cites, then @clause, then ruleflow-group");
                }
                rules.put(rule.group(1), new Rule(rule.group(1), cites.group(1), clause.group(1), step.group(1), rules.size()));
            }
        }
        return rules;
    }
}

package org.carrierrules.dsl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Chinese rule language: the sentences of {@code carrier-rules.dsl} that policy staff may write,
 * the message slots they may use, and the header of imports and globals that the library, not the
 * staff, puts before every {@code .dslr} file. Immutable; one instance serves every policy.
 */
public final class Vocabulary {
    /** Where the vocabulary's files lie on the class path. */
    public static final String DSL_RESOURCE = "org/carrierrules/dsl/carrier-rules.dsl";
    private static final String HEADER_RESOURCE = "org/carrierrules/dsl/header.drl";

    private static final Pattern ENTRY = Pattern.compile("^\\[(condition|consequence)]\\[]([^=]+)=(.*)$");
    private static final Pattern SLOT = Pattern.compile("^#slot\\s+(\\S+)\\s+(\\S+)\\s*$");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u([0-9A-Fa-f]{4})");
    private static final Pattern BINDING = Pattern.compile("(\\$\\w+)\\s*:");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\w+");
    private static final Pattern GLOBAL = Pattern.compile("\\bglobal\\s+[\\w.]+\\s+(\\w+)\\s*;");

    private static final Vocabulary BUNDLED = new Vocabulary(resource(DSL_RESOURCE), resource(HEADER_RESOURCE).strip());

    private final String dsl;
    private final String header;
    private final List<Sentence> sentences;
    private final Map<String, String> slots;

    private Vocabulary(String dsl, String header) {
        this.dsl = dsl;
        this.header = header;
        List<String> globals = new ArrayList<>();
        Matcher global = GLOBAL.matcher(header);
        while (global.find()) {
            globals.add(global.group(1));
        }
        List<Sentence> parsed = new ArrayList<>();
        Map<String, String> slotTargets = new LinkedHashMap<>();
        for (String line : dsl.split("\n")) {
            Matcher entry = ENTRY.matcher(line.strip());
            Matcher slot = SLOT.matcher(line.strip());
            if (entry.matches()) {
                parsed.add(sentence(entry.group(1), entry.group(2).strip(), entry.group(3), globals));
            } else if (slot.matches()) {
                slotTargets.put(slot.group(1), slot.group(2));
            }
        }
        this.sentences = List.copyOf(parsed);
        this.slots = Collections.unmodifiableMap(slotTargets);
    }

    /** The vocabulary shipped with the library. */
    public static Vocabulary bundled() {
        return BUNDLED;
    }

    private static Sentence sentence(String section, String key, String expansion, List<String> globals) {
        String text = unescape(key);
        Sentence.Kind kind = section.equals("consequence") ? Sentence.Kind.CONSEQUENCE
                : text.startsWith("-") ? Sentence.Kind.CONSTRAINT : Sentence.Kind.CONDITION;
        List<String> parameters = new ArrayList<>();
        StringBuilder regex = new StringBuilder();
        Matcher placeholder = PLACEHOLDER.matcher(text);
        int at = 0;
        while (placeholder.find()) {
            regex.append(literal(text.substring(at, placeholder.start())));
            regex.append("(.+?)");
            parameters.add(placeholder.group(1));
            at = placeholder.end();
        }
        regex.append(literal(text.substring(at)));
        Set<String> binds = new LinkedHashSet<>();
        Matcher binding = BINDING.matcher(expansion);
        while (binding.find()) {
            binds.add(binding.group(1));
        }
        Set<String> uses = new LinkedHashSet<>();
        for (String global : globals) {
            if (Pattern.compile("(?<![\\w$.])" + global + "\\b").matcher(expansion).find()) {
                uses.add(global);
            }
        }
        Set<String> needs = new LinkedHashSet<>();
        Matcher variable = VARIABLE.matcher(expansion);
        while (variable.find()) {
            if (!binds.contains(variable.group())) {
                needs.add(variable.group());
            }
        }
        return new Sentence(kind, text, Pattern.compile(regex.toString()), List.copyOf(parameters),
                Set.copyOf(binds), Set.copyOf(needs), Set.copyOf(uses));
    }

    /** Literal text, where any run of spaces matches any run of spaces. */
    private static String literal(String text) {
        StringBuilder regex = new StringBuilder();
        String[] words = text.split(" +", -1);
        for (int i = 0; i < words.length; i++) {
            regex.append(i == 0 ? "" : "\\s+").append(words[i].isEmpty() ? "" : Pattern.quote(words[i]));
        }
        return regex.toString();
    }

    private static String unescape(String key) {
        Matcher escape = UNICODE_ESCAPE.matcher(key);
        StringBuilder text = new StringBuilder();
        while (escape.find()) {
            escape.appendReplacement(text, Character.toString(Integer.parseInt(escape.group(1), 16)));
        }
        escape.appendTail(text);
        return text.toString();
    }

    private static String resource(String path) {
        try (InputStream in = Vocabulary.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the rules-dsl jar lacks " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of the {@code .dsl} file, for Drools to expand {@code .dslr} files with. */
    public String dsl() {
        return dsl;
    }

    /**
     * Imports, globals and {@code dialect "mvel"}, on one line, that the library puts before each
     * staff {@code .dslr} file. The dialect makes Drools run consequences with MVEL instead of
     * compiling them to Java with ECJ when a policy loads (consequences are only ever the
     * vocabulary's own calls, {@code findings.defect(…)}): the command line shows its first result
     * about 0.4 s sooner, at the price of about 8 % of assessment throughput, since every finding's
     * consequence is interpreted (docs/performance.md, "Consequences in MVEL").
     */
    public String header() {
        return header;
    }

    public List<Sentence> sentences() {
        return sentences;
    }

    /** Message slot name to its target: {@code $x} bound by a condition, or {@code round.x()}. */
    public Map<String, String> slots() {
        return slots;
    }

    /** The sentence a line of a rule is, if any, among those allowed in that part of the rule. */
    Sentence match(String line, boolean inThen) {
        for (Sentence sentence : sentences) {
            boolean consequence = sentence.kind() == Sentence.Kind.CONSEQUENCE;
            if (consequence == inThen && sentence.pattern().matcher(line).matches()) {
                return sentence;
            }
        }
        return null;
    }
}

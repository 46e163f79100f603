package org.carrierrules.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The vocabulary as read from carrier-rules.dsl and header.drl: sentences, slots and the header. */
class VocabularyTest {
    private static final Vocabulary VOCABULARY = Vocabulary.bundled();
    /** A slot's target: a variable the conditions bind, or a call on a global with at most one such variable. */
    private static final Pattern VARIABLE_TARGET = Pattern.compile("\\$\\w+");
    private static final Pattern PARAMETER_TARGET = Pattern.compile("(\\w+)\\.\\w+\\((\\$\\w+)?\\)");
    private static final Pattern GLOBAL = Pattern.compile("global\\s+[\\w.]+\\s+(\\w+)\\s*;");

    static Stream<Sentence> sentences() {
        return VOCABULARY.sentences().stream();
    }

    /** The globals the header declares, read here independently of Vocabulary. */
    private static Set<String> headerGlobals() {
        Set<String> globals = new LinkedHashSet<>();
        Matcher global = GLOBAL.matcher(VOCABULARY.header());
        while (global.find()) {
            globals.add(global.group(1));
        }
        return globals;
    }

    @Test
    void theVocabularyIsRead() {
        // Counted by hand in carrier-rules.dsl: conditions 4 applicant, 2 carrier type and window, 4 scans,
        // 2 paper, 7 electronic, 6 supervision; constraints 6 on a scan, 5 on the paper copy; 6 consequences.
        Map<Sentence.Kind, Long> kinds = VOCABULARY.sentences().stream()
                .collect(Collectors.groupingBy(Sentence::kind, Collectors.counting()));
        assertEquals(Map.of(Sentence.Kind.CONDITION, 25L, Sentence.Kind.CONSTRAINT, 11L, Sentence.Kind.CONSEQUENCE, 6L), kinds);
        assertEquals(19, VOCABULARY.slots().size());
        assertEquals(Set.of("findings", "grounds", "round", "supervision", "asOf"), headerGlobals());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sentences")
    void everySentenceIsMatchedByItsOwnPatternAndByNoEarlierOne(Sentence sentence) {
        assertTrue(sentence.pattern().matcher(sentence.text()).matches(), sentence.text());
        assertSame(sentence, VOCABULARY.match(sentence.text(), sentence.kind() == Sentence.Kind.CONSEQUENCE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sentences")
    void aSentenceWithValuesGivesThemBack(Sentence sentence) {
        String line = sentence.text();
        List<String> values = new ArrayList<>();
        for (String parameter : sentence.parameters()) {
            String value = parameter.equals("code") ? "MATERIAL_MISSING" : "缺少{材料名称}，请补正";
            line = line.replace("{" + parameter + "}", value);
            values.add(value);
        }
        Matcher matcher = sentence.pattern().matcher(line);
        assertTrue(matcher.matches(), line);
        for (int i = 0; i < values.size(); i++) {
            assertEquals(values.get(i), matcher.group(i + 1));
        }
    }

    @Test
    void everyConsequenceTakesACodeAndAMessage() {
        sentences().filter(s -> s.kind() == Sentence.Kind.CONSEQUENCE)
                .forEach(s -> assertEquals(List.of("code", "message"), s.parameters(), s.text()));
        sentences().filter(s -> s.kind() != Sentence.Kind.CONSEQUENCE)
                .forEach(s -> assertEquals(List.of(), s.parameters(), s.text()));
    }

    @Test
    void extraSpacesBetweenWordsAreAllowed() {
        assertNotNull(VOCABULARY.match("不予受理，代码   MATERIAL_MISSING：缺少材料", true));
        assertNull(VOCABULARY.match("不予受理，代码MATERIAL_MISSING：缺少材料", true));
    }

    @Test
    void everySlotNamesAValueARuleCanHave() {
        Set<String> globals = headerGlobals();
        Set<String> bound = sentences().filter(s -> s.kind() != Sentence.Kind.CONSEQUENCE)
                .flatMap(s -> s.binds().stream()).collect(Collectors.toSet());
        VOCABULARY.slots().forEach((slot, target) -> {
            if (target.startsWith("$")) {
                assertTrue(VARIABLE_TARGET.matcher(target).matches(), slot + " → " + target);
                assertTrue(bound.contains(target), "slot {" + slot + "}: no condition binds " + target);
            } else {
                Matcher parameter = PARAMETER_TARGET.matcher(target);
                assertTrue(parameter.matches(), "slot {" + slot + "}: " + target + " is neither $x nor a parameter call");
                assertTrue(globals.contains(parameter.group(1)), "slot {" + slot + "}: " + parameter.group(1) + " is no global");
                assertTrue(Set.of("round", "supervision").contains(parameter.group(1)), "slot {" + slot + "}: " + target);
                if (parameter.group(2) != null) {
                    assertTrue(bound.contains(parameter.group(2)), "slot {" + slot + "}: no condition binds " + parameter.group(2));
                }
            }
        });
    }

    @Test
    void slotNamesAreWhatAMessageCanUse() {
        // SafeMode and MessageTemplate find slots as {name} with no braces inside.
        VOCABULARY.slots().keySet().forEach(slot -> assertFalse(slot.contains("{") || slot.contains("}") || slot.isBlank(), slot));
    }

    @Test
    void eachSentenceKnowsTheGlobalsItNeeds() {
        Map<String, Set<String>> byText = VOCABULARY.sentences().stream()
                .collect(Collectors.toMap(Sentence::text, Sentence::globals));
        assertEquals(Set.of("round"), byText.get("申请单位类型不在本轮申报对象之内"));
        assertEquals(Set.of("round"), byText.get("- 份数少于本轮要求"));
        assertEquals(Set.of(), byText.get("申请单位未依法设立"));
        assertEquals(Set.of(), byText.get("发现载体失联"));
        assertEquals(Set.of("supervision", "asOf"), byText.get("载体认定后连续多年未从事相关培训活动"));
        assertEquals(Set.of("findings"), byText.get("不予受理，代码 {code}：{message}"));
        assertEquals(Set.of("findings"), byText.get("通知补正该材料，代码 {code}：{message}"));
        assertEquals(Set.of("grounds"), byText.get("报请取消认定，代码 {code}：{message}"));
        assertEquals(Set.of("grounds"), byText.get("通知改正，代码 {code}：{message}"));
    }

    @Test
    void everyConsequenceReportsThroughExactlyOneCollector() {
        sentences().filter(s -> s.kind() == Sentence.Kind.CONSEQUENCE).forEach(s -> {
            Set<String> collectors = s.globals().stream().filter(Set.of("findings", "grounds")::contains).collect(Collectors.toSet());
            assertEquals(1, collectors.size(), s.text());
        });
    }

    @Test
    void noLineOfTheDslFileHasFullWidthPunctuation() {
        // The Drools DSL lexer refuses any of it, comments included ("DSL lexer error", path=null).
        String[] lines = VOCABULARY.dsl().split("\n", -1);
        List<String> offending = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            int line = i + 1;
            lines[i].codePoints().filter(VocabularyTest::isNonAsciiPunctuation)
                    .forEach(c -> offending.add("第" + line + "行：" + Character.toString(c)));
        }
        assertTrue(lines.length > 50, "the whole file was read");
        assertEquals(List.of(), offending);
    }

    @Test
    void theCheckForFullWidthPunctuationSeesIt() {
        assertTrue("：，。、（）“”《》；？！【】·—".codePoints().allMatch(VocabularyTest::isNonAsciiPunctuation));
        assertFalse("申请单位AZaz09()[]{}:,.-_\\#=$\"'!?".codePoints().anyMatch(VocabularyTest::isNonAsciiPunctuation));
    }

    private static boolean isNonAsciiPunctuation(int c) {
        if (c < 0x80) {
            return false;
        }
        return switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION -> true;
            default -> c >= 0xFF00 && c <= 0xFFEF || c >= 0x3000 && c <= 0x303F;
        };
    }

    @Test
    void theHeaderIsOneLine() {
        // RuleBaseBuilder subtracts one line from Drools' line numbers for it.
        assertFalse(VOCABULARY.header().contains("\n"));
        assertTrue(VOCABULARY.header().startsWith("import "));
    }
}

package org.carrierrules.internal.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import org.carrierrules.policy.PolicyProblem;

/**
 * Staff files that mix the vocabulary's sentences with hostile fragments (quotes, backslashes, comment markers,
 * carriage returns, {@code >}, DRL keywords, {@code {}}, {@code @{}}, {@code ${}}, Unicode line separators,
 * escapes, very long lines): either the file is refused with lines inside it, or the Drools text generated from
 * its rules holds no token that is not in the library's own templates.
 */
class HostileRuleFilesTest {
    private static final Vocabulary VOCABULARY = Vocabulary.bundled();
    private static final Pattern TOKEN = Pattern.compile("\"[^\"\\n]*\"|[A-Za-z_$][A-Za-z0-9_$]*|\\d+|\\S");
    private static final List<String> FRAGMENTS = List.of("\"", "\\", "\\\"", "//", "/*", "*/", "\r", "\r\n", ">", "> ",
            "end", "rule \"x\"", "then", "when", "import java.io.File;", "System.exit(0);", "{", "}", "@{x}", "${x}",
            "{材料名称}", "\u2028", "\u2029", "\u0085", "\u0000", "\\u000a", "\\n", ";", "eval(true)", "salience 100",
            "package x;", "'", "`", "#", "@clause(\"五\")", "- 扫描件歪斜", "申请单位未依法设立", "$x : Object()",
            "长".repeat(1200), "\t", "\u202E", "）", "，代码 X：");

    @Test
    void aHostileFileIsRefusedWithItsLinesOrGeneratesOnlyTemplateTokens() {
        Set<String> allowed = allowedTokens();
        java.util.concurrent.atomic.AtomicInteger accepted = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
        qt().withFixedSeed(20261201L).withExamples(400).withShrinkCycles(50)
                .forAll(files(i -> StaffFiles.rule("规则" + i, "{材料名称}扫描件歪斜")))
                .checkAssert(text -> {
                    StaffFiles.Result result = StaffFiles.check(text);
                    int lines = text.split("\n", -1).length;
                    if (!result.problems().isEmpty()) {
                        refused.incrementAndGet();
                        for (PolicyProblem problem : result.problems()) {
                            assertTrue(problem.line() >= 1 && problem.line() <= lines, () -> problem + " in\n" + text);
                        }
                        return;
                    }
                    accepted.incrementAndGet();
                    String drl = result.drl();
                    assertEquals(DrlGenerator.generate(Stage.ASSESSMENT, result.rules()), drl);
                    for (String token : tokens(drl)) {
                        assertTrue(allowed.contains(token), () -> "token " + token + " is not the library's, from\n" + text + "\n" + drl);
                    }
                });
        // Both sides of the property are reached often: the generator is not all refusals.
        assertTrue(accepted.get() >= 40 && refused.get() >= 40, () -> accepted + " accepted, " + refused + " refused");
    }

    @Test
    void everyGeneratedFileStaysWithinTheTemplatesEvenWhenItsMessagesAreHostile() {
        Set<String> allowed = allowedTokens();
        qt().withFixedSeed(7L).withExamples(300)
                .forAll(lists().of(arbitrary().pick(FRAGMENTS.stream().filter(f -> !f.contains("{") && !f.contains("\r")
                        && !f.contains("\u2028") && !f.contains("\u2029") && !f.contains("\u0085") && !f.contains("\u0000")
                        && !f.contains("\u202E") && !f.contains("长") && !f.contains("/*") && !f.contains("*/")).toList()))
                        .ofSizeBetween(1, 6))
                .checkAssert(pieces -> {
                    String message = "说明" + String.join("", pieces).replace("\n", " ");
                    StaffFiles.Result result = StaffFiles.check(StaffFiles.rule("规则" + message.replace("\"", "“").replace("\\", "、"), message));
                    assertEquals(List.of(), result.problems(), () -> message);
                    assertEquals(message.strip(), ((Message.Text) result.rules().get(0).message().parts().get(0)).text());
                    for (String token : tokens(result.drl())) {
                        assertTrue(allowed.contains(token), () -> "token " + token + " from " + message);
                    }
                });
    }

    /**
     * The same for a file of 排名资格 (rules/allocation/), whose generated rules are compiled after the library's
     * allocation rules: refused with lines inside it, or generating only the tokens of the stage's own skeleton and
     * sentences. Sentences of the other stages are among those mixed in, and must be refused.
     */
    @Test
    void aHostileFileOfRankingEligibilityIsRefusedOrGeneratesOnlyTemplateTokens() {
        Set<String> allowed = allowedRankingTokens();
        java.util.concurrent.atomic.AtomicInteger accepted = new java.util.concurrent.atomic.AtomicInteger();
        qt().withFixedSeed(20261202L).withExamples(300).withShrinkCycles(50)
                .forAll(files(i -> "rule \"规则" + i + "\"\n    @clause(\"四(四)\")\nwhen\n    实地考察未通过\nthen\n"
                        + "    不参加排名，代码 SITE_VISIT_FAILED：得分{评审得分}，合格分{合格分}\nend\n"))
                .checkAssert(text -> {
                    StaffFiles.Result result = StaffFiles.check(text.getBytes(StandardCharsets.UTF_8), Stage.ALLOCATION,
                            CodeCatalogue.library());
                    int lines = text.split("\n", -1).length;
                    if (!result.problems().isEmpty()) {
                        result.problems().forEach(problem -> assertTrue(problem.line() >= 1 && problem.line() <= lines,
                                () -> problem + " in\n" + text));
                        return;
                    }
                    accepted.incrementAndGet();
                    String drl = DrlGenerator.generate(Stage.ALLOCATION, result.rules());
                    for (String token : tokens(drl)) {
                        assertTrue(allowed.contains(token), () -> "token " + token + " is not the library's, from\n" + text + "\n" + drl);
                    }
                });
        assertTrue(accepted.get() >= 30, () -> accepted + " accepted");
    }

    /** Rule files: sound rules, with hostile fragments put into names, sentences, messages or lines of their own. */
    private static Gen<String> files(java.util.function.IntFunction<String> soundRule) {
        Gen<String> fragment = arbitrary().pick(FRAGMENTS);
        Gen<String> sentence = arbitrary().pick(VOCABULARY.sentences().stream()
                .map(s -> s instanceof Vocabulary.Verdict v ? v.word() + "，代码 MATERIAL_SKEWED：{材料名称}扫描件歪斜" : s.text()).toList());
        Gen<String> line = integers().between(0, 9).zip(fragment, sentence, (kind, f, s) -> switch (kind) {
            case 0 -> f;
            case 1 -> s + f;
            case 2 -> f + s;
            case 3 -> "rule \"" + f + "\"";
            case 4 -> "    通知补正该材料，代码 MATERIAL_SKEWED：" + f + "{材料名称}";
            case 5 -> "// " + f;
            default -> s;
        });
        Gen<List<String>> insertions = lists().of(line).ofSizeBetween(0, 4);
        Gen<Integer> rules = integers().between(1, 3);
        return rules.zip(insertions, integers().between(0, 1000), (count, extra, seed) -> {
            List<String> file = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                file.addAll(List.of(soundRule.apply(i).split("\n")));
            }
            for (int i = 0; i < extra.size(); i++) {
                file.add((seed * 31 + i * 17) % (file.size() + 1), extra.get(i));
            }
            return String.join("\n", file) + "\n";
        });
    }

    /** The tokens of the library's own text: the stage header, every template and joined pair, the rule skeleton. */
    private static Set<String> allowedTokens() {
        StringBuilder own = new StringBuilder(DrlGenerator.header(Stage.ASSESSMENT));
        VOCABULARY.conditions().values().forEach(c -> own.append(c.drl().replace(Vocabulary.CONSTRAINTS, "")).append('\n'));
        VOCABULARY.joined().forEach(pair -> own.append(pair.drl().replace(Vocabulary.CONSTRAINTS, "")).append('\n'));
        VOCABULARY.constraints().values().forEach(c -> own.append(c.drl()).append(",\n"));
        own.append("rule \"rN\"\nwhen\nthen\n    FindingCollector.report(kcontext, 0);\nend\n");
        return new HashSet<>(tokens(own.toString()));
    }

    /** The tokens of 排名资格's own text: the rule skeleton its generator writes, and the stage's sentences. */
    private static Set<String> allowedRankingTokens() {
        StringBuilder own = new StringBuilder("rule \"rN\"\n    ruleflow-group \"" + DrlGenerator.RANKING_ELIGIBILITY + "\"\nwhen\n    "
                + Vocabulary.RUBRIC + " : Rubric()\n    " + Vocabulary.CASE + " : AllocationCase( , )\nthen\n"
                + "    insert( outcomes.exclude(kcontext, 0, " + Vocabulary.CASE + ") );\nend\n");
        VOCABULARY.conditions().values().stream().filter(c -> c.stage() == Stage.ALLOCATION).forEach(c -> own.append(c.drl()).append('\n'));
        return new HashSet<>(tokens(own.toString()));
    }

    private static List<String> tokens(String drl) {
        List<String> tokens = new ArrayList<>();
        Matcher token = TOKEN.matcher(drl.replaceAll("\"r\\d+\"", "\"rN\""));
        while (token.find()) {
            tokens.add(token.group().matches("\\d+") ? "0" : token.group());
        }
        return tokens;
    }

    @Test
    void theTokenCheckCanFail() {
        // A DRL text with one foreign token is told apart: the property above has teeth.
        Set<String> allowed = allowedTokens();
        assertTrue(tokens("rule \"r3\" when then System.exit(0); end").stream().anyMatch(t -> !allowed.contains(t)));
        assertTrue(tokens(new String("rule \"r3\" when then FindingCollector.report(kcontext, 3); end".getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8)).stream().allMatch(allowed::contains));
    }
}

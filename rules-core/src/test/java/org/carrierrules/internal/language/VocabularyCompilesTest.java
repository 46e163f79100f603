package org.carrierrules.internal.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

import org.carrierrules.assessment.Severity;

/**
 * Compiles every sentence of the vocabulary against the fact classes, each condition with every constraint it
 * takes and every verdict of its stage: a fact method renamed, a template mistyped or a global missing from a
 * stage's header fails the library's build here, not a policy officer's {@code check}.
 */
class VocabularyCompilesTest {
    private static final Vocabulary VOCABULARY = Vocabulary.bundled();

    @ParameterizedTest
    @EnumSource(Stage.class)
    void everySentenceOfTheStageCompiles(Stage stage) throws IOException {
        List<CheckedRule> rules = new ArrayList<>();
        for (Vocabulary.Condition condition : VOCABULARY.conditions().values()) {
            if (condition.stage() == stage) {
                rules.add(rule(stage, condition, constraintsOf(condition), verdictOf(stage, false)));
            }
        }
        for (Vocabulary.Verdict verdict : VOCABULARY.verdicts().values()) {
            if (verdict.stage() == stage) {
                Vocabulary.Condition binder = verdict.aboutMaterial() ? VOCABULARY.condition("本类载体须提交的材料")
                        : VOCABULARY.conditions().values().stream().filter(c -> c.stage() == stage && c.needs().isEmpty())
                        .findFirst().orElseThrow();
                rules.add(rule(stage, binder, List.of(), verdict));
            }
        }
        assertTrue(rules.size() > 2, "the stage has sentences to compile");
        // The rules of 排名资格 compile after the library's allocation rules, whose header declares what they use.
        String library = stage == Stage.ALLOCATION
                ? new String(resource("org/carrierrules/internal/allocation/allocation.drl"), StandardCharsets.UTF_8) : "";
        assertEquals(List.of(), compile(stage, library + DrlGenerator.generate(stage, rules)));
    }

    /**
     * The generator writes a {@link Vocabulary.Joined} pair as one pattern only when its sentences are written one
     * right after the other; with another sentence between them each is its own pattern, which must compile too.
     */
    @Test
    void everyJoinedPairCompilesApartToo() throws IOException {
        Vocabulary.Condition between = VOCABULARY.condition("申请单位未依法设立");
        List<CheckedRule> rules = new ArrayList<>();
        for (Vocabulary.Joined pair : VOCABULARY.joined()) {
            List<CheckedRule.Condition> apart = List.of(new CheckedRule.Condition(pair.first(), List.of()),
                    new CheckedRule.Condition(between, List.of()),
                    new CheckedRule.Condition(pair.second(), constraintsOf(pair.second())));
            CheckedRule rule = rule(Stage.ASSESSMENT, between, List.of(), verdictOf(Stage.ASSESSMENT, true));
            rules.add(new CheckedRule(rule.name(), rule.clause(), rule.file(), rule.line(), rule.stage(), apart,
                    rule.verdict(), rule.code(), rule.message()));
        }
        assertFalse(rules.isEmpty(), "the vocabulary joins some pair");
        String drl = DrlGenerator.generate(Stage.ASSESSMENT, rules);
        assertTrue(drl.contains("from " + Vocabulary.REQUIRED_MATERIALS), drl);
        assertEquals(List.of(), compile(Stage.ASSESSMENT, drl));
    }

    @Test
    void eachSlotNamesAVariableSomeConditionOfItsStageBinds() {
        for (Vocabulary.Slot slot : VOCABULARY.slots().values()) {
            if (slot.variable() != null && !Vocabulary.boundByEveryRule(slot.stage()).contains(slot.variable())) {
                List<Vocabulary.Condition> binders = VOCABULARY.bindersOf(slot.variable()).stream()
                        .filter(c -> slot.stage() == null || c.stage() == slot.stage()).toList();
                assertFalse(binders.isEmpty(), () -> "no condition binds " + slot.variable() + " for {" + slot.name() + "}");
            }
        }
    }

    @Test
    void eachVariableASentenceNeedsIsBoundBySomeSentenceOfItsStage() {
        for (Vocabulary.Condition condition : VOCABULARY.conditions().values()) {
            for (String needed : condition.needs()) {
                assertTrue(Vocabulary.boundByEveryRule(condition.stage()).contains(needed)
                                || VOCABULARY.bindersOf(needed).stream().anyMatch(c -> c.stage() == condition.stage()),
                        () -> condition.text() + " needs " + needed);
            }
        }
    }

    /** A rule made of {@code condition}, preceded by whatever binds what it and its constraints need. */
    private static CheckedRule rule(Stage stage, Vocabulary.Condition condition, List<Vocabulary.Constraint> constraints,
                                    Vocabulary.Verdict verdict) {
        Set<String> needed = new LinkedHashSet<>(condition.needs());
        constraints.forEach(c -> needed.addAll(c.needs()));
        needed.addAll(verdict.needs());
        needed.removeAll(condition.binds());
        needed.removeAll(Vocabulary.boundByEveryRule(stage));
        List<CheckedRule.Condition> conditions = new ArrayList<>();
        Set<String> bound = new LinkedHashSet<>();
        for (String variable : needed) {
            if (!bound.contains(variable)) {
                Vocabulary.Condition binder = VOCABULARY.bindersOf(variable).stream()
                        .filter(c -> c.stage() == stage && c.needs().isEmpty()).findFirst().orElseThrow();
                conditions.add(new CheckedRule.Condition(binder, List.of()));
                bound.addAll(binder.binds());
            }
        }
        conditions.add(new CheckedRule.Condition(condition, constraints));
        CodeCatalogue.Code code = CodeCatalogue.library().codes().stream()
                .filter(c -> c.stage() == stage && c.severity() == verdict.severity() && c.outcome() == verdict.outcome())
                .findFirst().orElseThrow();
        return new CheckedRule(condition.text(), "测试", "rules/test.dslr", 1, stage, conditions, verdict, code,
                new org.carrierrules.internal.language.Message(List.of(new org.carrierrules.internal.language.Message.Text("测试"))));
    }

    private static List<Vocabulary.Constraint> constraintsOf(Vocabulary.Condition condition) {
        if (condition.subject() == null) {
            return List.of();
        }
        return VOCABULARY.constraints().values().stream().filter(c -> c.subject() == condition.subject()).toList();
    }

    private static Vocabulary.Verdict verdictOf(Stage stage, boolean aboutMaterial) {
        return VOCABULARY.verdicts().values().stream()
                .filter(v -> v.stage() == stage && v.aboutMaterial() == aboutMaterial
                        && (v.severity() == null || v.severity() == Severity.DEFECT || v.outcome() != null))
                .findFirst().orElseThrow();
    }

    /** Drools' error messages for the text, compiled as the library compiles a stage. */
    static List<String> compile(Stage stage, String drl) throws IOException {
        KieServices ks = KieServices.get();
        ReleaseId release = ks.newReleaseId("org.carrierrules.test", "vocabulary-" + stage.name().toLowerCase(), "1");
        KieFileSystem kfs = ks.newKieFileSystem().generateAndWritePomXML(release);
        kfs.write("src/main/resources/org/carrierrules/internal/facts.drl",
                ks.getResources().newByteArrayResource(resource("org/carrierrules/internal/facts/facts.drl"), "UTF-8"));
        kfs.write("src/main/resources/" + stage.drlPackage().replace('.', '/') + "/rules.drl",
                ks.getResources().newByteArrayResource(drl.getBytes(StandardCharsets.UTF_8), "UTF-8"));
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        List<String> errors = builder.getResults().getMessages(Message.Level.ERROR).stream()
                .map(m -> m.getLine() + ": " + m.getText()).collect(Collectors.toList());
        ks.getRepository().removeKieModule(release);
        return errors;
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = VocabularyCompilesTest.class.getClassLoader().getResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }
}

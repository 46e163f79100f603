package org.carrierrules.internal.scenario;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a decision with a conclusion and coded reasons must come to: an application's 受理 with its findings,
 * or a carrier's 跟踪管理 with its grounds. Exactly {@code codes}, in any order; each of {@code messages}
 * among the messages given. What the scenario does not write (null) is not compared.
 */
record Verdict(String conclusion, List<String> codes, List<String> messages) {
    /** The keys of {@code expect:} for a verdict whose conclusion is written at {@code conclusion}. */
    static Set<String> expectKeys(String conclusion) {
        return Set.of(conclusion, "codes", "messages", "error");
    }

    /** The verdict {@code expect} asks for: its conclusion, at {@code key}, one of {@code allowed}. */
    static Verdict read(Expect expect, String key, List<String> allowed) {
        String conclusion = expect.has(key) ? expect.oneOf(key, allowed) : null;
        return new Verdict(conclusion, expect.optionalTexts("codes"), expect.optionalTexts("messages"));
    }

    /**
     * How {@code actual} differs from this, in plain Chinese: each extra or missing finding with what it is about
     * and what it says. When it differs, {@code decide} decides the scenario's base as it is (null when refused):
     * an extra item the base comes to by itself is said to come from the base, and so is a conclusion that
     * would be the one expected without such items.
     */
    Check.Outcome compare(Decision actual, Base base, Function<JsonNode, Decision> decide, List<String> rules) {
        List<String> actualMessages = actual.items().stream().map(Item::message).toList();
        boolean conclusionDiffers = conclusion != null && !conclusion.equals(actual.conclusion());
        List<String> messagesMissing = messages == null ? List.of() : messages.stream().filter(m -> !actualMessages.contains(m)).toList();
        if (!conclusionDiffers && messagesMissing.isEmpty() && (codes == null || CodeDiff.of(codes, actual.items(), item -> false).none())) {
            return new Check.Outcome(List.of(), rules, null);
        }
        Decision unchanged = Check.unlessRefused(() -> decide.apply(base.input()));
        List<Item> baseItems = unchanged == null ? List.of() : unchanged.items();
        Predicate<Item> givenByBase = item -> item.foundIn(baseItems);
        List<String> expectedMessages = messages == null ? List.of() : messages;
        CodeDiff diff;
        if (codes != null) {
            diff = CodeDiff.of(codes, actual.items(), item -> givenByBase.test(item) && !expectedMessages.contains(item.message()));
        } else {
            // No codes written: the items the base gives by itself are extra when without them the conclusion is the one expected.
            List<Integer> candidates = IntStream.range(0, actual.items().size()).filter(i -> givenByBase.test(actual.items().get(i)))
                    .boxed().toList();
            boolean explains = conclusionDiffers && !candidates.isEmpty()
                    && conclusion.equals(actual.conclusionWithout().apply(new TreeSet<>(candidates)));
            diff = new CodeDiff(explains ? candidates : List.of(), List.of());
        }
        Set<Integer> inherited = diff.extra().stream().filter(i -> givenByBase.test(actual.items().get(i)))
                .collect(Collectors.toCollection(TreeSet::new));
        FromBase fromBase = FromBase.of(base, baseItems, actual.items(), inherited);

        Failures failures = new Failures();
        if (conclusionDiffers) {
            boolean explained = fromBase != null && conclusion.equals(actual.conclusionWithout().apply(inherited));
            failures.add("结论预期为 " + conclusion + "，实为 " + actual.conclusion(), explained ? fromBase : null);
        }
        for (int i : diff.extra()) {
            failures.add("多出 " + actual.items().get(i).shown(), inherited.contains(i) ? fromBase : null);
        }
        for (String code : diff.missing()) {
            String about = CodeFields.about(code);
            failures.add("少了 " + code + (about == null ? "" : "（" + about + "）"));
        }
        for (String message : messagesMissing) {
            failures.add("没有出现预期的说明“" + message + "”；" + (actual.items().isEmpty() ? "实际没有任何说明"
                    : "实际说明为：" + actual.items().stream().map(Item::shown).collect(Collectors.joining("；"))));
        }
        return failures.outcome(rules);
    }
}

package org.carrierrules.internal.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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

    /** How the decision that came out differs from this, in plain Chinese: empty when it does not. */
    List<String> failures(String actualConclusion, List<String> actualCodes, List<String> actualMessages) {
        List<String> failures = new ArrayList<>();
        if (conclusion != null && !conclusion.equals(actualConclusion)) {
            failures.add("结论预期为 " + conclusion + "，实为 " + actualConclusion);
        }
        List<String> sorted = actualCodes.stream().sorted().toList();
        if (codes != null && !codes.stream().sorted().toList().equals(sorted)) {
            failures.add("代码预期为 " + codes + "，实为 " + sorted);
        }
        if (messages != null) {
            messages.stream().filter(m -> !actualMessages.contains(m))
                    .forEach(m -> failures.add("没有出现预期的说明“" + m + "”；实际说明为：" + actualMessages));
        }
        return failures;
    }
}

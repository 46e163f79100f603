package org.carrierrules.internal.scenario;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.carrierrules.assessment.Acceptance;
import org.carrierrules.assessment.Assessment;
import org.carrierrules.assessment.Finding;
import org.carrierrules.supervision.Ground;
import org.carrierrules.supervision.SupervisionDecision;
import org.carrierrules.supervision.SupervisionOutcome;

/**
 * What a decision with a conclusion and coded reasons came to, as a {@link Verdict} compares it: an application's
 * 受理 with its findings, or a carrier's 跟踪管理 with its grounds.
 *
 * @param conclusion        its conclusion, e.g. {@code SUPPLEMENT_REQUIRED}
 * @param items             its findings or grounds, in its order
 * @param conclusionWithout the conclusion it would have come to without the items at the given places: the
 *                          contract's, from the others alone
 */
record Decision(String conclusion, List<Item> items, Function<Set<Integer>, String> conclusionWithout) {
    Decision {
        items = List.copyOf(items);
    }

    /** 四(三): acceptance follows from the findings' severities. */
    static Decision of(Assessment assessment, Map<String, String> materialNames) {
        List<Finding> findings = assessment.findings();
        return new Decision(assessment.acceptance().name(), findings.stream().map(f -> Item.of(f, materialNames)).toList(),
                places -> Acceptance.of(without(findings, places)).name());
    }

    /** 五: the outcome follows from the grounds, REVOKE over RECTIFY. */
    static Decision of(SupervisionDecision decision) {
        List<Ground> grounds = decision.grounds();
        return new Decision(decision.outcome().name(), grounds.stream().map(Item::of).toList(),
                places -> SupervisionOutcome.of(without(grounds, places)).name());
    }

    private static <T> List<T> without(List<T> list, Set<Integer> places) {
        return IntStream.range(0, list.size()).filter(i -> !places.contains(i)).mapToObj(list::get).toList();
    }
}

package org.carrierrules.internal.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * How the items of a decision differ from the codes a scenario expects, codes compared as a multiset (in any
 * order, each as often as written): the items that are extra (多出) and the codes missing (少了).
 *
 * @param extra   the places of the extra items in the decision's, in its order
 * @param missing the codes expected and not found, in the order written
 */
record CodeDiff(List<Integer> extra, List<String> missing) {
    CodeDiff {
        extra = List.copyOf(extra);
        missing = List.copyOf(missing);
    }

    /**
     * @param likelyExtra of several items of one code of which only some are expected, the ones to take as extra
     *                    first: the others are taken as the expected ones
     */
    static CodeDiff of(List<String> expected, List<Item> actual, Predicate<Item> likelyExtra) {
        Map<String, Integer> wanted = new LinkedHashMap<>();
        expected.forEach(code -> wanted.merge(code, 1, Integer::sum));
        Map<String, List<Integer>> found = new LinkedHashMap<>();
        for (int i = 0; i < actual.size(); i++) {
            found.computeIfAbsent(actual.get(i).code(), code -> new ArrayList<>()).add(i);
        }
        List<Integer> extra = new ArrayList<>();
        found.forEach((code, places) -> {
            int expectedTimes = wanted.getOrDefault(code, 0);
            if (places.size() > expectedTimes) {
                List<Integer> ordered = new ArrayList<>(places.stream().filter(i -> !likelyExtra.test(actual.get(i))).toList());
                ordered.addAll(places.stream().filter(i -> likelyExtra.test(actual.get(i))).toList());
                extra.addAll(ordered.subList(expectedTimes, ordered.size()));
            }
        });
        Collections.sort(extra);
        List<String> missing = new ArrayList<>();
        wanted.forEach((code, times) -> {
            for (int k = found.getOrDefault(code, List.of()).size(); k < times; k++) {
                missing.add(code);
            }
        });
        return new CodeDiff(extra, missing);
    }

    boolean none() {
        return extra.isEmpty() && missing.isEmpty();
    }
}

package org.carrierrules.internal.scenario;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a failed scenario's base, unchanged and decided under the same policy, comes to by itself that the
 * scenario does not expect: the sign that the base no longer fits the policy (a material added to the list, a
 * round that asks for more copies), not the rule the scenario is about. Scenarios that fail for one base's same
 * items and nothing else are reported together ({@link ScenarioSuite}).
 *
 * @param base  the base in {@code bases.yaml}
 * @param items what the base comes to by itself that the scenario's decision has and its {@code expect:} does not
 */
record FromBase(Base base, List<Item> items) {
    FromBase {
        items = List.copyOf(items);
    }

    /**
     * What {@code base} came to by itself ({@code baseItems}) that the items of a scenario's decision at {@code places}
     * are; null when there are none.
     */
    static FromBase of(Base base, List<Item> baseItems, List<Item> decided, Set<Integer> places) {
        if (places.isEmpty()) {
            return null;
        }
        return new FromBase(base, baseItems.stream().filter(b -> places.stream().anyMatch(i -> decided.get(i).sameAs(b))).toList());
    }

    /** How the base differs from what its scenarios expect, one line per item. */
    List<String> differences() {
        return items.stream().map(item -> item.isRefusal() ? "输入被拒绝（" + item.about() + "）：" + item.message()
                : "多出 " + item.shown()).toList();
    }

    /** The line after a scenario's failures that says which of them its base gives by itself. */
    String note() {
        return "其中 " + items.stream().map(Item::code).distinct().collect(Collectors.joining("、")) + " 是样例“" + base.name()
                + "”本身就得出的（" + BasesFile.PATH + " 第" + base.line() + "行）：样例多半已不符合本政策，应修改样例而不是场景";
    }
}

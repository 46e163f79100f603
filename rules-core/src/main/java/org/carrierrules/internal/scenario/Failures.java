package org.carrierrules.internal.scenario;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The failures of one scenario as they are found, each known to come from its base ({@link FromBase}) or not;
 * then the note on what its base gives by itself, and whether nothing else failed.
 */
final class Failures {
    private final List<String> texts = new ArrayList<>();
    private final Set<FromBase> bases = new LinkedHashSet<>();
    private boolean own;

    /** A failure of the scenario's own. */
    void add(String text) {
        texts.add(text);
        own = true;
    }

    /** A failure that {@code fromBase} explains, or, when it is null, one of the scenario's own. */
    void add(String text, FromBase fromBase) {
        if (fromBase == null) {
            add(text);
        } else {
            texts.add(text);
            bases.add(fromBase);
        }
    }

    boolean isEmpty() {
        return texts.isEmpty();
    }

    /** The failures, each base's note after them; grouped under the base when one base explains them all. */
    Check.Outcome outcome(List<String> rules) {
        List<String> all = new ArrayList<>(texts);
        bases.forEach(base -> all.add(base.note()));
        return new Check.Outcome(all, rules, !own && bases.size() == 1 ? bases.iterator().next() : null);
    }
}

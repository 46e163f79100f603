package org.carrierrules.hostile;

import java.util.List;

import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * The random choices of one generated case, each drawn from QuickTheories, so that a failing case shrinks
 * choice by choice towards the first option of each (no corruption, fewest records, plainest encoding).
 */
final class Dice {
    private final RandomnessSource source;

    Dice(RandomnessSource source) {
        this.source = source;
    }

    /** 0 to {@code n - 1}. */
    int below(int n) {
        return (int) source.next(Constraint.between(0, n - 1));
    }

    int between(int min, int max) {
        return (int) source.next(Constraint.between(min, max));
    }

    /** True in about {@code percent} of cases; shrinks to false. */
    boolean chance(int percent) {
        return below(100) >= 100 - percent;
    }

    <T> T pick(List<T> options) {
        return options.get(below(options.size()));
    }

    /** A seed for bulk content (a long string), one draw instead of one per character. */
    long seed() {
        return source.next(Constraint.none());
    }
}

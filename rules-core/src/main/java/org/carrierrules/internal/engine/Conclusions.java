package org.carrierrules.internal.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What one session's rules concluded, in the one order every stage reports: the stage's own ranking first
 * (a finding's severity, a ground's outcome), then a position the stage gives (a material's place in the
 * round's list), then the order of the rules in their files, then the message. Never insertion or firing
 * order, which Drools does not promise, so the same input gives the same list on every run and platform.
 * A new one per session: never shared between threads.
 */
public final class Conclusions<T> {
    private final Order<T> order;
    private final List<Drawn<T>> drawn = new ArrayList<>();

    public Conclusions(Order<T> order) {
        this.order = order;
    }

    /**
     * How one stage orders its conclusions: made once per stage (a constant of its collector), since a collector
     * is made for every assessment and the comparator need not be built again each time.
     */
    public static final class Order<T> {
        private final Comparator<Drawn<T>> comparator;

        /** @param gravity the stage's own ranking of its conclusions, graver first */
        public Order(Comparator<? super T> gravity) {
            this.comparator = Comparator.<Drawn<T>, T>comparing(Drawn::value, gravity)
                    .thenComparingInt(Drawn::position)
                    .thenComparingInt(Drawn::ruleOrder)
                    .thenComparing(Drawn::message);
        }

        /** Conclusions ranked by their rules alone. */
        public static <T> Order<T> byRulesAlone() {
            return new Order<>((a, b) -> 0);
        }
    }

    public void add(T value, int position, int ruleOrder, String message) {
        drawn.add(new Drawn<>(value, position, ruleOrder, message));
    }

    public void add(T value, int ruleOrder, String message) {
        add(value, 0, ruleOrder, message);
    }

    public List<T> inOrder() {
        if (drawn.isEmpty()) {
            // Most applications: no stream to set up for nothing.
            return List.of();
        }
        return drawn.stream().sorted(order.comparator).map(Drawn::value).toList();
    }

    private record Drawn<T>(T value, int position, int ruleOrder, String message) {
    }
}

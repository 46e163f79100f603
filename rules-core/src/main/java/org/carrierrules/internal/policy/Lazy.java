package org.carrierrules.internal.policy;

import java.util.function.Supplier;

/**
 * A value computed once, on first use, by whichever thread asks first; the others wait for it.
 * A computation that throws is tried again by the next caller.
 */
public final class Lazy<T> implements Supplier<T> {
    private Supplier<? extends T> computation;
    private volatile T value;

    private Lazy(Supplier<? extends T> computation) {
        this.computation = computation;
    }

    public static <T> Lazy<T> of(Supplier<? extends T> computation) {
        return new Lazy<>(computation);
    }

    @Override
    public T get() {
        T result = value;
        if (result == null) {
            synchronized (this) {
                result = value;
                if (result == null) {
                    result = computation.get();
                    value = result;
                    computation = null;
                }
            }
        }
        return result;
    }
}

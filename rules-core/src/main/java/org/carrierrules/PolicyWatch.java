package org.carrierrules;

/**
 * A running watch of a policy directory ({@link CarrierRules#watch}); closing it stops the watch. Closing twice
 * is harmless, and {@link #close()} throws no checked exception, so it fits try-with-resources without a catch.
 */
public interface PolicyWatch extends AutoCloseable {
    @Override
    void close();
}

package org.carrierrules.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

import org.carrierrules.CarrierRules;
import org.carrierrules.policy.PolicyException;

/**
 * The policy a command runs under: the bundled round unless {@code --policy DIR} names another. A command that
 * decides loads a directory as a host would ({@link CarrierRules#fromDirectory}: only when its own scenarios
 * pass); the tools that test, compare or replay a policy load it untested.
 */
final class Policies {
    private Policies() {
    }

    private static CarrierRules load(Path directory) {
        return directory == null ? CarrierRules.bundled() : CarrierRules.fromDirectory(directory);
    }

    /**
     * The policy, or null once everything wrong with it (or every scenario of its own that fails) has been
     * printed on {@code err} (the command then exits with {@link CarrierRulesCommand#POLICY_BROKEN}).
     */
    static CarrierRules loadOrReport(Path directory, PrintWriter err) {
        return orReport(() -> load(directory), err);
    }

    /** As {@link #loadOrReport}, without running the policy's scenarios: for test, a what-if baseline, verify. */
    static CarrierRules loadUntestedOrReport(Path directory, PrintWriter err) {
        return orReport(() -> directory == null ? CarrierRules.bundled() : CarrierRules.fromDirectoryUntested(directory), err);
    }

    private static CarrierRules orReport(Supplier<CarrierRules> load, PrintWriter err) {
        try {
            return load.get();
        } catch (PolicyException e) {
            err.println(e.getMessage());
            return null;
        }
    }

    /**
     * Starts loading the policy on a thread of its own, so that compiling the rules overlaps with
     * reading the input files: on two cores 100,000 applications are done about 0.3 s sooner
     * (docs/performance.md); a small file reads too fast for it to show. Nothing is printed until
     * {@link Loading#orReport} is asked.
     */
    static Loading startLoading(Path directory) {
        FutureTask<CarrierRules> task = new FutureTask<>(() -> load(directory));
        Thread loader = new Thread(task, "carrier-rules load policy");
        // A command that stops early (an unreadable input file) must not wait for the compiler.
        loader.setDaemon(true);
        loader.start();
        return new Loading(task);
    }

    /** A policy being loaded by {@link #startLoading}. */
    static final class Loading {
        private final FutureTask<CarrierRules> task;

        private Loading(FutureTask<CarrierRules> task) {
            this.task = task;
        }

        /** As {@link #loadOrReport}: the policy, or null once everything wrong with it is printed. */
        CarrierRules orReport(PrintWriter err) {
            try {
                return task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while loading the policy", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof PolicyException problems) {
                    err.println(problems.getMessage());
                    return null;
                }
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }
}

package org.carrierrules.cli;

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

    private static CarrierRules tested(Path directory) {
        return directory == null ? CarrierRules.bundled() : CarrierRules.fromDirectory(directory);
    }

    /**
     * The policy.
     *
     * @throws CommandFailure with everything wrong with it (or every scenario of its own that fails), exit
     *                        {@link CarrierRulesCommand#POLICY_BROKEN}
     */
    static CarrierRules load(Path directory) {
        return orFailure(() -> tested(directory));
    }

    /** As {@link #load}, without running the policy's scenarios: for test, rules, a what-if baseline, verify. */
    static CarrierRules loadUntested(Path directory) {
        return orFailure(() -> directory == null ? CarrierRules.bundled() : CarrierRules.fromDirectoryUntested(directory));
    }

    private static CarrierRules orFailure(Supplier<CarrierRules> load) {
        try {
            return load.get();
        } catch (PolicyException e) {
            throw broken(e);
        }
    }

    private static CommandFailure broken(PolicyException e) {
        return new CommandFailure(CarrierRulesCommand.POLICY_BROKEN, e.getMessage());
    }

    /**
     * Starts loading the policy on a thread of its own, so that compiling the rules overlaps with
     * reading the input files: on two cores 100,000 applications are done about 0.3 s sooner
     * (docs/performance.md); a small file reads too fast for it to show. Nothing is printed until
     * {@link Loading#get} is asked.
     */
    static Loading startLoading(Path directory) {
        FutureTask<CarrierRules> task = new FutureTask<>(() -> tested(directory));
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

        /** As {@link #load}. */
        CarrierRules get() {
            try {
                return task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while loading the policy", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof PolicyException problems) {
                    throw broken(problems);
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

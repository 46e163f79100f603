package org.carrierrules.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import org.carrierrules.CarrierRules;
import org.carrierrules.PolicyRef;

/**
 * Building a policy: cold, the first build in a fresh JVM (one call per fork, Mode.SingleShotTime,
 * so class loading and the interpreter are part of the figure, as at a host's start), and warm,
 * rebuilding in a JVM that has built before.
 * {@code bundled} is the library's own round ({@link CarrierRules#bundled()}); {@code fromDirectory}
 * an edited copy, which is always compiled whole so that every error in it is reported, and whose own
 * scenario tests then run before it serves (the gate a reload applies too), so the figure includes them.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PolicyBuildBenchmark {
    Path directory;

    @Setup
    public void copyPolicy() {
        directory = PolicyDirectories.copyOfBundled();
    }

    @TearDown
    public void deletePolicy() {
        PolicyDirectories.delete(directory);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Fork(10)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public PolicyRef coldBundled() {
        return CarrierRules.bundled().policy();
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Fork(10)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public PolicyRef coldFromDirectory() {
        return CarrierRules.fromDirectory(directory).policy();
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Fork(1)
    @Warmup(iterations = 5, time = 2)
    @Measurement(iterations = 5, time = 2)
    public PolicyRef warmFromDirectory() {
        return CarrierRules.fromDirectory(directory).policy();
    }
}

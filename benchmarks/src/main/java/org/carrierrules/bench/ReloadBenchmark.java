package org.carrierrules.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.carrierrules.CarrierRules;
import org.carrierrules.ReloadResult;
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

/**
 * {@link CarrierRules#reload()} of a copy of the bundled policy directory, warm: read every file,
 * compile every stage, run the policy's own scenario tests, swap. The target is 300 ms.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ReloadBenchmark {
    Path directory;
    CarrierRules rules;

    @Setup
    public void load() {
        directory = PolicyDirectories.copyOfBundled();
        rules = CarrierRules.fromDirectory(directory);
    }

    @TearDown
    public void deletePolicy() {
        PolicyDirectories.delete(directory);
    }

    @Benchmark
    public ReloadResult reload() {
        ReloadResult result = rules.reload();
        if (!result.applied()) {
            throw new IllegalStateException("the copied policy did not reload: " + result);
        }
        return result;
    }
}

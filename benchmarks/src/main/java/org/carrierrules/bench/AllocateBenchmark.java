package org.carrierrules.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import org.carrierrules.CarrierRules;
import org.carrierrules.allocation.Allocation;
import org.carrierrules.allocation.RoundSubmission;

/**
 * A whole round through {@code allocate} (三, 四(四), 四(五)): every application assessed, scored,
 * ranked within its type's quota, objections applied. 24 applications is a district's round; 1,000
 * shows how the cost grows. Milliseconds per round.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AllocateBenchmark {
    @Param({"24", "1000"})
    int applications;

    CarrierRules rules;
    RoundSubmission round;

    @Setup
    public void setUp() {
        rules = CarrierRules.bundled();
        round = RoundMix.generate(applications, ApplicationMix.SEED);
    }

    @Benchmark
    public Allocation allocate() {
        return rules.allocate(round);
    }
}

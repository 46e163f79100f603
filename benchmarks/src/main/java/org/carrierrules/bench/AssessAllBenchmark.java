package org.carrierrules.bench;

import java.util.ArrayList;
import java.util.List;
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
import org.carrierrules.application.Application;
import org.carrierrules.assessment.Assessment;

/**
 * A whole batch through {@code assessAll}, against the baseline looping over the same batch: batches
 * of 1,000 and 100,000 generated applications (fixed seed). Milliseconds per batch; the doc turns
 * them into applications a second.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AssessAllBenchmark {
    @Param({"1000", "100000"})
    int batch;

    CarrierRules rules;
    HandWrittenAssessor baseline;
    List<Application> applications;

    @Setup
    public void setUp() {
        rules = CarrierRules.bundled();
        baseline = HandWrittenAssessor.bundled();
        applications = ApplicationMix.generate(batch, ApplicationMix.SEED);
    }

    @Benchmark
    public List<Assessment> engine() {
        return rules.assessAll(applications);
    }

    @Benchmark
    public List<Assessment> baseline() {
        List<Assessment> results = new ArrayList<>(applications.size());
        for (Application application : applications) {
            results.add(baseline.assess(application));
        }
        return results;
    }
}

package org.carrierrules.bench;

import java.nio.file.Path;
import java.util.List;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import org.carrierrules.CarrierRules;
import org.carrierrules.application.Application;
import org.carrierrules.assessment.Assessment;

/**
 * One application at a time, by the rules of the bundled policy ({@code engine}) and by the
 * hand-written baseline of the same checks ({@code baseline}), on the same generated mix, in the
 * same run, so that their ratio is measured under one machine load. Throughput in assessments a
 * second; latency percentiles (Mode.SampleTime) in microseconds. {@link AssessTwoThreadsBenchmark}
 * runs the same on two threads sharing one facade, as a host's request threads would.
 * <p>
 * {@code extended} assesses the same mix, each application carrying the facts the example policy
 * {@code samples/policies/extended-example} declares, by that policy: the cost of criteria staff add
 * (declared facts, parameters, fact sentences) beside {@code engine}. Run from the repository's root, or
 * name the policy with {@code -Dcarrierrules.extendedPolicy=DIR}.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
public class AssessBenchmark {
    /** Enough distinct applications that branch prediction cannot learn one answer. */
    static final int DISTINCT = 1_024;

    CarrierRules rules;
    HandWrittenAssessor baseline;
    List<Application> applications;
    CarrierRules extended;
    List<Application> withFacts;

    /** Each thread walks the applications on its own. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        Application next(List<Application> applications) {
            Application application = applications.get(next);
            next = (next + 1) % applications.size();
            return application;
        }
    }

    @Setup
    public void setUp() {
        rules = CarrierRules.bundled();
        baseline = HandWrittenAssessor.bundled();
        applications = ApplicationMix.generate(DISTINCT, ApplicationMix.SEED);
        extended = CarrierRules.fromDirectory(Path.of(System.getProperty("carrierrules.extendedPolicy",
                "samples/policies/extended-example")));
        withFacts = ApplicationMix.withExampleFacts(applications, ApplicationMix.SEED);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Assessment extended(Cursor cursor) {
        return extended.assess(cursor.next(withFacts));
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Assessment engine(Cursor cursor) {
        return rules.assess(cursor.next(applications));
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Assessment baseline(Cursor cursor) {
        return baseline.assess(cursor.next(applications));
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Assessment engineLatency(Cursor cursor) {
        return rules.assess(cursor.next(applications));
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Assessment baselineLatency(Cursor cursor) {
        return baseline.assess(cursor.next(applications));
    }
}

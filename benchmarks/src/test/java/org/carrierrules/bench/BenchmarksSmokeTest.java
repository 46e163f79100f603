package org.carrierrules.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Every benchmark runs once, briefly, inside the build, so that a benchmark that no longer compiles
 * or throws is found by {@code mvn verify} rather than by the next person measuring. In this JVM
 * (no fork), no warm-up, one short measurement, the small batch only: a few seconds in all. It
 * checks that each benchmark ran and produced a figure, never how fast: timings belong in
 * docs/performance.md, measured on a quiet machine.
 */
class BenchmarksSmokeTest {
    private static final Set<String> BENCHMARKS = Set.of(
            "AssessBenchmark.engine", "AssessBenchmark.baseline",
            "AssessBenchmark.engineLatency", "AssessBenchmark.baselineLatency", "AssessBenchmark.extended",
            "AssessTwoThreadsBenchmark.engine", "AssessTwoThreadsBenchmark.baseline",
            "AssessTwoThreadsBenchmark.engineLatency", "AssessTwoThreadsBenchmark.baselineLatency",
            "AssessTwoThreadsBenchmark.extended",
            "AssessAllBenchmark.engine", "AssessAllBenchmark.baseline",
            "PolicyBuildBenchmark.coldBundled", "PolicyBuildBenchmark.coldFromDirectory",
            "PolicyBuildBenchmark.warmFromDirectory", "ReloadBenchmark.reload", "ReloadBenchmark.reloadUnchanged",
            "AllocateBenchmark.allocate");

    @Test
    void everyBenchmarkRunsOnce() throws RunnerException {
        // The build runs in benchmarks/, not at the repository's root where the benchmark looks by default.
        System.setProperty("carrierrules.extendedPolicy", "../samples/policies/extended-example");
        Options options = new OptionsBuilder()
                .include("org\\.carrierrules\\.bench\\..*")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(100))
                .param("batch", "1000")
                .param("applications", "24")
                .verbosity(VerboseMode.SILENT)
                .build();
        Collection<RunResult> results = new Runner(options).run();

        Set<String> ran = new TreeSet<>();
        for (RunResult result : results) {
            String label = result.getParams().getBenchmark();
            String name = label.substring(label.lastIndexOf('.', label.lastIndexOf('.') - 1) + 1);
            ran.add(name);
            assertTrue(result.getPrimaryResult().getSampleCount() > 0, name + " produced no sample");
            assertTrue(result.getPrimaryResult().getScore() > 0, name + " scored " + result.getPrimaryResult().getScore());
        }
        assertEquals(new TreeSet<>(BENCHMARKS), ran);
    }
}

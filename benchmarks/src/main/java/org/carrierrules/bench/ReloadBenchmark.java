package org.carrierrules.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import org.carrierrules.policy.ReloadResult;

/**
 * {@link CarrierRules#reload()} of a copy of the bundled policy directory, warm. {@code reload}: after a
 * staff edit (a comment line added to or taken from a rule file, in turn), read every file, parse and check
 * the rules, compile what changed (here nothing: the generated Drools rules are the same, and compiled
 * stages are kept by their text), run the policy's own scenario tests, swap. {@code reloadUnchanged}: the
 * same call with nothing edited, which only compares the files. The target is 300 ms.
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

    private boolean edited;

    @Benchmark
    public ReloadResult reload() throws IOException {
        Path file = directory.resolve("rules/materials/paper-copy.dslr");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String edit = "// 基准测试的改动\n";
        Files.writeString(file, edited ? text.replace(edit, "") : text + edit,
                StandardCharsets.UTF_8);
        edited = !edited;
        ReloadResult result = rules.reload();
        if (!result.applied()) {
            throw new IllegalStateException("the edited policy did not reload: " + result);
        }
        return result;
    }

    @Benchmark
    public ReloadResult reloadUnchanged() {
        ReloadResult result = rules.reload();
        if (result.outcome() != ReloadResult.Outcome.UNCHANGED) {
            throw new IllegalStateException("a reload with nothing edited did something: " + result);
        }
        return result;
    }
}

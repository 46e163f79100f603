package org.carrierrules.json;

import java.nio.file.Path;
import java.util.List;

import org.carrierrules.CarrierRules;
import org.carrierrules.assessment.Assessment;

/**
 * Run by {@link LargeInputTest} in a JVM of its own with a small heap: reads a large application file with
 * raised limits, assesses every record, and prints the counts, the times and the heap still in use.
 */
public final class LargeInputMain {
    private LargeInputMain() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        ReadLimits limits = ReadLimits.DEFAULTS.withMaxBytes(Long.parseLong(args[1])).withMaxRecords(Integer.parseInt(args[2]));
        long started = System.nanoTime();
        List<InputRecord> records = ApplicationJson.readAll(file, limits);
        long read = System.nanoTime();
        List<Assessment> results = CarrierRules.bundled().assessAll(records.stream()
                .filter(r -> r instanceof InputRecord.Valid).map(r -> ((InputRecord.Valid) r).application()).toList());
        long assessed = System.nanoTime();
        long valid = records.stream().filter(r -> r instanceof InputRecord.Valid).count();
        // What the records and results hold once garbage is gone; the -Xmx of the JVM bounds the peak.
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        long retained = runtime.totalMemory() - runtime.freeMemory();
        System.out.println("records=" + records.size() + " valid=" + valid + " results=" + results.size()
                + " readMillis=" + (read - started) / 1_000_000 + " assessMillis=" + (assessed - read) / 1_000_000
                + " retainedMB=" + retained / (1024 * 1024));
    }
}

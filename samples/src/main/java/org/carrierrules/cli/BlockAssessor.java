package org.carrierrules.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;

import org.carrierrules.CarrierRules;
import org.carrierrules.application.Application;
import org.carrierrules.assessment.Assessment;
import org.carrierrules.json.InputRecord;

/**
 * Assesses a batch for {@code assess} a block of records at a time, each block on all cores, on threads of the
 * command's own (a library call runs on the caller's thread; the common fork-join pool is the host's). Each
 * record goes on with its assessment in input order, so that a batch of 100,000 applications never holds all its
 * entries at once, and both cores of a two-core machine run the rules (docs/performance.md).
 */
final class BlockAssessor implements AutoCloseable {
    /** Enough records that the cores share the work evenly, few enough that a block's entries are small. */
    private static final int BLOCK = 4_096;
    /** Slices per thread of a block: a slice of slow applications does not keep the other threads waiting long. */
    private static final int SLICES_PER_THREAD = 4;

    private final CarrierRules rules;
    private final int threads = Runtime.getRuntime().availableProcessors();
    private final ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
        Thread thread = new Thread(task, "carrier-rules-assess");
        thread.setDaemon(true);
        return thread;
    });

    BlockAssessor(CarrierRules rules) {
        this.rules = rules;
    }

    /** Every record in order, with its assessment, or with null when the record is invalid. */
    void assess(List<InputRecord> records, BiConsumer<InputRecord, Assessment> then) {
        for (int from = 0; from < records.size(); from += BLOCK) {
            List<InputRecord> block = records.subList(from, Math.min(records.size(), from + BLOCK));
            List<Application> valid = new ArrayList<>();
            block.forEach(record -> {
                if (record instanceof InputRecord.Valid v) {
                    valid.add(v.application());
                }
            });
            int slice = Math.max(1, -Math.floorDiv(-valid.size(), threads * SLICES_PER_THREAD));
            List<CompletableFuture<List<Assessment>>> slices = new ArrayList<>();
            for (int start = 0; start < valid.size(); start += slice) {
                List<Application> part = valid.subList(start, Math.min(valid.size(), start + slice));
                slices.add(CompletableFuture.supplyAsync(() -> rules.assessAll(part), pool));
            }
            List<Assessment> decided = new ArrayList<>(valid.size());
            slices.forEach(part -> decided.addAll(joined(part)));
            int next = 0;
            for (InputRecord record : block) {
                then.accept(record, record instanceof InputRecord.Valid ? decided.get(next++) : null);
            }
        }
    }

    /** A slice's assessments; what went wrong there is thrown as it was, not wrapped. */
    private static List<Assessment> joined(CompletableFuture<List<Assessment>> slice) {
        try {
            return slice.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}

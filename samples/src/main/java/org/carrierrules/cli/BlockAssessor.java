package org.carrierrules.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import org.carrierrules.CarrierRules;
import org.carrierrules.application.Application;
import org.carrierrules.assessment.Assessment;
import org.carrierrules.json.InputRecord;

/**
 * Assesses a batch for {@code assess} while it is read: the records are taken one by one as the file is read, and
 * each block of them is held to the policy's declared facts and assessed on threads of the command's own (a library
 * call runs on the caller's thread; the common fork-join pool is the host's) while the reading goes on, so that the
 * cores the reader leaves idle run the rules (docs/performance.md). Nothing is given out before the batch is read:
 * a file found broken halfway prints no decision.
 */
final class BlockAssessor implements AutoCloseable {
    /** Enough records that a block is worth a task, few enough that the first ones start while the file is read. */
    private static final int BLOCK = 4_096;

    /** A block's records as held to the policy's declared facts, and the assessment of each valid one, in order. */
    private record Block(List<InputRecord> records, List<Assessment> assessments) {
    }

    private final Supplier<CarrierRules> rules;
    /**
     * One core fewer than the machine has, the reading thread's: one thread assesses a block several times faster
     * than the reader reads one, and a third busy thread on two cores slowed the reading that every run waits for.
     */
    private final ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors() - 1), task -> {
        Thread thread = new Thread(task, "carrier-rules-assess");
        thread.setDaemon(true);
        return thread;
    });
    private final List<CompletableFuture<Block>> blocks = new ArrayList<>();
    private List<InputRecord> filling = new ArrayList<>();

    /** @param rules the policy, asked for by the first block to be assessed (it may still be loading) */
    BlockAssessor(Supplier<CarrierRules> rules) {
        this.rules = rules;
    }

    /** The next record of the batch. */
    void add(InputRecord record) {
        filling.add(record);
        if (filling.size() == BLOCK) {
            submit();
        }
    }

    /**
     * Every record taken, in order, each with its assessment, or with null when the record is invalid.
     *
     * @return the records as decided on: a valid record whose facts the policy does not declare is invalid here
     */
    List<InputRecord> assess(BiConsumer<InputRecord, Assessment> then) {
        if (!filling.isEmpty()) {
            submit();
        }
        List<InputRecord> decided = new ArrayList<>();
        for (CompletableFuture<Block> future : blocks) {
            Block block = joined(future);
            int next = 0;
            for (InputRecord record : block.records()) {
                then.accept(record, record instanceof InputRecord.Valid ? block.assessments().get(next++) : null);
                decided.add(record);
            }
        }
        return decided;
    }

    private void submit() {
        List<InputRecord> block = filling;
        filling = new ArrayList<>();
        blocks.add(CompletableFuture.supplyAsync(() -> decide(block), pool));
    }

    private Block decide(List<InputRecord> block) {
        CarrierRules policy = rules.get();
        // The facts each record carries, held to those the policy declares: a misfit is an error entry in its place.
        List<InputRecord> records = InputRecord.conform(block, policy.factSchema());
        List<Application> valid = new ArrayList<>();
        for (InputRecord record : records) {
            if (record instanceof InputRecord.Valid v) {
                valid.add(v.application());
            }
        }
        return new Block(records, policy.assessAll(valid));
    }

    /** A block's decisions; what went wrong there (the policy not loading, say) is thrown as it was, not wrapped. */
    private static Block joined(CompletableFuture<Block> block) {
        try {
            return block.join();
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

package org.carrierrules.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.quicktheories.QuickTheory.qt;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.carrierrules.CarrierRules;
import org.carrierrules.InvalidInputException;
import org.carrierrules.allocation.Allocation;
import org.carrierrules.allocation.AllocationEntry;
import org.carrierrules.hostile.HostileChecks.Result;
import org.carrierrules.hostile.HostileJson.HostileFile;
import org.carrierrules.json.AllocationInput;
import org.carrierrules.json.AllocationJson;
import org.carrierrules.json.ApplicationJson;
import org.carrierrules.json.CarrierJson;
import org.carrierrules.json.CarrierRecord;
import org.carrierrules.json.InputRecord;
import org.carrierrules.json.JsonFileException;
import org.carrierrules.json.ReadLimitException;
import org.carrierrules.json.ReadLimits;
import org.carrierrules.testing.Figures;
import org.carrierrules.testing.Printed;

/**
 * Hostile input through every JSON-reading entry point of the library (QuickTheories, fixed seed): each case
 * ends in one result per record, each valid or an error naming the corrupted field, or in a file error with
 * line and column; never in an uncaught exception, a hang or a record dropped.
 */
class HostileInputTest {
    static final long SEED = 20240729L;
    /** Cases per property; the figures in docs/reliability.md. */
    static final int EXAMPLES = 500;
    /** Fewer for allocate inputs: each allocation opens a rule session of its own (about 20 ms). */
    static final int ROUND_EXAMPLES = 200;
    /** Generous: a case takes milliseconds, so this catches a hang, not a slow machine. */
    private static final Duration BOUND = Duration.ofSeconds(180);
    private static final CarrierRules RULES = CarrierRules.bundled();
    private static final LocalDate AS_OF = LocalDate.parse("2024-12-31");

    @TempDir
    Path temp;

    /** What the cases came to, for the figures. */
    private static final class Tally {
        final AtomicInteger tried = new AtomicInteger();
        final AtomicInteger readable = new AtomicInteger();
        final AtomicInteger records = new AtomicInteger();
        final AtomicInteger invalid = new AtomicInteger();
        final AtomicInteger limitHit = new AtomicInteger();
        final AtomicInteger notJson = new AtomicInteger();

        void record(String name, int cases) {
            Figures.record(name, "cases", cases, "tried", tried.get(), "readable", readable.get(), "records", records.get(), "invalidRecords", invalid.get(),
                    "limitErrors", limitHit.get(), "otherFileErrors", notJson.get());
        }

        /** For allocate inputs, where a readable case is one round, allocated or refused whole. */
        void recordRounds(String name, int cases) {
            Figures.record(name, "cases", cases, "tried", tried.get(), "readable", readable.get(), "refusedRounds", invalid.get(),
                    "allocatedRounds", readable.get() - invalid.get(), "limitErrors", limitHit.get(), "otherFileErrors", notJson.get());
        }
    }

    @Test
    void applicationFilesEndInOneResultPerRecordOrAFileError() {
        Tally tally = new Tally();
        assertTimeoutPreemptively(BOUND, () -> qt().withFixedSeed(SEED).withExamples(EXAMPLES)
                .forAll(HostileJson.applicationFiles()).checkAssert(file -> {
                    tally.tried.incrementAndGet();
                    List<InputRecord> fromStream = read(file, "stream.json",
                            () -> ApplicationJson.readAll(new ByteArrayInputStream(file.bytes()), "stream.json", file.limits()), tally);
                    List<InputRecord> fromFile = read(file, path(file).toString(), () -> ApplicationJson.readAll(path(file), file.limits()), null);
                    if (fromStream == null) {
                        return;
                    }
                    tally.readable.incrementAndGet();
                    tally.records.addAndGet(fromStream.size());
                    tally.invalid.addAndGet((int) fromStream.stream().filter(r -> r instanceof InputRecord.Invalid).count());
                    assertEquals(fromStream, fromFile);
                    HostileChecks.checkRecords(file, fromStream.stream().map(HostileInputTest::result).toList());
                    JsonNode entries = Printed.assessments(RULES, fromStream);
                    assertEquals(fromStream.size(), entries.size(), file::toString);
                    for (int i = 0; i < entries.size(); i++) {
                        assertEquals(fromStream.get(i) instanceof InputRecord.Valid, entries.get(i).has("acceptance"), file::toString);
                    }
                }));
        tally.record("hostile-applications", EXAMPLES);
    }

    @Test
    void carrierFilesEndInOneResultPerRecordOrAFileError() {
        Tally tally = new Tally();
        assertTimeoutPreemptively(BOUND, () -> qt().withFixedSeed(SEED).withExamples(EXAMPLES)
                .forAll(HostileJson.carrierFiles()).checkAssert(file -> {
                    tally.tried.incrementAndGet();
                    List<CarrierRecord> fromStream = read(file, "stream.json",
                            () -> CarrierJson.readAll(new ByteArrayInputStream(file.bytes()), "stream.json", file.limits()), tally);
                    List<CarrierRecord> fromFile = read(file, path(file).toString(), () -> CarrierJson.readAll(path(file), file.limits()), null);
                    if (fromStream == null) {
                        return;
                    }
                    tally.readable.incrementAndGet();
                    tally.records.addAndGet(fromStream.size());
                    tally.invalid.addAndGet((int) fromStream.stream().filter(r -> r instanceof CarrierRecord.Invalid).count());
                    assertEquals(fromStream, fromFile);
                    HostileChecks.checkRecords(file, fromStream.stream().map(HostileInputTest::result).toList());
                    JsonNode entries = Printed.reviews(RULES, fromStream, AS_OF);
                    assertEquals(fromStream.size(), entries.size(), file::toString);
                    for (int i = 0; i < entries.size(); i++) {
                        assertEquals(fromStream.get(i) instanceof CarrierRecord.Valid, entries.get(i).has("outcome"), file::toString);
                    }
                }));
        tally.record("hostile-carriers", EXAMPLES);
    }

    @Test
    void allocateInputsEndInAnAllocationOrEveryErrorNamed() {
        Tally tally = new Tally();
        assertTimeoutPreemptively(BOUND, () -> qt().withFixedSeed(SEED).withExamples(ROUND_EXAMPLES)
                .forAll(HostileJson.allocationFiles()).checkAssert(file -> {
                    tally.tried.incrementAndGet();
                    AllocationInput input = read(file, path(file).toString(), () -> AllocationJson.read(path(file), file.limits()), tally);
                    if (input == null) {
                        return;
                    }
                    tally.readable.incrementAndGet();
                    if (file.limits().equals(ReadLimits.DEFAULTS)) {
                        assertEquals(AllocationJson.read(file.tree()), input, "streamed as read whole");
                    }
                    List<String> fields = new ArrayList<>();
                    if (input instanceof AllocationInput.Invalid invalid) {
                        invalid.errors().forEach(e -> fields.add(e.field()));
                    } else {
                        AllocationInput.Valid valid = (AllocationInput.Valid) input;
                        try {
                            Allocation allocation = valid.noticeStart() == null ? RULES.allocate(valid.submission())
                                    : RULES.allocate(valid.submission(), valid.noticeStart());
                            assertEquals(valid.submission().applications().stream().map(a -> a.id()).toList(),
                                    allocation.entries().stream().map(AllocationEntry::applicationId).toList(), file::toString);
                            JsonNode written = Printed.entries(allocation);
                            assertEquals(allocation.entries().size(), written.size());
                        } catch (InvalidInputException e) {
                            fields.add(e.field());
                        }
                    }
                    HostileChecks.checkRound(file, !fields.isEmpty(), fields);
                    tally.invalid.addAndGet(fields.isEmpty() ? 0 : 1);
                }));
        tally.recordRounds("hostile-allocate", ROUND_EXAMPLES);
    }

    /** The records, or null once a file error has been checked to be the right one (and counted, with a tally). */
    private static <T> T read(HostileFile file, String source, Supplier<T> reading, Tally tally) {
        try {
            T value = reading.get();
            if (!file.readable()) {
                throw new AssertionError("read although it should not be: " + file);
            }
            return value;
        } catch (JsonFileException e) {
            HostileChecks.checkFileError(file, source, e);
            if (tally != null) {
                (e instanceof ReadLimitException ? tally.limitHit : tally.notJson).incrementAndGet();
            }
            return null;
        } catch (RuntimeException e) {
            throw HostileChecks.unexpected(file, e);
        }
    }

    private Path path(HostileFile file) {
        Path path = temp.resolve("case.json");
        try {
            if (!Files.exists(path) || !java.util.Arrays.equals(Files.readAllBytes(path), file.bytes())) {
                Files.write(path, file.bytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return path;
    }

    private static Result result(InputRecord record) {
        if (record instanceof InputRecord.Invalid invalid) {
            return new Result(false, invalid.applicationId(), invalid.error().field(), invalid.error().message());
        }
        return new Result(true, record.applicationId(), null, null);
    }

    private static Result result(CarrierRecord record) {
        if (record instanceof CarrierRecord.Invalid invalid) {
            return new Result(false, invalid.carrierId(), invalid.error().field(), invalid.error().message());
        }
        return new Result(true, record.carrierId(), null, null);
    }
}

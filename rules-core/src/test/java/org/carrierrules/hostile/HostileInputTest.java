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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import org.carrierrules.Allocation;
import org.carrierrules.AllocationEntry;
import org.carrierrules.CarrierRules;
import org.carrierrules.InvalidInputException;
import org.carrierrules.hostile.HostileChecks.Result;
import org.carrierrules.hostile.HostileJson.HostileFile;
import org.carrierrules.json.AllocationInput;
import org.carrierrules.json.AllocationJson;
import org.carrierrules.json.ApplicationJson;
import org.carrierrules.json.AssessmentJson;
import org.carrierrules.json.CarrierJson;
import org.carrierrules.json.CarrierRecord;
import org.carrierrules.json.InputRecord;
import org.carrierrules.json.JsonFileException;
import org.carrierrules.json.ReadLimits;
import org.carrierrules.json.ReviewJson;
import org.carrierrules.testing.Figures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void applicationFilesEndInOneResultPerRecordOrAFileError() {
        AtomicInteger readable = new AtomicInteger();
        assertTimeoutPreemptively(BOUND, () -> qt().withFixedSeed(SEED).withExamples(EXAMPLES)
                .forAll(HostileJson.applicationFiles()).checkAssert(file -> {
                    List<InputRecord> fromStream = read(file, "stream.json",
                            () -> ApplicationJson.readAll(new ByteArrayInputStream(file.bytes()), "stream.json", file.limits()));
                    List<InputRecord> fromFile = read(file, path(file).toString(), () -> ApplicationJson.readAll(path(file), file.limits()));
                    if (fromStream == null) {
                        return;
                    }
                    readable.incrementAndGet();
                    assertEquals(fromStream.size(), fromFile.size());
                    HostileChecks.checkRecords(file, fromStream.stream().map(HostileInputTest::result).toList());
                    ArrayNode entries = AssessmentJson.assessAll(RULES, fromStream);
                    assertEquals(fromStream.size(), entries.size(), file::toString);
                    for (int i = 0; i < entries.size(); i++) {
                        assertEquals(fromStream.get(i) instanceof InputRecord.Valid, entries.get(i).has("acceptance"), file::toString);
                    }
                }));
        Figures.record("hostile-applications", "cases", EXAMPLES, "readable", readable.get());
    }

    @Test
    void carrierFilesEndInOneResultPerRecordOrAFileError() {
        AtomicInteger readable = new AtomicInteger();
        assertTimeoutPreemptively(BOUND, () -> qt().withFixedSeed(SEED).withExamples(EXAMPLES)
                .forAll(HostileJson.carrierFiles()).checkAssert(file -> {
                    List<CarrierRecord> fromStream = read(file, "stream.json",
                            () -> CarrierJson.readAll(new ByteArrayInputStream(file.bytes()), "stream.json", file.limits()));
                    List<CarrierRecord> fromFile = read(file, path(file).toString(), () -> CarrierJson.readAll(path(file), file.limits()));
                    if (fromStream == null) {
                        return;
                    }
                    readable.incrementAndGet();
                    assertEquals(fromStream.size(), fromFile.size());
                    HostileChecks.checkRecords(file, fromStream.stream().map(HostileInputTest::result).toList());
                    ArrayNode entries = ReviewJson.reviewAll(RULES, fromStream, AS_OF);
                    assertEquals(fromStream.size(), entries.size(), file::toString);
                    for (int i = 0; i < entries.size(); i++) {
                        assertEquals(fromStream.get(i) instanceof CarrierRecord.Valid, entries.get(i).has("outcome"), file::toString);
                    }
                }));
        Figures.record("hostile-carriers", "cases", EXAMPLES, "readable", readable.get());
    }

    @Test
    void allocateInputsEndInAnAllocationOrEveryErrorNamed() {
        AtomicInteger readable = new AtomicInteger();
        assertTimeoutPreemptively(BOUND, () -> qt().withFixedSeed(SEED).withExamples(ROUND_EXAMPLES)
                .forAll(HostileJson.allocationFiles()).checkAssert(file -> {
                    AllocationInput input = read(file, path(file).toString(), () -> AllocationJson.read(path(file), file.limits()));
                    if (input == null) {
                        return;
                    }
                    readable.incrementAndGet();
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
                            JsonNode written = AllocationJson.write(allocation);
                            assertEquals(allocation.entries().size(), written.size());
                        } catch (InvalidInputException e) {
                            fields.add(e.field());
                        }
                    }
                    HostileChecks.checkRound(file, !fields.isEmpty(), fields);
                }));
        Figures.record("hostile-allocate", "cases", ROUND_EXAMPLES, "readable", readable.get());
    }

    /** The records, or null once a file error has been checked to be the right one. */
    private static <T> T read(HostileFile file, String source, java.util.function.Supplier<T> reading) {
        try {
            T value = reading.get();
            if (!file.readable()) {
                throw new AssertionError("read although it should not be: " + file);
            }
            return value;
        } catch (JsonFileException e) {
            HostileChecks.checkFileError(file, source, e);
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

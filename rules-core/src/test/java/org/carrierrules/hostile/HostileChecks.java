package org.carrierrules.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.carrierrules.hostile.HostileJson.Expect;
import org.carrierrules.hostile.HostileJson.Expected;
import org.carrierrules.hostile.HostileJson.HostileFile;
import org.carrierrules.json.JsonFileException;
import org.carrierrules.json.ReadLimitException;

/** What reading a {@link HostileFile} must come to, checked the same way whether read by the library or the command line. */
public final class HostileChecks {
    /** One record as read: valid, or invalid naming a field. */
    public record Result(boolean valid, String id, String field, String message) {
    }

    private HostileChecks() {
    }

    /** A readable file: one result per record, each valid or naming the field the corruption was at. */
    public static void checkRecords(HostileFile file, List<Result> results) {
        assertTrue(file.readable(), () -> "read although it should not be: " + file);
        assertEquals(file.records().size(), results.size(), () -> "records in ≠ results out: " + file);
        Set<String> validIds = new HashSet<>();
        for (int i = 0; i < results.size(); i++) {
            Result result = results.get(i);
            Expected expected = file.records().get(i);
            String where = "record " + (i + 1) + " (" + expected.corruption() + ") came to " + result + " in " + file;
            if (result.valid()) {
                assertNotEquals(Expect.INVALID, expected.expect(), where);
                assertTrue(validIds.add(result.id()), () -> "a repeated id read as valid: " + where);
                continue;
            }
            assertFalse(result.field() == null || result.field().isBlank(), where);
            assertFalse(result.message() == null || result.message().isBlank(), where);
            boolean repeated = result.field().equals("id") || result.field().equals("carrierId");
            if (repeated && result.message().contains("重复") && validIds.contains(result.id())) {
                assertNotEquals(Expect.INVALID, expected.expect(), where);
            } else {
                assertNotEquals(Expect.VALID, expected.expect(), where);
                assertTrue(under(result.field(), expected.path()), () -> "field " + result.field() + " is not at " + expected.path() + ": " + where);
            }
        }
    }

    /** A file that could not be read: it had to be so, with line, column and a Chinese reason. */
    public static void checkFileError(HostileFile file, String source, JsonFileException e) {
        assertFalse(file.readable(), () -> "refused although readable: " + e.getMessage() + " | " + file);
        assertTrue(e.line() >= 1 && e.column() >= 1, () -> e.getMessage() + " | " + file);
        assertTrue(e.getMessage().startsWith(source + " 第" + e.line() + "行第" + e.column() + "列："), e::getMessage);
        assertTrue(e.getMessage().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), e::getMessage);
        if (!file.malformed()) {
            ReadLimitException limit = assertInstanceOf(ReadLimitException.class, e, () -> e.getMessage() + " | " + file);
            assertTrue(file.limitsHit().contains(limit.limit()), () -> limit.limit() + " not among " + file.limitsHit() + ": " + file);
            assertTrue(e.getMessage().contains(limit.limit().property()), e::getMessage);
        } else if (file.badLine() > 0 && !(e instanceof ReadLimitException)) {
            assertEquals(file.badLine(), e.line(), () -> e.getMessage() + " | " + file);
        }
    }

    /**
     * An allocate input read as a whole: refused when a corruption makes it unusable, allocated when none does;
     * every error names a field under one of the contract's top-level keys or the input's own.
     */
    public static void checkRound(HostileFile file, boolean refused, List<String> errorFields) {
        Set<String> topLevelKeys = new HashSet<>(List.of("round", "applications", "reviews", "objections", "noticeStart"));
        file.tree().fieldNames().forEachRemaining(topLevelKeys::add);
        assertTrue(file.readable(), () -> "read although it should not be: " + file);
        if (file.whole() == Expect.INVALID) {
            assertTrue(refused, () -> "a corrupted round was allocated: " + file);
        } else if (file.whole() == Expect.VALID) {
            assertFalse(refused, () -> "a valid round was refused: " + errorFields + " | " + file);
        }
        for (String field : errorFields) {
            assertTrue(field != null && (field.equals("$") || topLevelKeys.stream().anyMatch(top -> under(field, top))),
                    () -> "error field " + field + " names no part of the input: " + file);
        }
    }

    /** Whether {@code field} is {@code path} or lies under it ({@code a.b} and {@code a[1]} under {@code a}, not {@code ab}). */
    static boolean under(String field, String path) {
        if (path.isEmpty()) {
            return true;
        }
        if (path.equals("$")) {
            return field.equals("$");
        }
        if (!field.startsWith(path)) {
            return false;
        }
        return field.length() == path.length() || field.charAt(path.length()) == '.' || field.charAt(path.length()) == '[';
    }

    /** A failure for an exception that should never reach the caller. */
    public static AssertionError unexpected(HostileFile file, Throwable e) {
        return new AssertionError("uncaught " + e + " for " + file, e);
    }
}

package org.carrierrules.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.carrierrules.testing.ForkedJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command prints UTF-8 whatever the platform's encoding, on a Chinese Windows (GBK) as well: the office's
 * JSON goes on to other systems, and README.txt of the distribution tells staff how to read UTF-8 on a GBK
 * console rather than the command guessing the console's code page.
 */
class ConsoleEncodingTest {
    /** A Chinese Windows console: GBK for files and for both standard streams (stdout.encoding from JDK 19 on). */
    private static final List<String> GBK_PLATFORM = List.of("-Dfile.encoding=GBK", "-Dstdout.encoding=GBK", "-Dstderr.encoding=GBK",
            "-Dsun.stdout.encoding=GBK", "-Dsun.stderr.encoding=GBK");

    @TempDir
    Path temp;

    @Test
    void chineseTextOnStdoutIsUtf8OnAGbkPlatform() throws Exception {
        assertTrue(Charset.isSupported("GBK"), "this JDK has no GBK: the test would not show anything");
        String[] command = {"assess", "--format", "text", "data/luohu-2024/applications.json"};
        Path stdout = temp.resolve("stdout.txt");

        ForkedJvm.Ended forked = ForkedJvm.run(GBK_PLATFORM, CarrierRulesCommand.class.getName(), List.of(command), stdout,
                temp.resolve("stderr.txt"), 120);

        assertEquals(0, forked.exitCode(), forked::err);
        byte[] printed = Files.readAllBytes(stdout);
        String text = strictUtf8(printed);
        assertTrue(text.contains("补正材料通知"), text);
        assertArrayEquals(Run.of(command).out().getBytes(StandardCharsets.UTF_8), printed);
    }

    @Test
    void chineseMessagesOnStderrAreUtf8OnAGbkPlatform() throws Exception {
        String[] command = {"assess", "data/luohu-2024/no-such-file.json"};
        Path stderr = temp.resolve("stderr.txt");

        ForkedJvm.Ended forked = ForkedJvm.run(GBK_PLATFORM, CarrierRulesCommand.class.getName(), List.of(command), null, stderr, 120);

        Run here = Run.of(command);
        assertEquals(here.exitCode(), forked.exitCode(), forked::err);
        byte[] printed = Files.readAllBytes(stderr);
        assertTrue(strictUtf8(printed).codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                forked::err);
        assertArrayEquals(here.err().getBytes(StandardCharsets.UTF_8), printed);
    }

    /** The bytes as UTF-8, refused if any is not: GBK's bytes for Chinese are not valid UTF-8. */
    private static String strictUtf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }
}

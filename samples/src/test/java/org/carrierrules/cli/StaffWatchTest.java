package org.carrierrules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/**
 * {@code check DIR --watch} and {@code test DIR --watch}: after each save only what changed is printed, a broken save
 * does not end the watch, and the watch ends cleanly when asked to.
 */
class StaffWatchTest {
    private static final String ELIGIBILITY = "rules/eligibility/eligibility.dslr";
    private static final String SENTENCE = "申请单位未依法设立\nthen";
    private static final String MISSPELT = "申请单位未依法设力\nthen";

    @TempDir
    Path temp;

    @Test
    void checkWatchListsTheNewProblemOfASaveAndThenThatItWasPutRight() throws Exception {
        Path policy = copy();
        Watching watching = Watching.start("check", policy.toString(), "--watch");
        watching.awaitOutput("正在监视");
        assertTrue(watching.out().startsWith("检查通过：" + policy), watching.out());

        edit(policy, SENTENCE, MISSPELT);
        String broken = watching.awaitOutput("检查未通过");
        assertTrue(broken.contains("  新问题  " + ELIGIBILITY + " 第"), broken);
        assertTrue(broken.contains("“申请单位未依法设力”"), broken);

        edit(policy, MISSPELT, SENTENCE);
        String fixed = watching.awaitOutput("检查通过");
        assertTrue(fixed.contains("  已改正  " + ELIGIBILITY + " 第"), fixed);
        assertFalse(fixed.contains("新问题"), fixed);

        assertEquals(0, watching.stop());
        assertTrue(watching.out().endsWith("已结束监视。\n"), watching.out());
    }

    @Test
    void testWatchListsOnlyTheScenariosWhoseOutcomeChanged() throws Exception {
        Path policy = copy();
        Watching watching = Watching.start("test", policy.toString(), "--watch");
        watching.awaitOutput("正在监视");

        // The rule taken out: the scenarios that expect its finding now fail, and only they are listed.
        Path file = policy.resolve(ELIGIBILITY);
        String original = Files.readString(file, StandardCharsets.UTF_8);
        int rule = original.indexOf("rule \"申请单位未依法设立\"");
        Files.writeString(file, original.substring(0, rule) + original.substring(original.indexOf("end\n", rule) + 4), StandardCharsets.UTF_8);
        String failing = watching.awaitOutput("场景 ");
        assertTrue(failing.contains("新失败  scenarios/"), failing);
        assertFalse(failing.contains("通过  scenarios/"), failing);

        Files.writeString(file, original, StandardCharsets.UTF_8);
        String passing = watching.awaitOutput("场景 ");
        assertTrue(passing.contains("已通过  scenarios/"), passing);
        assertFalse(passing.contains("失败  scenarios/"), passing);
        assertTrue(passing.contains("失败 0 个"), passing);

        assertEquals(0, watching.stop());
    }

    @Test
    void testWatchNeedsADirectory() {
        Run run = Run.of("test", "--watch");
        assertEquals(CarrierRulesCommand.UNREADABLE, run.exitCode());
        assertTrue(run.err().contains("--watch 需要给出政策目录"), run.err());
    }

    private Path copy() {
        Path policy = temp.resolve("policy");
        assertEquals(0, Run.of("init", policy.toString()).exitCode());
        return policy;
    }

    private static void edit(Path policy, String from, String to) throws IOException {
        Path file = policy.resolve(ELIGIBILITY);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.contains(from), from);
        Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)),
                StandardCharsets.UTF_8);
    }

    /** A watching command on a thread of its own, what it printed, and a way to stop it as Ctrl-C would. */
    private static final class Watching {
        private final StringWriter out = new StringWriter();
        private final Thread thread;
        private final AtomicInteger exitCode = new AtomicInteger(-1);
        private int seen;

        private Watching(String... args) {
            CommandLine cli = CarrierRulesCommand.commandLine();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(new StringWriter(), true));
            thread = new Thread(() -> exitCode.set(cli.execute(args)), "watching");
        }

        static Watching start(String... args) {
            Watching watching = new Watching(args);
            watching.thread.start();
            return watching;
        }

        String out() {
            return out.toString();
        }

        /** Waits until what was printed since the last wait contains {@code text} followed by a run's end, and returns it. */
        String awaitOutput(String text) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                String since = out.toString().substring(seen);
                int at = since.indexOf(text);
                int end = at < 0 ? -1 : Math.max(since.indexOf("毫秒）\n", at), since.indexOf("按 Ctrl-C 结束。\n", at));
                if (end >= 0) {
                    seen += end + 1;
                    return since.substring(0, end + 1);
                }
                Thread.sleep(20);
            }
            throw new AssertionError("not printed within 60 s: " + text + "\n" + out);
        }

        int stop() throws InterruptedException {
            thread.interrupt();
            thread.join(TimeUnit.SECONDS.toMillis(30));
            return exitCode.get();
        }
    }
}

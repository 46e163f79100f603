package org.carrierrules.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.carrierrules.CarrierRules;
import org.carrierrules.PolicyWatch;
import org.carrierrules.policy.PolicyProblem;

/**
 * The staff's loop, {@code check DIR --watch} and {@code test DIR --watch}: one JVM that runs the command again each
 * time a file of the directory is saved, and prints only what changed since the run before. The rules of a stage whose
 * files did not change are not compiled again (the library keeps compiled stages by the text they were compiled from),
 * so a run after a save takes about a tenth of a second (docs/performance.md, "The staff loop"). Ctrl-C ends it.
 */
final class StaffWatch {
    /** How often the directory is looked at: a save is acted on within this, plus the run itself. */
    static final Duration LOOK = Duration.ofMillis(100);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final String INDENT = "  ";

    private StaffWatch() {
    }

    /**
     * Calls {@code again} after every change to {@code directory}, one at a time, until the JVM is stopped (Ctrl-C)
     * or this thread is interrupted; each run's output is flushed at once, under a header with the time and how long the
     * run took. The directory must exist.
     *
     * @return 0: the watch itself ends only when asked to
     */
    static int watch(Path directory, PrintWriter out, Runnable again) {
        if (!Files.isDirectory(directory)) {
            throw new CommandFailure(CarrierRulesCommand.UNREADABLE, "--watch：" + directory + " 不是一个目录，请给出政策目录（含 round.yaml）的路径");
        }
        ReentrantLock printing = new ReentrantLock();
        // Watching starts (the directory's state is taken) before the line that says so: a save made as soon as it is
        // read is then a change, never the state the watch starts from.
        printing.lock();
        PolicyWatch watch = CarrierRules.watchDirectory(directory, LOOK, () -> {
            printing.lock();
            try {
                long started = System.nanoTime();
                out.println();
                out.println("—— " + LocalTime.now().format(CLOCK) + " 文件有改动，重新运行");
                again.run();
                out.println("（用时 " + (System.nanoTime() - started) / 1_000_000 + " 毫秒）");
                out.flush();
            } finally {
                printing.unlock();
            }
        });
        try {
            out.println();
            out.println("正在监视 " + directory + "：文件保存后自动重新运行，只列出有变化之处；按 Ctrl-C 结束。");
            out.flush();
        } finally {
            printing.unlock();
        }
        // Ctrl-C: the JVM runs this on its way out; a run under way may finish its lines first, for a moment.
        Thread stop = new Thread(() -> {
            watch.close();
            try {
                if (printing.tryLock(2, TimeUnit.SECONDS)) {
                    ended(out);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "carrier-rules stop watching");
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            // Asked to stop by the program that runs the command (a test), rather than by Ctrl-C.
            Thread.currentThread().interrupt();
        }
        Runtime.getRuntime().removeShutdownHook(stop);
        watch.close();
        printing.lock();
        try {
            ended(out);
        } finally {
            printing.unlock();
        }
        return 0;
    }

    private static void ended(PrintWriter out) {
        out.println();
        out.println("已结束监视。");
        out.flush();
    }

    /**
     * Which problems are new since the run before and which were put right. A problem is the same problem when its
     * file and message are: one that only moved because lines were added above it is neither. Prints nothing when
     * both lists hold the same problems.
     *
     * @return whether anything was printed
     */
    static boolean printProblemChanges(PrintWriter out, List<PolicyProblem> before, List<PolicyProblem> now) {
        Map<String, Integer> left = counts(before);
        boolean printed = false;
        for (PolicyProblem problem : now) {
            if (left.merge(key(problem), -1, Integer::sum) < 0) {
                out.println(INDENT + "新问题  " + problem);
                printed = true;
            }
        }
        Map<String, Integer> remaining = counts(now);
        for (PolicyProblem problem : before) {
            if (remaining.merge(key(problem), -1, Integer::sum) < 0) {
                out.println(INDENT + "已改正  " + problem);
                printed = true;
            }
        }
        return printed;
    }

    private static Map<String, Integer> counts(List<PolicyProblem> problems) {
        Map<String, Integer> counts = new HashMap<>();
        problems.forEach(problem -> counts.merge(key(problem), 1, Integer::sum));
        return counts;
    }

    private static String key(PolicyProblem problem) {
        return problem.file() + "\u0000" + problem.message();
    }
}

package org.carrierrules;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.carrierrules.allocation.Allocation;
import org.carrierrules.allocation.AllocationSettings;
import org.carrierrules.allocation.RoundSubmission;
import org.carrierrules.application.Application;
import org.carrierrules.application.FactSchema;
import org.carrierrules.assessment.Assessment;
import org.carrierrules.documents.Documents;
import org.carrierrules.internal.LoadedPolicy;
import org.carrierrules.internal.PolicyLoader;
import org.carrierrules.internal.policy.DirectoryStamp;
import org.carrierrules.notice.CalendarYearMissingException;
import org.carrierrules.notice.NoticePeriod;
import org.carrierrules.policy.PolicyException;
import org.carrierrules.policy.PolicyProblem;
import org.carrierrules.policy.ReloadResult;
import org.carrierrules.policy.RoundInfo;
import org.carrierrules.policy.RuleInfo;
import org.carrierrules.policy.ScenarioReport;
import org.carrierrules.supervision.Carrier;
import org.carrierrules.supervision.SupervisionDecision;
import org.carrierrules.supervision.SupervisionInfo;

/**
 * The library's one entry point: a round's policy, compiled once, that decides on applications.
 *
 * <pre>{@code
 * CarrierRules rules = CarrierRules.bundled();            // 罗湖区 2024 round
 * Assessment result = rules.assess(application);
 * result.acceptance();                                    // ACCEPTED, SUPPLEMENT_REQUIRED or NOT_ACCEPTED
 * }</pre>
 *
 * Instances are thread-safe: share one across the host application. An instance loaded from a
 * directory can {@link #reload()} it; the new policy replaces the old one atomically, and only when
 * it loads cleanly and passes its own scenario tests. Every call works on one policy from start to
 * end, and every decision carries that policy's fingerprint, so no decision ever mixes two versions.
 */
public final class CarrierRules {
    /** The round shipped with the library. */
    public static final String BUNDLED_ROUND = "luohu-2024";

    private static final Logger LOG = LoggerFactory.getLogger(CarrierRules.class);

    private final Path directory;
    private final AtomicReference<LoadedPolicy> policy;
    private final Object reloading = new Object();

    private CarrierRules(Path directory, LoadedPolicy policy) {
        this.directory = directory;
        this.policy = new AtomicReference<>(policy);
    }

    /**
     * The bundled 罗湖区 2024 round. Its material list and rubric are illustrative stand-ins for the
     * notice's attachments, which were not published with it ({@link RoundInfo#materialsIllustrative()}).
     */
    public static CarrierRules bundled() {
        return Bundled.INSTANCE;
    }

    /**
     * A round from a policy directory ({@code round.yaml}, {@code materials.yaml}, {@code rules/},
     * {@code scenarios/}, …), such as an edited copy of the bundled one, put in service only when it loads
     * cleanly and its own scenario tests pass: the same gate as {@link #reload()}, so that a restart never
     * serves a policy a reload would have refused.
     *
     * @throws PolicyException listing, with file and line, everything wrong with the directory, or every
     *                         scenario that failed ({@link PolicyException#failedScenarios()})
     */
    public static CarrierRules fromDirectory(Path directory) {
        Objects.requireNonNull(directory, "directory");
        LoadedPolicy loaded = PolicyLoader.fromDirectory(directory);
        ScenarioReport scenarios = loaded.runScenarios();
        if (!scenarios.passed()) {
            throw PolicyException.scenariosFailed(directory.toString(), scenarios);
        }
        return new CarrierRules(directory, loaded);
    }

    /**
     * A round from a policy directory that loads cleanly, without running its scenario tests: for tools that
     * test, compare or replay a policy (the staff's {@code test}, a what-if run, replaying a decision record
     * under an edited policy), never for a host that serves decisions, which uses {@link #fromDirectory}.
     * {@link #reload()} still applies the scenario gate.
     *
     * @throws PolicyException listing, with file and line, everything wrong with the directory
     */
    public static CarrierRules fromDirectoryUntested(Path directory) {
        Objects.requireNonNull(directory, "directory");
        return new CarrierRules(directory, PolicyLoader.fromDirectory(directory));
    }

    /**
     * Everything wrong with a policy directory, in plain Chinese with file and line; empty when it
     * would load. Does not run the scenario tests (see {@link #runScenarios()}).
     */
    public static List<PolicyProblem> check(Path directory) {
        try {
            PolicyLoader.fromDirectory(Objects.requireNonNull(directory, "directory"));
            return List.of();
        } catch (PolicyException e) {
            return e.problems();
        }
    }

    /**
     * Writes a copy of the bundled policy directory into {@code target} (a new or empty directory),
     * for policy staff to edit and load with {@link #fromDirectory(Path)}.
     */
    public static void copyBundledPolicy(Path target) {
        PolicyLoader.copyBundled(BUNDLED_ROUND, Objects.requireNonNull(target, "target"));
    }

    /** Decides whether the application is accepted (受理), to be supplemented (补正) or not accepted. */
    public Assessment assess(Application application) {
        return policy.get().assess(Objects.requireNonNull(application, "application"));
    }

    /**
     * One assessment per application, in the same order, all by one policy.
     *
     * @throws InvalidInputException naming the application's place and the fact ({@code [2].facts.annualTrainees}), when
     *                               one carries facts its policy does not declare so; a host that must decide the others
     *                               holds each to {@link #factSchema()} first
     */
    public List<Assessment> assessAll(List<Application> applications) {
        LoadedPolicy current = policy.get();
        List<Assessment> results = new ArrayList<>(applications.size());
        for (int i = 0; i < applications.size(); i++) {
            try {
                results.add(current.assess(Objects.requireNonNull(applications.get(i), "application")));
            } catch (InvalidInputException e) {
                throw e.under("[" + i + "]");
            }
        }
        return List.copyOf(results);
    }

    /**
     * The facts the policy declares ({@code facts.yaml}; contract: "Facts a policy declares"), which an application's
     * {@link org.carrierrules.application.FactValues} must fit; {@link FactSchema#NONE} for a policy that declares none.
     * A host reading JSON holds each record to it ({@code InputRecord.conform}) to report a misfit in the record's place.
     */
    public FactSchema factSchema() {
        return policy.get().factSchema();
    }

    /**
     * Decides on a recognised carrier as of {@code asOf} (跟踪管理, 五): REVOKE (取消认定, which under 五 the
     * city bureau decides on the district's report), RECTIFY (通知改正) or KEEP. Only what was found on
     * or before {@code asOf} counts; nothing reads the system clock. A carrier recognised after
     * {@code asOf} has nothing found against it yet and is kept.
     *
     * @throws InvalidInputException when the year of {@code asOf} is not four digits
     */
    public SupervisionDecision supervise(Carrier carrier, LocalDate asOf) {
        return policy.get().supervise(Objects.requireNonNull(carrier, "carrier"), Inputs.fourDigitYear(asOf, "asOf"));
    }

    /**
     * One supervision decision per carrier, all as of the same date, in the same order, all by one policy.
     *
     * @throws InvalidInputException when the year of {@code asOf} is not four digits
     */
    public List<SupervisionDecision> superviseAll(List<Carrier> carriers, LocalDate asOf) {
        LoadedPolicy current = policy.get();
        Inputs.fourDigitYear(asOf, "asOf");
        List<SupervisionDecision> results = new ArrayList<>(carriers.size());
        for (Carrier carrier : carriers) {
            results.add(current.supervise(Objects.requireNonNull(carrier, "carrier"), asOf));
        }
        return List.copyOf(results);
    }

    /** The round's supervision parameters (五), for display. */
    public SupervisionInfo supervision() {
        return policy.get().supervisionInfo();
    }

    /**
     * The round's outcome: who may be ranked (四(三), 四(四)), the candidate list of each carrier type within
     * its quota (三), and what upheld objections change (四(五)); one entry per application, in order. The
     * list is publicly noticed from the first working day after the submission window closed.
     *
     * @throws InvalidInputException        for input that cannot be decided on, naming the application, expert
     *                                      and item: a sheet that does not fit the scoring table of its application's
     *                                      carrier type (an item of another type's table, say), a review or objection
     *                                      of an unknown application, a second review, or another round's input
     * @throws CalendarYearMissingException when the notice period reaches a year the calendar has no data for
     */
    public Allocation allocate(RoundSubmission submission) {
        return policy.get().allocate(Objects.requireNonNull(submission, "submission"), null);
    }

    /** As {@link #allocate(RoundSubmission)}, with the candidate list publicly noticed from {@code noticeStart}. */
    public Allocation allocate(RoundSubmission submission, LocalDate noticeStart) {
        return policy.get().allocate(Objects.requireNonNull(submission, "submission"), Objects.requireNonNull(noticeStart, "noticeStart"));
    }

    /**
     * The round's public notice period (四(五): 公示5个工作日, the number from the round's data) from
     * {@code start}: the start counts as the first day when it is a working day, else counting begins with
     * the next working day.
     *
     * @throws CalendarYearMissingException when the period reaches a year the calendar has no data for
     */
    public NoticePeriod noticePeriod(LocalDate start) {
        LoadedPolicy current = policy.get();
        return current.noticePeriod(Objects.requireNonNull(start, "start"), current.noticeWorkingDays());
    }

    /**
     * A period of {@code days} working days from {@code start}, on the round's calendar.
     *
     * @throws IllegalArgumentException     when {@code days} is less than 1
     * @throws CalendarYearMissingException when the period reaches a year the calendar has no data for
     */
    public NoticePeriod noticePeriod(LocalDate start, int days) {
        return policy.get().noticePeriod(Objects.requireNonNull(start, "start"), days);
    }

    /** The round and fingerprint of the policy serving now. */
    public PolicyRef policy() {
        return policy.get().ref();
    }

    /** The round's parameters, for display. */
    public RoundInfo round() {
        return policy.get().roundInfo();
    }

    /** Every rule of the policy serving now, with its clause and file. */
    public List<RuleInfo> rules() {
        return policy.get().rules();
    }

    /**
     * The paths of the policy directory serving now that are no file of the policy format (notes, backups, a
     * {@code README}), and so were never read; folders are listed once, ending in {@code /}.
     */
    public List<String> ignoredFiles() {
        return policy.get().ignoredFiles();
    }

    /**
     * The Drools rules the policy serving now runs, for engineers to read: the rules the library generated from
     * the staff's rule files (named {@code r0}, {@code r1}, … with a table saying which staff rule each is), then
     * the library's own allocation rules. No text of a staff file appears in it.
     */
    public String generatedRules() {
        return policy.get().generatedRules();
    }

    /** Runs the policy's own scenario tests ({@code scenarios/*.yaml}) and counts each rule's firings. */
    public ScenarioReport runScenarios() {
        return policy.get().runScenarios();
    }

    /**
     * Reads the policy directory again and, when it loads cleanly and its scenario tests pass, puts
     * it in service in one step; otherwise the old policy keeps serving and the result says why. When every
     * file is as before, byte for byte, nothing is compiled or logged above DEBUG and the result is
     * {@link ReloadResult.Outcome#UNCHANGED}.
     *
     * @throws IllegalStateException for the bundled policy, which has no directory to reload
     */
    public ReloadResult reload() {
        if (directory == null) {
            throw new IllegalStateException("内置政策不能重新加载；请用 CarrierRules.fromDirectory(目录) 加载可编辑的政策目录");
        }
        synchronized (reloading) {
            LoadedPolicy current = policy.get();
            PolicyRef serving = current.ref();
            if (current.hasSameFilesAs(directory)) {
                LOG.debug("policy in {} unchanged; {} keeps serving", directory, serving.fingerprint());
                return new ReloadResult(ReloadResult.Outcome.UNCHANGED, serving, List.of(), null);
            }
            LoadedPolicy candidate;
            try {
                candidate = PolicyLoader.fromDirectory(directory);
            } catch (PolicyException e) {
                LOG.warn("policy in {} not reloaded: {} problem(s); {} keeps serving", directory, e.problems().size(),
                        serving.fingerprint());
                return new ReloadResult(ReloadResult.Outcome.REFUSED_BROKEN, serving, e.problems(), null);
            }
            ScenarioReport scenarios = candidate.runScenarios();
            if (!scenarios.passed()) {
                LOG.warn("policy in {} not reloaded: {} scenario(s) failed; {} keeps serving", directory,
                        scenarios.failed().size(), serving.fingerprint());
                return new ReloadResult(ReloadResult.Outcome.REFUSED_SCENARIOS_FAILED, serving, List.of(), scenarios);
            }
            policy.set(candidate);
            LOG.info("policy in {} reloaded: {} replaces {}", directory, candidate.ref().fingerprint(), serving.fingerprint());
            return new ReloadResult(ReloadResult.Outcome.APPLIED, candidate.ref(), List.of(), scenarios);
        }
    }

    /**
     * Watches the policy directory and {@linkplain #reload() reloads} it whenever a file there
     * changes, telling {@code listener} what came of each attempt, whatever its outcome. Looks every
     * {@code interval} on a daemon thread; close the returned handle to stop.
     *
     * @throws IllegalStateException for the bundled policy, which has no directory to watch
     */
    public PolicyWatch watch(Duration interval, Consumer<ReloadResult> listener) {
        if (directory == null) {
            throw new IllegalStateException("内置政策没有目录可以监视；请用 CarrierRules.fromDirectory(目录) 加载可编辑的政策目录");
        }
        Objects.requireNonNull(listener, "listener");
        return watchDirectory(directory, interval, () -> listener.accept(reload()));
    }

    /**
     * Calls {@code onChange} whenever a file of {@code directory} is saved, added or removed, whether or not the
     * directory holds a policy that loads: for the staff's tools that check or test a policy again on every save
     * ({@code check DIR --watch}). Looks every {@code interval} on a daemon thread, one call at a time, comparing
     * every file's path, size and modification time, so that a look reads no file; close the returned handle to stop.
     * An exception of {@code onChange} is logged and the watch goes on.
     *
     * @throws java.io.UncheckedIOException when the directory cannot be read
     */
    public static PolicyWatch watchDirectory(Path directory, Duration interval, Runnable onChange) {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(onChange, "onChange");
        ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "carrier-rules-watch " + directory);
            thread.setDaemon(true);
            return thread;
        });
        AtomicReference<List<String>> seen = new AtomicReference<>(DirectoryStamp.of(directory));
        watcher.scheduleWithFixedDelay(() -> {
            try {
                List<String> now = DirectoryStamp.of(directory);
                if (!now.equals(seen.getAndSet(now))) {
                    onChange.run();
                }
            } catch (RuntimeException e) {
                // A half-written file or a vanished directory must not stop the watch: the next look retries.
                LOG.warn("watching {}: {}", directory, e.toString());
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return () -> watcher.shutdownNow();
    }

    /**
     * The documents a district office sends and prints (补正材料通知, 受理通知, 不予受理告知, 通知改正, 取消认定建议, 公示公告, the
     * round report), in the wording of the policy serving now: its {@code templates/*.mustache}, else the library's
     * defaults. The result keeps that policy's wording after a reload; ask again for the new one.
     */
    public Documents documents() {
        return policy.get().documents();
    }

    /** How the round's outcome is decided (each carrier type's passing score and trimming, notice days, backfill), for display. */
    public AllocationSettings allocationSettings() {
        return policy.get().allocationSettings();
    }

    /** Built on first use, then shared: compiling the rules is the costly part. */
    private static final class Bundled {
        static final CarrierRules INSTANCE = new CarrierRules(null, PolicyLoader.bundled(BUNDLED_ROUND));
    }
}

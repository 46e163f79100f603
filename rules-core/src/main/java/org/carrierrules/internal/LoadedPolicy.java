package org.carrierrules.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Function;

import org.carrierrules.allocation.Allocation;
import org.carrierrules.allocation.AllocationSettings;
import org.carrierrules.application.Application;
import org.carrierrules.assessment.Assessment;
import org.carrierrules.supervision.Carrier;
import org.carrierrules.supervision.SupervisionDecision;
import org.carrierrules.InvalidInputException;
import org.carrierrules.notice.NoticePeriod;
import org.carrierrules.policy.PolicyException;
import org.carrierrules.policy.PolicyProblem;
import org.carrierrules.PolicyRef;
import org.carrierrules.policy.RoundInfo;
import org.carrierrules.allocation.RoundSubmission;
import org.carrierrules.policy.RuleInfo;
import org.carrierrules.policy.ScenarioReport;
import org.carrierrules.supervision.SupervisionInfo;
import org.carrierrules.internal.language.DrlGenerator;
import org.carrierrules.internal.language.Stage;
import com.fasterxml.jackson.databind.JsonNode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.carrierrules.internal.allocation.AllocationEngine;
import org.carrierrules.internal.assessment.AssessmentEngine;
import org.carrierrules.internal.engine.CheckedRules;
import org.carrierrules.internal.engine.CompiledStage;
import org.carrierrules.internal.engine.LibraryRules;
import org.carrierrules.internal.facts.Round;
import org.carrierrules.internal.facts.Rubric;
import org.carrierrules.internal.engine.RuleBaseBuilder;
import org.carrierrules.internal.scenario.ScenarioSuite;
import org.carrierrules.internal.supervision.SupervisionEngine;
import org.carrierrules.internal.facts.SupervisionParameters;
import org.carrierrules.internal.notice.WorkingCalendar;
import org.carrierrules.internal.tree.KeyPath;
import org.carrierrules.internal.policy.Lazy;
import org.carrierrules.internal.policy.MaterialsFile;
import org.carrierrules.internal.policy.PolicyFiles;
import org.carrierrules.internal.policy.RoundChecks;
import org.carrierrules.internal.policy.RoundFile;
import org.carrierrules.internal.scenario.ScenarioSubject;
import org.carrierrules.internal.policy.YamlData;

/**
 * A policy directory, read, checked and compiled: immutable, and safe to share between threads.
 * Either the whole directory loads or a {@link PolicyException} lists everything that is wrong.
 * <p>
 * A directory is compiled whole, the assessment stage on the calling thread while the other stages
 * compile on a second one, so that every error in it is reported when it loads. The bundled policy,
 * whose rules the library's own tests compile and run, compiles its allocation and supervision stages and
 * reads its scenario tests on first use instead: a host or a command that only assesses applications
 * never waits for them (docs/performance.md).
 */
public final class LoadedPolicy implements ScenarioSubject {
    private static final Logger LOG = LoggerFactory.getLogger(LoadedPolicy.class);
    private static final String BUNDLED = "/org/carrierrules/policies/";
    /** Held while a zip file system on the library's jar is open. */
    private static final Object BUNDLED_JAR = new Object();
    private static final String ROUND_FILE = "round.yaml";
    private static final String MATERIALS_FILE = "materials.yaml";
    private final PolicyFiles files;
    private final Stages stages;
    private final PolicyRef ref;
    private final Round round;
    private final WorkingCalendar calendar;
    private final Rubric rubric;
    private final AssessmentEngine assessment;
    private final Lazy<AllocationEngine> allocation;
    private final Lazy<SupervisionEngine> supervisionEngine;
    private final SupervisionInfo supervision;
    private final Lazy<List<RuleInfo>> rules;
    private final Lazy<ScenarioSuite> scenarios;

    private LoadedPolicy(PolicyFiles files, RoundData data, Stages stages, Lazy<ScenarioSuite> scenarios) {
        this.files = files;
        this.stages = stages;
        this.round = new Round(data.round(), data.materials());
        this.ref = new PolicyRef(round.id(), PolicyFingerprint.of(files, stages.generatedDrl()));
        this.calendar = data.calendar();
        this.rubric = data.rubric();
        SupervisionParameters supervisionRules = new SupervisionParameters(data.round().supervision());
        this.supervision = supervisionRules.info();
        this.assessment = new AssessmentEngine(stages.assessment(), round, ref);
        this.allocation = Lazy.of(() -> new AllocationEngine(stages.allocation().get(), round, rubric, assessment, ref));
        this.supervisionEngine = Lazy.of(() -> new SupervisionEngine(stages.supervision().get(), supervisionRules, ref));
        this.rules = Lazy.of(() -> {
            // Stage by stage, in the order of the round; within a stage by file and then name.
            List<RuleInfo> all = new ArrayList<>();
            for (List<RuleInfo> stage : List.of(stages.assessment().info(), LibraryRules.rules(), stages.supervision().get().info())) {
                all.addAll(stage.stream().sorted(Comparator.comparing(RuleInfo::file).thenComparing(RuleInfo::name)).toList());
            }
            return List.copyOf(all);
        });
        this.scenarios = scenarios;
    }

    /**
     * The compiled rules of every stage; policies that differ only in round data share them. {@code generatedDrl}
     * is what the library generated from the staff's rule files, which the fingerprint covers.
     */
    private record Stages(CompiledStage assessment, Lazy<CompiledStage> allocation, Lazy<CompiledStage> supervision,
                          String generatedDrl) {
    }

    /** The round's data files, read and checked. */
    private record RoundData(RoundFile round, MaterialsFile materials, WorkingCalendar calendar, Rubric rubric) {
    }

    /** Loads a policy directory from the file system. */
    public static LoadedPolicy fromDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new PolicyException(directory.toString(),
                    List.of(new PolicyProblem(directory.toString(), 0, "不是一个目录，请给出政策目录（含 round.yaml）的路径")));
        }
        PolicyFiles files = PolicyFiles.read(directory, directory.toString());
        long started = System.nanoTime();
        List<PolicyProblem> problems = new ArrayList<>();
        RoundData data = readRoundData(files, problems);
        CheckedRules checked = CheckedRules.check(files, problems);
        ScenarioSuite scenarios = ScenarioSuite.read(files.scenarios(), problems);
        if (!problems.isEmpty()) {
            // Nothing is compiled from a directory with problems: a refused rule file might mean anything.
            throw new PolicyException(files.source(), problems);
        }
        Stages stages = compileAllStages(checked, problems);
        if (!problems.isEmpty()) {
            throw new PolicyException(files.source(), problems);
        }
        return loaded(new LoadedPolicy(files, data, stages, Lazy.of(() -> scenarios)), started);
    }

    /** Loads a policy shipped inside the library, e.g. {@code luohu-2024}. */
    public static LoadedPolicy bundled(String round) {
        PolicyFiles files = bundledFiles(round);
        long started = System.nanoTime();
        List<PolicyProblem> problems = new ArrayList<>();
        RoundData data = readRoundData(files, problems);
        CheckedRules checked = CheckedRules.check(files, problems);
        CompiledStage assessment = problems.isEmpty()
                ? RuleBaseBuilder.staffStage(Stage.ASSESSMENT, checked.assessment(), problems) : null;
        if (!problems.isEmpty()) {
            throw new PolicyException(files.source(), problems);
        }
        // The library's tests compile these and run every scenario; should a broken library still
        // get here, the first use reports the problems as a PolicyException.
        Stages stages = new Stages(assessment,
                Lazy.of(() -> orThrow(files, RuleBaseBuilder::allocationStage)),
                Lazy.of(() -> orThrow(files, p -> RuleBaseBuilder.staffStage(Stage.SUPERVISION, checked.supervision(), p))),
                generatedDrl(checked));
        Lazy<ScenarioSuite> scenarios = Lazy.of(() -> orThrow(files, p -> ScenarioSuite.read(files.scenarios(), p)));
        return loaded(new LoadedPolicy(files, data, stages, scenarios), started);
    }

    private static LoadedPolicy loaded(LoadedPolicy policy, long started) {
        LOG.info("policy {} loaded from {} in {} ms ({})", policy.round.id(), policy.files.source(),
                (System.nanoTime() - started) / 1_000_000, policy.ref.fingerprint());
        return policy;
    }

    /**
     * Writes the files of a bundled policy into {@code target}, which must not exist yet or be empty:
     * the starting point for a copy that staff edit.
     */
    public static void copyBundled(String round, Path target) {
        try {
            if (Files.exists(target) && (!Files.isDirectory(target) || Files.list(target).findAny().isPresent())) {
                throw new IllegalArgumentException("目标目录 " + target + " 已存在且不是空目录；请指定一个新目录");
            }
            PolicyFiles files = bundledFiles(round);
            for (String path : files.paths()) {
                Path file = target.resolve(path);
                Files.createDirectories(file.getParent());
                Files.write(file, files.bytes(path));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files of a policy shipped inside the library. */
    static PolicyFiles bundledFiles(String round) {
        // One zip file system on the library's jar at a time: a second newFileSystem on the same jar throws
        // while the first is open (bundled() and copyBundled() from two threads).
        synchronized (BUNDLED_JAR) {
            return readBundled(round);
        }
    }

    private static PolicyFiles readBundled(String round) {
        URL marker = LoadedPolicy.class.getResource(BUNDLED + round + "/round.yaml");
        if (marker == null) {
            throw new PolicyException("bundled:" + round,
                    List.of(new PolicyProblem(round, 0, "库中没有名为 " + round + " 的内置政策")));
        }
        try {
            URI uri = marker.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return PolicyFiles.read(jar.provider().getPath(uri).getParent(), "bundled:" + round);
                }
            }
            return PolicyFiles.read(Path.of(uri).getParent(), "bundled:" + round);
        } catch (URISyntaxException | IOException e) {
            throw new UncheckedIOException(new IOException("cannot open the bundled policy " + round, e));
        }
    }

    private static RoundData readRoundData(PolicyFiles files, List<PolicyProblem> problems) {
        YamlData.Located<RoundFile> roundFile = YamlData.located(files, ROUND_FILE, RoundFile.class, problems);
        YamlData.Located<MaterialsFile> materialsFile = YamlData.located(files, MATERIALS_FILE, MaterialsFile.class, problems);
        // Read and checked with the rest, so that a broken holiday file or rubric is refused at load
        // and listed by check DIR, not found out only when a notice period or a score is counted.
        WorkingCalendar calendar = WorkingCalendar.read(files, problems);
        Rubric rubric = Rubric.read(files, problems);
        if (roundFile != null) {
            RoundChecks.check(roundFile.content(), roundFile.problems());
        }
        if (materialsFile != null) {
            RoundChecks.check(materialsFile.content(), materialsFile.problems());
        }
        return new RoundData(roundFile == null ? null : roundFile.content(), materialsFile == null ? null : materialsFile.content(),
                calendar, rubric);
    }

    /**
     * Every stage, the assessment stage on this thread while the allocation and supervision stages compile
     * one after the other on a second: on two cores a directory loads (and reloads) in about the time
     * of its largest stage. Problems come in the order of the stages, whichever finishes first.
     */
    private static Stages compileAllStages(CheckedRules checked, List<PolicyProblem> problems) {
        List<PolicyProblem> laterProblems = new ArrayList<>();
        FutureTask<List<CompiledStage>> later = new FutureTask<>(() -> {
            CompiledStage allocation = RuleBaseBuilder.allocationStage(laterProblems);
            // Arrays.asList: a stage with problems is null.
            return Arrays.asList(allocation, RuleBaseBuilder.staffStage(Stage.SUPERVISION, checked.supervision(), laterProblems));
        });
        // A new thread rather than a shared pool: it inherits the caller's context class loader,
        // through which Drools finds the fact classes when the library runs inside a container.
        Thread compiler = new Thread(later, "carrier-rules compile stages");
        compiler.setDaemon(true);
        compiler.start();
        CompiledStage assessment = RuleBaseBuilder.staffStage(Stage.ASSESSMENT, checked.assessment(), problems);
        List<CompiledStage> others = await(later);
        problems.addAll(laterProblems);
        return new Stages(assessment, Lazy.of(() -> others.get(0)), Lazy.of(() -> others.get(1)), generatedDrl(checked));
    }

    /** The Drools rules generated from the staff's rule files of every stage (the allocation DRL is a policy file). */
    private static String generatedDrl(CheckedRules checked) {
        return DrlGenerator.generate(Stage.ASSESSMENT, checked.assessment())
                + DrlGenerator.generate(Stage.SUPERVISION, checked.supervision());
    }

    private static <T> T await(FutureTask<T> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while compiling the policy", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static <T> T orThrow(PolicyFiles files, Function<List<PolicyProblem>, T> read) {
        List<PolicyProblem> problems = new ArrayList<>();
        T value = read.apply(problems);
        if (!problems.isEmpty()) {
            throw new PolicyException(files.source(), problems);
        }
        return value;
    }

    /**
     * Whether the directory holds exactly the files this policy was read from, scenarios included, byte for
     * byte; false also when it cannot be read now (the reload that follows will say why).
     */
    public boolean hasSameFilesAs(Path directory) {
        try {
            return files.sameAs(PolicyFiles.read(directory, directory.toString()));
        } catch (PolicyException | UncheckedIOException e) {
            return false;
        }
    }

    /** The paths in the policy directory that are no file of the policy format, and so were not read. */
    public List<String> ignoredFiles() {
        return files.ignored();
    }

    @Override
    public PolicyRef ref() {
        return ref;
    }

    public RoundInfo roundInfo() {
        return new RoundInfo(round.id(), round.title(), round.authority(), round.notice(), round.districtName(), round.zone(), round.opens(),
                round.closes(), round.totalQuota(), round.quotas(), round.materialNames(), round.materialsIllustrative());
    }

    @Override
    public Assessment assess(Application application) {
        return assessment.assess(application);
    }

    /**
     * The round's outcome (三, 四(四), 四(五)), its candidate list publicly noticed from {@code noticeStart},
     * or, when that is null, from the first working day after the submission window closed.
     */
    @Override
    public Allocation allocate(RoundSubmission submission, LocalDate noticeStart) {
        if (!submission.round().equals(round.id())) {
            throw new InvalidInputException("round", "输入属于轮次“" + submission.round() + "”，而加载的政策是“" + round.id()
                    + "”：请使用该轮次的政策目录，或核对 round 的值");
        }
        LocalDate start = noticeStart != null ? noticeStart : calendar.workingDaysFrom(round.closes().toLocalDate().plusDays(1), 1).get(0);
        return allocation.get().allocate(submission, noticePeriod(start, round.noticeWorkingDays()), noticeStart != null);
    }

    /** 四(五): {@code days} working days from {@code start} on the policy's calendar. */
    public NoticePeriod noticePeriod(LocalDate start, int days) {
        return calendar.noticePeriod(start, days);
    }

    public AllocationSettings allocationSettings() {
        return new AllocationSettings(rubric.total(), rubric.passingScore(), rubric.minExpertsForTrimming(), rubric.illustrative(),
                round.noticeWorkingDays(), round.backfillsAfterUpheldObjection());
    }

    /** 四(五): the round's number of working days of public notice. */
    public int noticeWorkingDays() {
        return round.noticeWorkingDays();
    }

    /** Every rule of the policy, by file and then name. */
    public List<RuleInfo> rules() {
        return rules.get();
    }

    /**
     * This policy with some values of round.yaml changed ({@code carrierTypes.quotas.SKILL_MASTER_STUDIO: 0}),
     * for scenarios about rounds other than this one.
     *
     * @throws PolicyException when a change makes the round invalid
     */
    @Override
    public LoadedPolicy withRoundChanges(JsonNode changes) {
        List<PolicyProblem> problems = new ArrayList<>();
        JsonNode round = YamlData.tree(ROUND_FILE, files.bytes(ROUND_FILE), problems);
        changes.fields().forEachRemaining(change -> {
            String problem = KeyPath.apply(round, change.getKey(), change.getValue());
            if (problem != null) {
                problems.add(new PolicyProblem(ROUND_FILE, 0, change.getKey() + "：" + problem));
            }
        });
        if (!problems.isEmpty()) {
            throw new PolicyException(files.source(), problems);
        }
        PolicyFiles changed = files.with(ROUND_FILE, YamlData.write(round));
        RoundData data = readRoundData(changed, problems);
        if (!problems.isEmpty()) {
            // The lines would be those of the changed copy, which no one wrote; the scenario that changed it has its own.
            throw new PolicyException(changed.source(), problems.stream().map(p -> new PolicyProblem(p.file(), 0, p.message())).toList());
        }
        // Rules hold no value of the round (they ask the round object), so the compiled stages serve
        // the changed round as they are: a scenario about another round costs no compilation.
        return new LoadedPolicy(changed, data, stages, scenarios);
    }

    /**
     * The Drools rules every stage runs, as compiled: what the library generated from the staff's rule files,
     * then its own allocation rules. Staff text appears nowhere in it; the table after each stage says which
     * staff rule each generated rule is.
     */
    public String generatedRules() {
        StringBuilder text = new StringBuilder();
        for (CompiledStage stage : List.of(stages.assessment(), stages.allocation().get(), stages.supervision().get())) {
            text.append("// ==== ").append(stage.stage().title()).append(" ====\n").append(stage.drl());
            if (!stage.rules().isEmpty()) {
                text.append("\n// ---- 对照表：生成的规则名 → 政策文件中的规则 ----\n");
                for (int i = 0; i < stage.rules().size(); i++) {
                    RuleInfo rule = stage.info().get(i);
                    text.append("// ").append(DrlGenerator.ruleName(i)).append(" = ")
                            .append(rule.file()).append(" 第").append(rule.line()).append("行 “").append(rule.name()).append("”\n");
                }
            }
            text.append('\n');
        }
        return text.toString();
    }

    /** Runs the policy's own scenario tests against it. */
    public ScenarioReport runScenarios() {
        return scenarios.get().run(this, rules().stream().map(RuleInfo::name).toList());
    }

    public SupervisionInfo supervisionInfo() {
        return supervision;
    }

    @Override
    public SupervisionDecision supervise(Carrier carrier, LocalDate asOf) {
        return supervisionEngine.get().supervise(carrier, asOf);
    }
}

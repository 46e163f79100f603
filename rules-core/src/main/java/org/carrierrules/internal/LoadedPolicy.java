package org.carrierrules.internal;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.carrierrules.CarrierType;
import org.carrierrules.InvalidInputException;
import org.carrierrules.LibraryVersion;
import org.carrierrules.PolicyRef;
import org.carrierrules.allocation.Allocation;
import org.carrierrules.allocation.AllocationSettings;
import org.carrierrules.allocation.RoundSubmission;
import org.carrierrules.application.Application;
import org.carrierrules.application.FactSchema;
import org.carrierrules.assessment.Assessment;
import org.carrierrules.documents.Documents;
import org.carrierrules.internal.allocation.AllocationCitations;
import org.carrierrules.internal.allocation.AllocationEngine;
import org.carrierrules.internal.assessment.AssessmentEngine;
import org.carrierrules.internal.documents.DocumentRenderer;
import org.carrierrules.internal.documents.Templates;
import org.carrierrules.internal.engine.CompiledStage;
import org.carrierrules.internal.engine.CompiledStages;
import org.carrierrules.internal.engine.RuleBaseBuilder;
import org.carrierrules.internal.facts.Round;
import org.carrierrules.internal.facts.Rubric;
import org.carrierrules.internal.facts.Rubrics;
import org.carrierrules.internal.facts.SupervisionParameters;
import org.carrierrules.internal.language.DrlGenerator;
import org.carrierrules.internal.language.Stage;
import org.carrierrules.internal.notice.WorkingCalendar;
import org.carrierrules.internal.policy.Lazy;
import org.carrierrules.internal.policy.PolicyFiles;
import org.carrierrules.internal.policy.YamlData;
import org.carrierrules.internal.scenario.ScenarioSubject;
import org.carrierrules.internal.scenario.ScenarioSuite;
import org.carrierrules.internal.supervision.SupervisionEngine;
import org.carrierrules.internal.tree.KeyPath;
import org.carrierrules.notice.NoticePeriod;
import org.carrierrules.policy.PolicyException;
import org.carrierrules.policy.PolicyProblem;
import org.carrierrules.policy.RoundInfo;
import org.carrierrules.policy.RuleInfo;
import org.carrierrules.policy.ScenarioReport;
import org.carrierrules.supervision.Carrier;
import org.carrierrules.supervision.SupervisionDecision;
import org.carrierrules.supervision.SupervisionInfo;

/**
 * A policy, read, checked and compiled ({@link PolicyLoader}), deciding: immutable, and safe to share between
 * threads.
 */
public final class LoadedPolicy implements ScenarioSubject {
    private static final String ROUND_FILE = "round.yaml";
    private final PolicyFiles files;
    private final CompiledStages stages;
    private final PolicyRef ref;
    private final Round round;
    private final WorkingCalendar calendar;
    private final Rubrics rubrics;
    private final AssessmentEngine assessment;
    private final Lazy<AllocationEngine> allocation;
    private final Lazy<SupervisionEngine> supervisionEngine;
    private final SupervisionInfo supervision;
    private final Lazy<List<RuleInfo>> rules;
    private final Lazy<ScenarioSuite> scenarios;
    private final FactSchema factSchema;
    private final Templates templates;

    LoadedPolicy(PolicyFiles files, PolicyLoader.RoundData data, CompiledStages stages, Lazy<ScenarioSuite> scenarios) {
        this.files = files;
        this.stages = stages;
        this.round = new Round(data.round(), data.materials());
        this.ref = new PolicyRef(round.id(), PolicyFingerprint.of(files, stages.generatedDrl()));
        this.calendar = data.calendar();
        this.rubrics = data.rubrics();
        SupervisionParameters supervisionRules = new SupervisionParameters(data.round().supervision());
        this.supervision = supervisionRules.info();
        this.assessment = new AssessmentEngine(stages.assessment(), round, data.terms(), ref);
        AllocationCitations citations = data.citations();
        this.allocation = Lazy.of(() -> new AllocationEngine(stages.allocation().get(), round, data.terms().parameters(), rubrics,
                citations, assessment, ref));
        this.supervisionEngine = Lazy.of(() -> new SupervisionEngine(stages.supervision().get(), supervisionRules, ref));
        this.rules = Lazy.of(() -> {
            // Stage by stage, in the order of the round; within a stage by file and then name.
            List<RuleInfo> all = new ArrayList<>();
            List<RuleInfo> allocationRules = new ArrayList<>(citations.rules());
            allocationRules.addAll(stages.allocation().get().info());
            for (List<RuleInfo> stage : List.of(stages.assessment().info(), allocationRules, stages.supervision().get().info())) {
                all.addAll(stage.stream().sorted(Comparator.comparing(RuleInfo::file).thenComparing(RuleInfo::name)).toList());
            }
            return List.copyOf(all);
        });
        this.scenarios = scenarios;
        this.factSchema = data.terms().facts();
        this.templates = data.templates();
    }

    /** The documents of this policy, in the wording of its templates (templates/*.mustache, else the library's defaults). */
    public Documents documents() {
        return new DocumentRenderer(templates, roundInfo(), supervision, allocationSettings(), ref, LibraryVersion.get());
    }

    /** The facts the policy declares, which every application is held to before it is assessed. */
    public FactSchema factSchema() {
        return factSchema;
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

    /** Where the policy was read from: its directory, or {@code bundled:<round>}. */
    String source() {
        return files.source();
    }

    @Override
    public PolicyRef ref() {
        return ref;
    }

    @Override
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

    /** How the round's outcome is decided; the figures at the top are those of the first carrier type the round opens. */
    public AllocationSettings allocationSettings() {
        Map<CarrierType, AllocationSettings.Scoring> scoring = new EnumMap<>(CarrierType.class);
        for (CarrierType type : CarrierType.values()) {
            Rubric rubric = rubrics.of(type);
            if (rubric != null) {
                scoring.put(type, new AllocationSettings.Scoring(rubric.total(), rubric.passingScore(), rubric.minExpertsForTrimming()));
            }
        }
        // A rubric that loaded has a table for every type the round opens, and for some type at least.
        AllocationSettings.Scoring first = Arrays.stream(CarrierType.values()).filter(round::isOpen).findFirst().map(scoring::get)
                .orElseGet(() -> scoring.values().iterator().next());
        return new AllocationSettings(first.fullMarks(), first.passingScore(), first.trimFromExperts(), rubrics.illustrative(),
                round.noticeWorkingDays(), round.backfillsAfterUpheldObjection(), scoring);
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
        PolicyLoader.RoundData data = PolicyLoader.readRoundData(changed, problems);
        if (!problems.isEmpty()) {
            // The lines would be those of the changed copy, which no one wrote; the scenario that changed it has its own.
            throw new PolicyException(changed.source(), problems.stream().map(p -> new PolicyProblem(p.file(), 0, p.message())).toList());
        }
        // Rules hold no value of the round (they ask the round object), so the compiled stages serve
        // the changed round as they are: a scenario about another round costs no compilation.
        return new LoadedPolicy(changed, data, stages, scenarios);
    }

    /**
     * This policy with every stage compiled again from its Drools text by Drools' compiler, neither kept nor taken
     * from the build ({@link RuleBaseBuilder#compiledNow}): what the library does with a stage the build did not
     * compile. The tests hold the two to the same decisions.
     */
    public LoadedPolicy withStagesCompiledNow() {
        PolicyLoader.RoundData data = files.readOrThrow(p -> PolicyLoader.readRoundData(files, p));
        CompiledStages now = new CompiledStages(RuleBaseBuilder.compiledNow(stages.assessment()),
                Lazy.of(() -> RuleBaseBuilder.compiledNow(stages.allocation().get())),
                Lazy.of(() -> RuleBaseBuilder.compiledNow(stages.supervision().get())), stages.generatedDrl());
        return new LoadedPolicy(files, data, now, scenarios);
    }

    /** Every stage, compiled (those compiled on first use, now), in the order of the round. */
    public List<CompiledStage> compiledStages() {
        return List.of(stages.assessment(), stages.allocation().get(), stages.supervision().get());
    }

    /**
     * The Drools rules every stage runs, as compiled: what the library generated from the staff's rule files,
     * then its own allocation rules. Staff text appears nowhere in it; the table after each stage says which
     * staff rule each generated rule is.
     */
    public String generatedRules() {
        StringBuilder text = new StringBuilder();
        for (CompiledStage stage : compiledStages()) {
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

    /**
     * Runs the policy's own scenario tests against it; the allocation stage compiles on a second thread meanwhile,
     * ready for the first scenario about a round's submission.
     */
    public ScenarioReport runScenarios() {
        stages.prepareAllocation();
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

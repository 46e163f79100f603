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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.carrierrules.Allocation;
import org.carrierrules.AllocationSettings;
import org.carrierrules.Application;
import org.carrierrules.Assessment;
import org.carrierrules.Carrier;
import org.carrierrules.CarrierReview;
import org.carrierrules.CarrierRules;
import org.carrierrules.InvalidInputException;
import org.carrierrules.NoticePeriod;
import org.carrierrules.PolicyException;
import org.carrierrules.PolicyProblem;
import org.carrierrules.PolicyRef;
import org.carrierrules.RoundInfo;
import org.carrierrules.RoundSubmission;
import org.carrierrules.RuleInfo;
import org.carrierrules.ScenarioReport;
import org.carrierrules.SupervisionInfo;
import org.carrierrules.dsl.Stage;
import com.fasterxml.jackson.databind.JsonNode;

import org.kie.api.KieBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A policy directory, read, checked and compiled: immutable, and safe to share between threads.
 * Either the whole directory loads or a {@link PolicyException} lists everything that is wrong.
 */
public final class LoadedPolicy {
    private static final Logger LOG = LoggerFactory.getLogger(LoadedPolicy.class);
    private static final String BUNDLED = "/org/carrierrules/policies/";
    private static final String ROUND_FILE = "round.yaml";
    /** The rule folders whose files make up the assessment stage (四(一)–四(三)). */
    private static final List<String> ASSESSMENT_FOLDERS = List.of("rules/eligibility/", "rules/materials/");
    /** The rule folders of the allocation stage (三, 四(四), 四(五)). */
    private static final List<String> ALLOCATION_FOLDERS = List.of("rules/allocation/");
    /** The rule folders of the supervision stage (五): a KieBase of its own, reviewing carriers, not applications. */
    private static final List<String> REVIEW_FOLDERS = List.of("rules/revocation/");
    /** Each stage with the globals its engine sets: a rule file may use only sentences and slots its stage can run. */
    private static final Stage ASSESSMENT = new Stage("受理审查（" + String.join("、", ASSESSMENT_FOLDERS) + "）",
            Set.of(AssessmentEngine.FINDINGS, AssessmentEngine.ROUND));
    private static final Stage ALLOCATION = new Stage("评审与名额分配（" + String.join("、", ALLOCATION_FOLDERS) + "）",
            Set.of(AllocationEngine.OUTCOMES));
    private static final Stage REVIEW = new Stage("跟踪管理（" + String.join("、", REVIEW_FOLDERS) + "）",
            Set.of(ReviewEngine.GROUNDS, ReviewEngine.SUPERVISION, ReviewEngine.AS_OF));

    private final PolicyRef ref;
    private final Round round;
    private final AssessmentEngine assessment;
    private final WorkingCalendar calendar;
    private final Rubric rubric;
    private final AllocationEngine allocation;
    private final ReviewEngine review;
    private final SupervisionInfo supervision;
    private final List<RuleInfo> rules;
    private final ScenarioSuite scenarios;
    private final PolicyFiles files;
    private final RuleBaseBuilder.TrustedDrl trustedDrl;

    private LoadedPolicy(PolicyFiles files, RuleBaseBuilder.TrustedDrl trustedDrl, PolicyRef ref, Round round,
                         AssessmentEngine assessment, WorkingCalendar calendar, Rubric rubric,
                         AllocationEngine allocation, ReviewEngine review, SupervisionInfo supervision,
                         List<RuleInfo> rules, ScenarioSuite scenarios) {
        this.files = files;
        this.trustedDrl = trustedDrl;
        this.ref = ref;
        this.round = round;
        this.assessment = assessment;
        this.calendar = calendar;
        this.rubric = rubric;
        this.allocation = allocation;
        this.review = review;
        this.supervision = supervision;
        this.rules = rules;
        this.scenarios = scenarios;
    }

    /** Loads a policy directory from the file system. */
    public static LoadedPolicy fromDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new PolicyException(directory.toString(),
                    List.of(new PolicyProblem(directory.toString(), 0, "不是一个目录，请给出政策目录（含 round.yaml）的路径")));
        }
        return load(PolicyFiles.read(directory, directory.toString()),
                RuleBaseBuilder.TrustedDrl.sameAs(bundledFiles(CarrierRules.BUNDLED_ROUND)));
    }

    /** Loads a policy shipped inside the library, e.g. {@code luohu-2024}. */
    public static LoadedPolicy bundled(String round) {
        return load(bundledFiles(round), RuleBaseBuilder.TrustedDrl.LIBRARY);
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

    private static LoadedPolicy load(PolicyFiles files, RuleBaseBuilder.TrustedDrl trustedDrl) {
        long started = System.nanoTime();
        List<PolicyProblem> problems = new ArrayList<>();
        RoundFile roundFile = YamlData.read(files, ROUND_FILE, RoundFile.class, problems);
        MaterialsFile materialsFile = YamlData.read(files, "materials.yaml", MaterialsFile.class, problems);
        // Read and checked with the rest, so that a broken holiday file or rubric is refused at load
        // and listed by check DIR, not found out only when a notice period or a score is counted.
        WorkingCalendar calendar = WorkingCalendar.read(files, problems);
        Rubric rubric = Rubric.read(files, problems);
        if (roundFile != null) {
            RoundChecks.check(roundFile, problems);
        }
        if (materialsFile != null) {
            RoundChecks.check(materialsFile, problems);
        }
        problems.addAll(outsideStages(files));
        KieBase assessmentRules = stage("assessment", ASSESSMENT, ASSESSMENT_FOLDERS, files, trustedDrl, problems);
        KieBase allocationRules = stage("allocation", ALLOCATION, ALLOCATION_FOLDERS, files, trustedDrl, problems);
        if (allocationRules != null) {
            problems.addAll(AllocationEngine.unknownSteps(allocationRules));
        }
        KieBase reviewRules = stage("review", REVIEW, REVIEW_FOLDERS, files, trustedDrl, problems);
        ScenarioSuite scenarios = ScenarioSuite.read(files.scenarios(), problems);
        if (!problems.isEmpty()) {
            throw new PolicyException(files.source(), problems);
        }
        Round round = new Round(roundFile, materialsFile);
        PolicyRef ref = new PolicyRef(round.id(), files.fingerprint());
        LOG.info("policy {} loaded from {} in {} ms ({})", round.id(), files.source(),
                (System.nanoTime() - started) / 1_000_000, ref.fingerprint());
        AssessmentEngine assessment = new AssessmentEngine(assessmentRules, round, ref);
        Supervision supervision = new Supervision(roundFile.supervision());
        List<RuleInfo> rules = new ArrayList<>();
        for (KieBase stage : List.of(assessmentRules, allocationRules, reviewRules)) {
            rules.addAll(RuleClauses.rules(stage));
        }
        return new LoadedPolicy(files, trustedDrl, ref, round, assessment, calendar, rubric,
                new AllocationEngine(allocationRules, round, rubric, assessment, ref),
                new ReviewEngine(reviewRules, supervision, ref), supervision.info(), List.copyOf(rules), scenarios);
    }

    /** A stage's rules compiled into a KieBase, or null with the problems added; every rule must cite its clause. */
    private static KieBase stage(String name, Stage stage, List<String> folders, PolicyFiles files,
                                 RuleBaseBuilder.TrustedDrl trustedDrl, List<PolicyProblem> problems) {
        KieBase rules = RuleBaseBuilder.build(name, stage, stageFiles(files, folders), trustedDrl, problems);
        if (rules != null) {
            problems.addAll(RuleClauses.missing(rules));
        }
        return rules;
    }

    /** A rule file in no stage's folder would never run: refused, rather than loaded without it. */
    private static List<PolicyProblem> outsideStages(PolicyFiles files) {
        return files.rules().keySet().stream()
                .filter(path -> Stream.of(ASSESSMENT_FOLDERS, ALLOCATION_FOLDERS, REVIEW_FOLDERS)
                        .flatMap(List::stream).noneMatch(path::startsWith))
                .map(path -> new PolicyProblem(path, 0, "此文件不在规则目录中，其中的规则不会执行：规则文件须放在"
                        + ASSESSMENT.name() + "、" + ALLOCATION.name() + "或" + REVIEW.name() + "的目录下"))
                .toList();
    }

    private static Map<String, byte[]> stageFiles(PolicyFiles files, List<String> folders) {
        return files.rules().entrySet().stream()
                .filter(e -> folders.stream().anyMatch(e.getKey()::startsWith))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }

    public PolicyRef ref() {
        return ref;
    }

    public RoundInfo roundInfo() {
        return new RoundInfo(round.id(), round.title(), round.authority(), round.notice(), round.districtName(), round.zone(), round.opens(),
                round.closes(), round.totalQuota(), round.quotas(), round.materialNames(), round.materialsIllustrative());
    }

    public Assessment assess(Application application) {
        return assessment.assess(application);
    }

    /**
     * The round's outcome (三, 四(四), 四(五)), its candidate list publicly noticed from {@code noticeStart},
     * or, when that is null, from the first working day after the submission window closed.
     */
    public Allocation allocate(RoundSubmission submission, LocalDate noticeStart) {
        if (!submission.round().equals(round.id())) {
            throw new InvalidInputException("round", "输入属于轮次“" + submission.round() + "”，而加载的政策是“" + round.id()
                    + "”：请使用该轮次的政策目录，或核对 round 的值");
        }
        LocalDate start = noticeStart != null ? noticeStart : calendar.workingDaysFrom(round.closes().toLocalDate().plusDays(1), 1).get(0);
        return allocation.allocate(submission, noticePeriod(start, round.noticeWorkingDays()), noticeStart != null);
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
        return rules;
    }

    /**
     * This policy with some values of round.yaml changed ({@code carrierTypes.quotas.SKILL_MASTER_STUDIO: 0}),
     * for scenarios about rounds other than this one.
     *
     * @throws PolicyException when a change makes the round invalid
     */
    LoadedPolicy withRoundChanges(JsonNode changes) {
        List<PolicyProblem> problems = new ArrayList<>();
        JsonNode round = YamlData.tree(ROUND_FILE, files.bytes(ROUND_FILE), problems);
        changes.fields().forEachRemaining(change -> {
            String problem = ScenarioSuite.FieldPath.apply(round, change.getKey(), change.getValue());
            if (problem != null) {
                problems.add(new PolicyProblem(ROUND_FILE, 0, change.getKey() + "：" + problem));
            }
        });
        if (!problems.isEmpty()) {
            throw new PolicyException(files.source(), problems);
        }
        return load(files.with(ROUND_FILE, YamlData.write(round)), trustedDrl);
    }

    /** Runs the policy's own scenario tests against it. */
    public ScenarioReport runScenarios() {
        return scenarios.run(this, rules.stream().map(RuleInfo::name).toList());
    }

    public SupervisionInfo supervisionInfo() {
        return supervision;
    }

    public CarrierReview review(Carrier carrier, LocalDate asOf) {
        return review.review(carrier, asOf);
    }
}

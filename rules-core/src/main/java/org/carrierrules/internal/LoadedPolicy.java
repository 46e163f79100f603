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
import java.util.stream.Collectors;

import org.carrierrules.Application;
import org.carrierrules.Assessment;
import org.carrierrules.Carrier;
import org.carrierrules.CarrierReview;
import org.carrierrules.CarrierRules;
import org.carrierrules.PolicyException;
import org.carrierrules.PolicyProblem;
import org.carrierrules.PolicyRef;
import org.carrierrules.RoundInfo;
import org.carrierrules.SupervisionInfo;
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
    /** The rule folders whose files make up the assessment stage (四(一)–四(三)). */
    private static final List<String> ASSESSMENT_FOLDERS = List.of("rules/eligibility/", "rules/materials/");
    /** The rule folders of the supervision stage (五): a KieBase of its own, reviewing carriers, not applications. */
    private static final List<String> REVIEW_FOLDERS = List.of("rules/revocation/");

    private final PolicyRef ref;
    private final Round round;
    private final AssessmentEngine assessment;
    private final ReviewEngine review;
    private final SupervisionInfo supervision;

    private LoadedPolicy(PolicyRef ref, Round round, AssessmentEngine assessment, ReviewEngine review,
                         SupervisionInfo supervision) {
        this.ref = ref;
        this.round = round;
        this.assessment = assessment;
        this.review = review;
        this.supervision = supervision;
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
        RoundFile roundFile = YamlData.read(files, "round.yaml", RoundFile.class, problems);
        MaterialsFile materialsFile = YamlData.read(files, "materials.yaml", MaterialsFile.class, problems);
        if (roundFile != null) {
            RoundChecks.check(roundFile, problems);
        }
        if (materialsFile != null) {
            RoundChecks.check(materialsFile, problems);
        }
        KieBase assessmentRules = RuleBaseBuilder.build("assessment", stageFiles(files, ASSESSMENT_FOLDERS), trustedDrl, problems);
        if (assessmentRules != null) {
            problems.addAll(RuleClauses.missing(assessmentRules));
        }
        KieBase reviewRules = RuleBaseBuilder.build("review", stageFiles(files, REVIEW_FOLDERS), trustedDrl, problems);
        if (reviewRules != null) {
            problems.addAll(RuleClauses.missing(reviewRules));
        }
        if (!problems.isEmpty()) {
            throw new PolicyException(files.source(), problems);
        }
        Round round = new Round(roundFile, materialsFile);
        PolicyRef ref = new PolicyRef(round.id(), files.fingerprint());
        LOG.info("policy {} loaded from {} in {} ms ({})", round.id(), files.source(),
                (System.nanoTime() - started) / 1_000_000, ref.fingerprint());
        Supervision supervision = new Supervision(roundFile.supervision());
        return new LoadedPolicy(ref, round, new AssessmentEngine(assessmentRules, round, ref),
                new ReviewEngine(reviewRules, supervision, ref), supervision.info());
    }

    private static Map<String, byte[]> stageFiles(PolicyFiles files, List<String> folders) {
        return files.rules().entrySet().stream()
                .filter(e -> folders.stream().anyMatch(e.getKey()::startsWith))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, java.util.TreeMap::new));
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

    public SupervisionInfo supervisionInfo() {
        return supervision;
    }

    public CarrierReview review(Carrier carrier, LocalDate asOf) {
        return review.review(carrier, asOf);
    }
}

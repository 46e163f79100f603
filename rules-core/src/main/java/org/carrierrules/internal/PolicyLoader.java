package org.carrierrules.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.carrierrules.internal.allocation.AllocationCitations;
import org.carrierrules.internal.documents.Templates;
import org.carrierrules.internal.engine.CheckedRules;
import org.carrierrules.internal.engine.CompiledStages;
import org.carrierrules.internal.facts.RoundParameters;
import org.carrierrules.internal.facts.Rubrics;
import org.carrierrules.internal.language.PolicyTerms;
import org.carrierrules.internal.policy.FactsFile;
import org.carrierrules.internal.notice.WorkingCalendar;
import org.carrierrules.internal.policy.BundledPolicies;
import org.carrierrules.internal.policy.Lazy;
import org.carrierrules.internal.policy.MaterialsFile;
import org.carrierrules.internal.policy.PolicyFiles;
import org.carrierrules.internal.policy.RoundChecks;
import org.carrierrules.internal.policy.RoundFile;
import org.carrierrules.internal.policy.YamlData;
import org.carrierrules.internal.scenario.ScenarioSuite;
import org.carrierrules.policy.PolicyException;
import org.carrierrules.policy.PolicyProblem;

/**
 * Loads a policy: a directory read, checked and its staff's rules compiled, the assessment stage on the calling
 * thread while the supervision stage compiles on a second one, so that every error in it is reported when it loads;
 * or a policy the library ships, whose rules the library's own tests compile and run, so that its allocation and
 * supervision stages compile and its scenario tests are read on first use: a host or a command that only
 * assesses applications never waits for them (docs/performance.md). The library's own allocation rules, which
 * no file of a directory changes, compile on first use for either. Either the whole policy loads or a
 * {@link PolicyException} lists everything that is wrong.
 */
public final class PolicyLoader {
    private static final Logger LOG = LoggerFactory.getLogger(PolicyLoader.class);
    private static final String ROUND_FILE = "round.yaml";
    private static final String MATERIALS_FILE = "materials.yaml";

    private PolicyLoader() {
    }

    /** The round's data files, read and checked; {@code citations} the clauses of the allocation rules, from round.yaml. */
    record RoundData(RoundFile round, MaterialsFile materials, WorkingCalendar calendar, Rubrics rubrics, PolicyTerms terms,
                     AllocationCitations citations, Templates templates) {
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
        CheckedRules checked = CheckedRules.check(files, data.terms(), problems);
        ScenarioSuite scenarios = ScenarioSuite.read(files.scenarios(), problems);
        if (!problems.isEmpty()) {
            // Nothing is compiled from a directory with problems: a refused rule file might mean anything.
            throw new PolicyException(files.source(), problems);
        }
        CompiledStages stages = CompiledStages.all(files, checked, problems);
        if (!problems.isEmpty()) {
            throw new PolicyException(files.source(), problems);
        }
        return loaded(new LoadedPolicy(files, data, stages, Lazy.of(() -> scenarios)), started);
    }

    /** Loads a policy shipped inside the library, e.g. {@code luohu-2024}. */
    public static LoadedPolicy bundled(String round) {
        PolicyFiles files = BundledPolicies.files(round);
        long started = System.nanoTime();
        List<PolicyProblem> problems = new ArrayList<>();
        RoundData data = readRoundData(files, problems);
        CheckedRules checked = CheckedRules.check(files, data.terms(), problems);
        CompiledStages stages = problems.isEmpty() ? CompiledStages.assessmentFirst(files, checked, problems) : null;
        if (!problems.isEmpty()) {
            throw new PolicyException(files.source(), problems);
        }
        Lazy<ScenarioSuite> scenarios = Lazy.of(() -> files.readOrThrow(p -> ScenarioSuite.read(files.scenarios(), p)));
        return loaded(new LoadedPolicy(files, data, stages, scenarios), started);
    }

    /** Writes a copy of a bundled policy into {@code target} (new or empty), for staff to edit. */
    public static void copyBundled(String round, Path target) {
        BundledPolicies.copy(round, target);
    }

    private static LoadedPolicy loaded(LoadedPolicy policy, long started) {
        LOG.info("policy {} loaded from {} in {} ms ({})", policy.ref().round(), policy.source(),
                (System.nanoTime() - started) / 1_000_000, policy.ref().fingerprint());
        return policy;
    }

    static RoundData readRoundData(PolicyFiles files, List<PolicyProblem> problems) {
        YamlData.Located<RoundFile> roundFile = YamlData.located(files, ROUND_FILE, RoundFile.class, problems);
        YamlData.Located<MaterialsFile> materialsFile = YamlData.located(files, MATERIALS_FILE, MaterialsFile.class, problems);
        // Read and checked with the rest, so that a broken holiday file or rubric is refused at load
        // and listed by check DIR, not found out only when a notice period or a score is counted.
        WorkingCalendar calendar = WorkingCalendar.read(files, problems);
        // The rubric is checked against the round as read: a carrier type it opens needs a scoring table.
        Rubrics rubrics = Rubrics.read(files, roundFile == null ? null : roundFile.content(), problems);
        PolicyTerms terms = new PolicyTerms(FactsFile.read(files, problems), RoundParameters.read(files, problems));
        // The documents' wording is checked with the rest: a misspelled placeholder fails check, not a printed letter.
        Templates templates = Templates.read(files, problems);
        AllocationCitations citations = null;
        if (roundFile != null) {
            RoundChecks.check(roundFile.content(), roundFile.problems());
            citations = AllocationCitations.read(roundFile.content().allocation(), roundFile.problems());
        }
        if (materialsFile != null) {
            RoundChecks.check(materialsFile.content(), materialsFile.problems());
        }
        return new RoundData(roundFile == null ? null : roundFile.content(), materialsFile == null ? null : materialsFile.content(),
                calendar, rubrics, terms, citations, templates);
    }
}

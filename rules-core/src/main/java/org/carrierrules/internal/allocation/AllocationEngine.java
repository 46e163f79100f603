package org.carrierrules.internal.allocation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

import org.carrierrules.CarrierType;
import org.carrierrules.PolicyRef;
import org.carrierrules.allocation.Allocation;
import org.carrierrules.allocation.AllocationEntry;
import org.carrierrules.allocation.AllocationStatus;
import org.carrierrules.allocation.ExpertReview;
import org.carrierrules.allocation.ExpertReviewScore;
import org.carrierrules.allocation.Objection;
import org.carrierrules.allocation.RoundSubmission;
import org.carrierrules.application.Application;
import org.carrierrules.internal.assessment.AssessmentEngine;
import org.carrierrules.internal.engine.CompiledStage;
import org.carrierrules.internal.engine.StageSession;
import org.carrierrules.internal.facts.AllocationCase;
import org.carrierrules.internal.facts.FactConditions;
import org.carrierrules.internal.facts.Quota;
import org.carrierrules.internal.facts.Round;
import org.carrierrules.internal.facts.Rubric;
import org.carrierrules.internal.facts.RoundParameters;
import org.carrierrules.internal.facts.Rubrics;
import org.carrierrules.internal.language.CheckedRule;
import org.carrierrules.internal.language.DrlGenerator;
import org.carrierrules.notice.NoticePeriod;

/**
 * Decides a round's outcome: assesses every application (四(三)), scores every review on the table of its
 * carrier type (四(四)), orders the applications by the round's ranking, then runs the allocation rules over them: in one session for
 * each scoring table, over the applications of the types scored on it, so that the one {@code Rubric} fact the
 * rules ask (合格分) is the table those applications were scored on. Nothing the rules decide looks across
 * types (ranks, quotas, backfills and ties are all within one type), so a round whose types share one table,
 * as the bundled round's do, runs one session as it always has. The KieBase is shared and immutable; each call
 * gets its own sessions and collector, so any number of threads may allocate at once. The reasons cite the
 * policy's clauses ({@link AllocationCitations}).
 */
public final class AllocationEngine {
    static final String OUTCOMES = "outcomes";
    /**
     * The steps of the allocation rules, in the order they run, each an agenda group given focus in turn: a step
     * starts only when the one before has drawn all its conclusions, so ranks are counted over every application
     * that may be ranked, and the quota over every rank. Each rule names its step as its {@code ruleflow-group}:
     * DRL 10 deprecates the {@code agenda-group} attribute in its favour (its parser warns that
     * {@code ruleflow-group} "works as the same as 'agenda-group'" and that {@code agenda-group} will be dropped),
     * and no ruleflow is involved. The policy's rules of 排名资格 keep applications out; only once they all have does
     * the library's rule of 参加排名 rank the rest.
     */
    static final List<String> STEPS = List.of(DrlGenerator.RANKING_ELIGIBILITY, "参加排名", "排名", "名额", "同分说明");

    private final StageSession session;
    private final List<CheckedRule> policyRules;
    /** What the policy's rules of 排名资格 ask of the declared facts; null when none asks. */
    private final FactConditions conditions;
    private final Round round;
    private final Rubrics rubrics;
    private final List<Table> tables;
    private final AllocationCitations citations;
    private final AssessmentEngine assessment;
    private final PolicyRef policy;

    /**
     * A scoring table and the carrier types scored on it, whose applications the rules decide together.
     *
     * @param rubric the table; null for the types the rubric gives none (types the round does not open)
     * @param types  in the order of {@link CarrierType}
     */
    private record Table(Rubric rubric, Set<CarrierType> types) {
    }

    public AllocationEngine(CompiledStage stage, Round round, RoundParameters parameters, Rubrics rubrics,
                            AllocationCitations citations, AssessmentEngine assessment, PolicyRef policy) {
        this.session = StageSession.inSteps(stage, STEPS);
        this.policyRules = stage.rules();
        this.conditions = DrlGenerator.usesFacts(policyRules)
                ? new FactConditions(policyRules.stream().map(CheckedRule::test).toList(), round.closes().toLocalDate(), parameters)
                : null;
        this.round = round;
        this.rubrics = rubrics;
        this.tables = tables(rubrics);
        this.citations = citations;
        this.assessment = assessment;
        this.policy = policy;
    }

    /** The tables in the order of the first carrier type of each; types with the same table share its one {@link Rubric}. */
    private static List<Table> tables(Rubrics rubrics) {
        // By identity (Rubric has no equals of its own); the null key gathers the types without a table.
        Map<Rubric, Set<CarrierType>> types = new LinkedHashMap<>();
        for (CarrierType type : CarrierType.values()) {
            types.computeIfAbsent(rubrics.of(type), rubric -> EnumSet.noneOf(CarrierType.class)).add(type);
        }
        return types.entrySet().stream().map(t -> new Table(t.getKey(), Collections.unmodifiableSet(t.getValue()))).toList();
    }

    public Allocation allocate(RoundSubmission submission, NoticePeriod notice, boolean noticeStartGiven) {
        Versions.Outcome versions = Versions.decide(submission.applications(), round, assessment);
        List<AllocationCase> cases = cases(submission, versions.applications());
        AllocationOutcomes outcomes = decide(cases);
        Map<CarrierType, Integer> vacancies = new EnumMap<>(CarrierType.class);
        round.quotas().forEach((type, quota) -> {
            if (quota > 0) {
                vacancies.put(type, quota);
            }
        });
        List<AllocationEntry> entries = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            AllocationCase c = cases.get(i);
            AllocationStatus status = outcomes.status(c.id());
            if (status == AllocationStatus.CANDIDATE) {
                vacancies.merge(c.carrierType(), -1, Integer::sum);
            }
            entries.add(new AllocationEntry(c.id(), c.carrierType(), status, c.score(), outcomes.rank(c.id()), outcomes.reasons(c.id()),
                    versions.applications().get(i).history()));
        }
        return new Allocation(entries, vacancies, notice, noticeStartGiven, policy, outcomes.firedRules(), versions.assessments());
    }

    /**
     * The applications as facts, one per application in the order ids first appear, each the version the round decides
     * on ({@link Versions}), with its place in the round's ranking ({@link Round#ranking()}).
     */
    private List<AllocationCase> cases(RoundSubmission submission, List<Versions.Decided> decided) {
        Map<String, ExpertReview> reviews = new HashMap<>();
        submission.reviews().forEach(r -> reviews.put(r.applicationId(), r));
        Set<String> upheld = new HashSet<>();
        Set<String> objected = new HashSet<>();
        for (Objection objection : submission.objections()) {
            objected.add(objection.applicationId());
            if (objection.upheld()) {
                upheld.add(objection.applicationId());
            }
        }
        List<AllocationCase> unordered = new ArrayList<>();
        for (Versions.Decided one : decided) {
            Application application = one.application();
            ExpertReview review = reviews.get(application.id());
            CarrierType type = application.carrierType();
            ExpertReviewScore score = review == null ? null : ScoreAggregation.score(rubrics.of(type), type, review);
            String id = application.id();
            unordered.add(new AllocationCase(id, application.carrierType(), application.submittedAt(),
                    one.assessment().acceptance(), score, review != null && review.siteVisitPassed(), 0,
                    upheld.contains(id), objected.contains(id) && !upheld.contains(id), application.applicant().type(),
                    application.facts()));
        }
        List<AllocationCase> sorted = unordered.stream().sorted(round.ranking()).toList();
        // By identity, not indexOf: that compared every case with every other, quadratic in a large round.
        Map<AllocationCase, Integer> places = new IdentityHashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            places.put(sorted.get(i), i);
        }
        return unordered.stream().map(c -> c.at(places.get(c))).toList();
    }

    /** One session per scoring table that has applications, in the order of the tables; the rules fired, in that order. */
    private AllocationOutcomes decide(List<AllocationCase> cases) {
        AllocationOutcomes outcomes = new AllocationOutcomes(citations, policyRules);
        Map<String, Object> globals = conditions == null ? Map.of(OUTCOMES, outcomes)
                : Map.of(OUTCOMES, outcomes, DrlGenerator.CONDITIONS, conditions);
        DefaultAgendaEventListener firings = new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                outcomes.fired(event.getMatch().getRule().getName());
            }
        };
        for (Table table : tables) {
            List<AllocationCase> scoredOnIt = cases.stream().filter(c -> table.types().contains(c.carrierType())).toList();
            if (scoredOnIt.isEmpty()) {
                continue;
            }
            session.run(globals, facts -> {
                facts.insert(round);
                if (table.rubric() != null) {
                    facts.insert(table.rubric());
                }
                for (CarrierType type : table.types()) {
                    facts.insert(new Quota(type, round.quota(type)));
                }
                scoredOnIt.forEach(facts::insert);
            }, firings);
        }
        return outcomes;
    }
}

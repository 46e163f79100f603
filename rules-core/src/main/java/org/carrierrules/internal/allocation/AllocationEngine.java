package org.carrierrules.internal.allocation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
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
import org.carrierrules.assessment.Assessment;
import org.carrierrules.internal.assessment.AssessmentEngine;
import org.carrierrules.internal.engine.CompiledStage;
import org.carrierrules.internal.engine.StageSession;
import org.carrierrules.internal.facts.AllocationCase;
import org.carrierrules.internal.facts.Quota;
import org.carrierrules.internal.facts.Round;
import org.carrierrules.internal.facts.Rubric;
import org.carrierrules.notice.NoticePeriod;

/**
 * Decides a round's outcome: assesses every application (四(三)), scores every review (四(四)), orders
 * the applications by the round's ranking, then runs the allocation rules over them in one session, their reasons
 * citing the policy's clauses. The KieBase is shared and
 * immutable; each call gets its own session and collector, so any number of threads may allocate at once.
 */
public final class AllocationEngine {
    static final String OUTCOMES = "outcomes";
    /**
     * The steps of the allocation rules, in the order they run, each an agenda group given focus in turn: a step
     * starts only when the one before has drawn all its conclusions, so ranks are counted over every application
     * that may be ranked, and the quota over every rank. Each rule names its step as its {@code ruleflow-group}:
     * DRL 10 deprecates the {@code agenda-group} attribute in its favour (its parser warns that
     * {@code ruleflow-group} "works as the same as 'agenda-group'" and that {@code agenda-group} will be dropped),
     * and no ruleflow is involved.
     */
    static final List<String> STEPS = List.of("排名资格", "排名", "名额", "同分说明");

    private final StageSession session;
    private final Round round;
    private final Rubric rubric;
    private final AllocationCitations citations;
    private final AssessmentEngine assessment;
    private final PolicyRef policy;

    public AllocationEngine(CompiledStage stage, Round round, Rubric rubric, AllocationCitations citations,
                            AssessmentEngine assessment, PolicyRef policy) {
        this.session = StageSession.inSteps(stage, STEPS);
        this.round = round;
        this.rubric = rubric;
        this.citations = citations;
        this.assessment = assessment;
        this.policy = policy;
    }

    public Allocation allocate(RoundSubmission submission, NoticePeriod notice, boolean noticeStartGiven) {
        List<Assessment> assessments = submission.applications().stream().map(assessment::assess).toList();
        List<AllocationCase> cases = cases(submission, assessments);
        AllocationOutcomes outcomes = decide(cases);
        Map<CarrierType, Integer> vacancies = new EnumMap<>(CarrierType.class);
        round.quotas().forEach((type, quota) -> {
            if (quota > 0) {
                vacancies.put(type, quota);
            }
        });
        List<AllocationEntry> entries = new ArrayList<>();
        for (AllocationCase c : cases) {
            AllocationStatus status = outcomes.status(c.id());
            if (status == AllocationStatus.CANDIDATE) {
                vacancies.merge(c.carrierType(), -1, Integer::sum);
            }
            entries.add(new AllocationEntry(c.id(), c.carrierType(), status, c.score(), outcomes.rank(c.id()), outcomes.reasons(c.id())));
        }
        return new Allocation(entries, vacancies, notice, noticeStartGiven, policy, outcomes.firedRules(), assessments);
    }

    /** The applications as facts, in input order, each with its place in the round's ranking ({@link Round#ranking()}). */
    private List<AllocationCase> cases(RoundSubmission submission, List<Assessment> assessments) {
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
        for (int i = 0; i < assessments.size(); i++) {
            Application application = submission.applications().get(i);
            ExpertReview review = reviews.get(application.id());
            ExpertReviewScore score = review == null ? null : ScoreAggregation.score(rubric, review);
            String id = application.id();
            unordered.add(new AllocationCase(id, application.carrierType(), application.submittedAt(),
                    assessments.get(i).acceptance(), score, review != null && review.siteVisitPassed(), 0,
                    upheld.contains(id), objected.contains(id) && !upheld.contains(id)));
        }
        List<AllocationCase> sorted = unordered.stream().sorted(round.ranking()).toList();
        // By identity, not indexOf: that compared every case with every other, quadratic in a large round.
        Map<AllocationCase, Integer> places = new IdentityHashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            places.put(sorted.get(i), i);
        }
        return unordered.stream().map(c -> c.at(places.get(c))).toList();
    }

    private AllocationOutcomes decide(List<AllocationCase> cases) {
        AllocationOutcomes outcomes = new AllocationOutcomes(citations);
        session.run(Map.of(OUTCOMES, outcomes), facts -> {
            facts.insert(round);
            facts.insert(rubric);
            for (CarrierType type : CarrierType.values()) {
                facts.insert(new Quota(type, round.quota(type)));
            }
            cases.forEach(facts::insert);
        }, new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                outcomes.fired(event.getMatch().getRule().getName());
            }
        });
        return outcomes;
    }
}

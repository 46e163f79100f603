package org.carrierrules.internal.allocation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.carrierrules.InvalidInputException;
import org.carrierrules.allocation.SubmittedVersion;
import org.carrierrules.allocation.VersionUse;
import org.carrierrules.application.Application;
import org.carrierrules.assessment.Acceptance;
import org.carrierrules.assessment.Assessment;
import org.carrierrules.internal.assessment.AssessmentEngine;
import org.carrierrules.internal.facts.Round;

/**
 * Which version of each application a round decides on (四(三) 受理: "申报材料不齐全或者不符合法定形式的，应当通知补正材料").
 * The versions of one id are taken in the order submitted. Within the window the latest is the application: 受理审查
 * happens after the window closes, so an applicant may send it again until then. After the window, a version is taken
 * only as the correction of the one before it, if that one was told to supplement (补正) and the correction came by
 * the round's deadline ({@code supplement.deadline}; a round without one takes none). A correction is the same
 * application, filed when it was first filed: the window (四(一)) and 提交时间 in the ranking read that time, so a
 * correction neither fails the window nor moves its place in a tie. Every version is assessed, one assessment per
 * input record, and the history says of each what the round made of it.
 */
final class Versions {
    /**
     * One application as the round decides it.
     *
     * @param application the version decided on, with the time it was filed
     * @param assessment  what 受理审查 concluded of it
     * @param history     every version with what became of it; empty when the application came once
     */
    record Decided(Application application, Assessment assessment, List<SubmittedVersion> history) {
    }

    /** The decisions, by application in the order ids first appear; and every version's assessment, in input order. */
    record Outcome(List<Decided> applications, List<Assessment> assessments) {
    }

    private Versions() {
    }

    static Outcome decide(List<Application> applications, Round round, AssessmentEngine assessment) {
        Map<String, List<Integer>> byId = new LinkedHashMap<>();
        for (int i = 0; i < applications.size(); i++) {
            byId.computeIfAbsent(applications.get(i).id(), id -> new ArrayList<>()).add(i);
        }
        Assessment[] assessments = new Assessment[applications.size()];
        List<Decided> decided = new ArrayList<>(byId.size());
        for (List<Integer> positions : byId.values()) {
            decided.add(one(applications, positions, round, assessment, assessments));
        }
        return new Outcome(decided, List.of(assessments));
    }

    /** The versions of one id, at {@code positions} in the input. */
    private static Decided one(List<Application> applications, List<Integer> positions, Round round, AssessmentEngine engine,
                               Assessment[] assessments) {
        List<Integer> inOrder = positions.stream()
                .sorted(Comparator.comparing((Integer i) -> applications.get(i).submittedAt())).toList();
        Application taken = null;
        Assessment takenAssessment = null;
        int takenAt = -1;
        Instant filed = null;
        List<VersionUse> uses = new ArrayList<>();
        for (int step = 0; step < inOrder.size(); step++) {
            int position = inOrder.get(step);
            Application version = applications.get(position);
            boolean correction = taken != null && round.isAfterWindow(version.submittedAt());
            Application assessed = correction ? filedAt(version, filed) : version;
            Assessment assessment = assess(engine, assessed, position);
            assessments[position] = assessment;
            VersionUse use;
            if (!correction) {
                use = VersionUse.DECIDED_ON;
                filed = version.submittedAt();
            } else if (takenAssessment.acceptance() != Acceptance.SUPPLEMENT_REQUIRED) {
                use = VersionUse.NOT_CALLED_FOR;
            } else if (round.supplementDeadline() == null || version.submittedAt().isAfter(round.supplementDeadline())) {
                use = VersionUse.AFTER_DEADLINE;
            } else {
                use = VersionUse.DECIDED_ON;
            }
            if (use == VersionUse.DECIDED_ON) {
                if (takenAt >= 0) {
                    uses.set(takenAt, VersionUse.SUPERSEDED);
                }
                taken = assessed;
                takenAssessment = assessment;
                takenAt = step;
            }
            uses.add(use);
        }
        if (inOrder.size() == 1) {
            return new Decided(taken, takenAssessment, List.of());
        }
        List<SubmittedVersion> history = new ArrayList<>();
        for (int step = 0; step < inOrder.size(); step++) {
            int position = inOrder.get(step);
            Instant at = applications.get(position).submittedAt();
            history.add(new SubmittedVersion(at, assessments[position].acceptance(), uses.get(step), round.supplementClause(),
                    note(round, at, assessments[position].acceptance(), uses.get(step), step > 0 && round.isAfterWindow(at))));
        }
        return new Decided(taken, takenAssessment, history);
    }

    private static Assessment assess(AssessmentEngine engine, Application application, int position) {
        try {
            return engine.assess(application);
        } catch (InvalidInputException e) {
            throw e.under("applications[" + position + "]");
        }
    }

    /** The version as filed when the application was first filed: a correction is not a new application. */
    private static Application filedAt(Application version, Instant filed) {
        return new Application(version.id(), version.carrierType(), filed, version.applicant(), version.materials(),
                version.paperCopy(), version.electronicCopy(), version.facts());
    }

    private static String note(Round round, Instant at, Acceptance acceptance, VersionUse use, boolean correction) {
        String when = round.localTime(at) + (correction ? "于申报截止后提交" : "提交") + "，受理审查结论为“" + acceptance.label() + "”";
        Instant deadline = round.supplementDeadline();
        return switch (use) {
            case DECIDED_ON -> when + "；" + (correction ? "在补正期限" + round.localTime(deadline) + "之前，" : "") + use.label();
            case SUPERSEDED -> when + "；" + use.label();
            case AFTER_DEADLINE -> when + "；" + (deadline == null
                    ? "本轮未设定补正期限，申报截止后提交的版本不予采纳" : "晚于补正期限" + round.localTime(deadline) + "，未予采纳");
            case NOT_CALLED_FOR -> when + "；申报已截止，且前一版本未被通知补正，未予采纳";
        };
    }
}

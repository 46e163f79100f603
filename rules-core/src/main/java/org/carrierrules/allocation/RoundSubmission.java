package org.carrierrules.allocation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.carrierrules.Inputs;
import org.carrierrules.InvalidInputException;
import org.carrierrules.application.Application;

/**
 * Everything a round's outcome is decided from: its applications, the review of each (四(四): 实地考察
 * and 专家评审打分) and the objections raised during the public notice (四(五)). Whether the sheets fit
 * the scoring table of each application's carrier type is checked when the round is allocated; here, that the parts refer to each other
 * properly: every review and objection about an application of the round, at most one review per application.
 * An application may draw several objections (several people may object), and come in several versions: the same
 * id, submitted at different times (再次提交, or corrected after a 补正 notice); which one the round decides on is
 * the policy's ({@code supplement} in round.yaml).
 *
 * @param round        the round's id, e.g. {@code luohu-2024}; must be the round of the policy that allocates
 * @param applications every application of the round, each version of one as a record of its own
 * @param reviews      at most one per application; an accepted application without one cannot be ranked
 * @param objections   the objections and their outcome; may be empty
 */
public record RoundSubmission(String round, List<Application> applications, List<ExpertReview> reviews, List<Objection> objections) {
    public RoundSubmission {
        Inputs.requiredText(round, "round");
        applications = Inputs.requiredList(applications, "applications");
        reviews = Inputs.requiredList(reviews, "reviews");
        objections = Inputs.requiredList(objections, "objections");
        // The same id again is another version of that application (sent again, or corrected after 补正: 四(三)),
        // told apart by when it was submitted.
        Map<String, Integer> positions = new HashMap<>();
        Map<String, Integer> versions = new HashMap<>();
        for (int i = 0; i < applications.size(); i++) {
            Application application = applications.get(i);
            positions.putIfAbsent(application.id(), i);
            Integer same = versions.putIfAbsent(application.id() + "@" + application.submittedAt(), i);
            if (same != null) {
                throw new InvalidInputException("applications[" + i + "].submittedAt", "申报“" + application.id()
                        + "”的这一版本与 applications[" + same + "] 提交时间相同：同一编号的申报可有多个版本（再次提交或补正后提交），"
                        + "各版本的提交时间须不同；如是同一份申报录入了两次，请删去一份");
            }
        }
        Set<String> reviewed = new HashSet<>();
        for (ExpertReview review : reviews) {
            String id = review.applicationId();
            if (!positions.containsKey(id)) {
                throw new InvalidInputException("reviews[" + id + "]", "评审结果所属的申报 " + id + " 不在本轮的申报之中，请核对申报编号");
            }
            if (!reviewed.add(id)) {
                throw new InvalidInputException("reviews[" + id + "]", "申报 " + id + " 有不止一份评审结果：每份申报只能有一份评审结果，"
                        + "各位专家的评分都写在这一份的 expertScores 中");
            }
        }
        for (Objection objection : objections) {
            if (!positions.containsKey(objection.applicationId())) {
                throw new InvalidInputException("objections[" + objection.applicationId() + "]", "异议所针对的申报 "
                        + objection.applicationId() + " 不在本轮的申报之中，请核对申报编号");
            }
        }
    }

    /** A round's submission built a part at a time; reviews and objections default to none. */
    public static Builder builder(String round) {
        return new Builder(round);
    }

    /** Builds a {@link RoundSubmission}; not thread-safe, and every check happens in {@link #build()}. */
    public static final class Builder {
        private final String round;
        private final List<Application> applications = new ArrayList<>();
        private final List<ExpertReview> reviews = new ArrayList<>();
        private final List<Objection> objections = new ArrayList<>();

        private Builder(String round) {
            this.round = round;
        }

        public Builder application(Application... added) {
            applications.addAll(List.of(added));
            return this;
        }

        public Builder review(ExpertReview... added) {
            reviews.addAll(List.of(added));
            return this;
        }

        public Builder objection(Objection... added) {
            objections.addAll(List.of(added));
            return this;
        }

        /** @throws InvalidInputException naming the field, when the parts do not refer to each other properly */
        public RoundSubmission build() {
            return new RoundSubmission(round, applications, reviews, objections);
        }
    }
}

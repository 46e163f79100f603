package org.carrierrules.internal.scenario;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import org.carrierrules.InvalidInputException;
import org.carrierrules.allocation.Allocation;
import org.carrierrules.allocation.AllocationEntry;
import org.carrierrules.allocation.AllocationStatus;
import org.carrierrules.allocation.RoundSubmission;
import org.carrierrules.assessment.Acceptance;
import org.carrierrules.assessment.Assessment;
import org.carrierrules.internal.tree.Shape;
import org.carrierrules.json.AllocationInput;
import org.carrierrules.json.AllocationJson;
import org.carrierrules.json.ApplicationJson;

/**
 * A scenario about a round's submission: allocated (三、四(四)、四(五)) with the round's own notice start; the
 * status of each application it names compared, and exactly the reason codes it names for an application. An
 * application that differs and was not accepted has its assessment's findings said too: when those its
 * application base gives by itself are what kept it out, the failure comes from that base.
 */
final class SubmissionKind implements ScenarioKind {
    private static final List<String> STATUSES = Expect.names(AllocationStatus.values());

    @Override
    public String key() {
        return "submission";
    }

    @Override
    public String section() {
        return "submissions";
    }

    @Override
    public Shape shape() {
        return InputShapes.SUBMISSION;
    }

    @Override
    public String conclusion() {
        return "statuses";
    }

    @Override
    public String conclusionLabel() {
        return "各申报的名单状态";
    }

    @Override
    public Set<String> expectKeys() {
        return Set.of("statuses", "reasons", "error");
    }

    @Override
    public Check check(Expect expect, LocalDate asOf) {
        Map<String, String> statuses = expect.oneOfById("statuses", STATUSES);
        Map<String, List<String>> reasons = expect.textsById("reasons");
        // No keys of a submission's expect:, and reported as unknown; a malformed one is reported as such too, as in any scenario.
        expect.optionalTexts("codes");
        expect.optionalTexts("messages");
        return (policy, input, base) -> {
            Allocation allocation = policy.allocate(submission(input), null);
            Map<String, AllocationEntry> entries = new TreeMap<>();
            allocation.entries().forEach(entry -> entries.put(entry.applicationId(), entry));
            Map<String, Assessment> assessments = new TreeMap<>();
            allocation.assessments().forEach(assessment -> assessments.put(assessment.applicationId(), assessment));
            Set<String> ids = new TreeSet<>(statuses.keySet());
            ids.addAll(reasons.keySet());
            Map<String, String> materials = policy.roundInfo().materialNames();
            Failures failures = new Failures();
            for (String id : ids) {
                AllocationEntry entry = entries.get(id);
                List<String> lines = new ArrayList<>();
                String status = statuses.get(id);
                String actualStatus = entry == null ? null : entry.status().name();
                if (status != null && !status.equals(actualStatus)) {
                    lines.add(id + " 的名单状态预期为 " + status + "，实为 " + actualStatus);
                }
                if (reasons.containsKey(id)) {
                    List<Item> actual = entry == null ? List.of() : entry.reasons().stream().map(Item::of).toList();
                    CodeDiff diff = CodeDiff.of(reasons.get(id), actual, item -> false);
                    diff.extra().forEach(i -> lines.add(id + " 多出 " + actual.get(i).shown()));
                    diff.missing().forEach(code -> lines.add(id + " 少了 " + code));
                }
                Assessment assessment = assessments.get(id);
                if (lines.isEmpty() || assessment == null || assessment.acceptance() == Acceptance.ACCEPTED) {
                    lines.forEach(failures::add);
                    continue;
                }
                // Not accepted, so not ranked (四(三)): what the assessment found is why.
                Decision decided = Decision.of(assessment, materials);
                lines.add(id + " 的受理审查结论为 " + decided.conclusion() + "："
                        + decided.items().stream().map(Item::shown).collect(Collectors.joining("；")));
                FromBase fromBase = notAcceptedBecauseOf(applicationBase(input, base, id), decided, policy, materials);
                lines.forEach(line -> failures.add(line, fromBase));
            }
            return failures.outcome(allocation.firedRules());
        };
    }

    /**
     * The application base {@code id} was written {@code {from: 样例名}} in the submission's base, when the scenario
     * left it in its place; else null.
     */
    private static Base applicationBase(JsonNode input, Base base, String id) {
        JsonNode applications = input.path("applications");
        for (int i = 0; i < applications.size(); i++) {
            if (id.equals(applications.get(i).path("id").asText(null))
                    && id.equals(base.input().path("applications").path(i).path("id").asText(null))) {
                return base.applications().get(i);
            }
        }
        return null;
    }

    /**
     * What the application base comes to by itself that makes an application built on it not accepted: the findings
     * they share, when without them it would be accepted; else null.
     */
    private static FromBase notAcceptedBecauseOf(Base application, Decision decided, ScenarioSubject policy, Map<String, String> materials) {
        if (application == null) {
            return null;
        }
        Decision unchanged = Check.unlessRefused(() -> Decision.of(policy.assess(ApplicationJson.read(application.input())), materials));
        if (unchanged == null) {
            return null;
        }
        Set<Integer> shared = new TreeSet<>();
        for (int i = 0; i < decided.items().size(); i++) {
            if (decided.items().get(i).foundIn(unchanged.items())) {
                shared.add(i);
            }
        }
        return Acceptance.ACCEPTED.name().equals(decided.conclusionWithout().apply(shared))
                ? FromBase.of(application, unchanged.items(), decided.items(), shared) : null;
    }

    /** The submission, or its first error refused as a host's call would refuse it. */
    private static RoundSubmission submission(JsonNode input) {
        AllocationInput read = AllocationJson.read(input);
        if (read instanceof AllocationInput.Invalid invalid) {
            throw new InvalidInputException(invalid.errors().get(0).field(), invalid.errors().get(0).message());
        }
        return ((AllocationInput.Valid) read).submission();
    }
}

package org.carrierrules.internal.scenario;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import org.carrierrules.InvalidInputException;
import org.carrierrules.allocation.Allocation;
import org.carrierrules.allocation.AllocationEntry;
import org.carrierrules.allocation.AllocationReason;
import org.carrierrules.allocation.AllocationStatus;
import org.carrierrules.allocation.RoundSubmission;
import org.carrierrules.internal.tree.Shape;
import org.carrierrules.json.AllocationInput;
import org.carrierrules.json.AllocationJson;

/**
 * A scenario about a round's submission: allocated (三、四(四)、四(五)) with the round's own notice start; the
 * status of each application it names compared, and exactly the reason codes it names for an application.
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
        return (policy, input) -> {
            Allocation allocation = policy.allocate(submission(input), null);
            Map<String, String> actualStatuses = new TreeMap<>();
            Map<String, List<String>> actualReasons = new TreeMap<>();
            for (AllocationEntry entry : allocation.entries()) {
                actualStatuses.put(entry.applicationId(), entry.status().name());
                actualReasons.put(entry.applicationId(), entry.reasons().stream().map(AllocationReason::code).toList());
            }
            List<String> failures = new ArrayList<>();
            statuses.forEach((id, status) -> {
                if (!status.equals(actualStatuses.get(id))) {
                    failures.add(id + " 的名单状态预期为 " + status + "，实为 " + actualStatuses.get(id));
                }
            });
            reasons.forEach((id, codes) -> {
                List<String> actual = actualReasons.getOrDefault(id, List.of()).stream().sorted().toList();
                if (!codes.stream().sorted().toList().equals(actual)) {
                    failures.add(id + " 的理由代码预期为 " + codes + "，实为 " + actual);
                }
            });
            return new Check.Outcome(failures, allocation.firedRules());
        };
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

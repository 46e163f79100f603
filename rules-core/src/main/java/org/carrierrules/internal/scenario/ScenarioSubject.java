package org.carrierrules.internal.scenario;

import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;

import org.carrierrules.PolicyRef;
import org.carrierrules.allocation.Allocation;
import org.carrierrules.allocation.RoundSubmission;
import org.carrierrules.application.Application;
import org.carrierrules.assessment.Assessment;
import org.carrierrules.policy.RoundInfo;
import org.carrierrules.supervision.Carrier;
import org.carrierrules.supervision.SupervisionDecision;

/**
 * What a scenario decides against: a loaded policy, seen only through its decisions, so that scenarios
 * depend on what a policy does and not on how it is loaded or compiled.
 */
public interface ScenarioSubject {
    PolicyRef ref();

    /** The round, for the names of its materials in a failure. */
    RoundInfo roundInfo();

    Assessment assess(Application application);

    /** The round's allocation; {@code noticeStart} null for the round's own default. */
    Allocation allocate(RoundSubmission submission, LocalDate noticeStart);

    SupervisionDecision supervise(Carrier carrier, LocalDate asOf);

    /**
     * The same policy with some values of round.yaml changed, for scenarios about rounds other than this one.
     *
     * @throws org.carrierrules.policy.PolicyException when a change makes the round invalid
     */
    ScenarioSubject withRoundChanges(JsonNode changes);
}

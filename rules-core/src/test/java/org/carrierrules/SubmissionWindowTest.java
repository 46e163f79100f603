package org.carrierrules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.carrierrules.application.Application;
import org.carrierrules.assessment.Acceptance;
import org.carrierrules.assessment.Assessment;
import org.carrierrules.assessment.Finding;
import org.carrierrules.json.ApplicationJson;
import org.carrierrules.testing.Printed;

/**
 * 四(一): “2024年8月12日至25日18时”, Beijing time, both ends included. Timestamps go through the JSON
 * reader, so that the contract's reading of offsets (none = Beijing, Z converted) is what is tested.
 */
class SubmissionWindowTest {
    private static final CarrierRules RULES = CarrierRules.bundled();

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "2024-08-25T18:00:00+08:00, ACCEPTED",      // the last second of the window
        "2024-08-25T18:00:01+08:00, NOT_ACCEPTED",  // one second late
        "2024-08-25T10:00:00Z,      ACCEPTED",      // 18:00 in Beijing
        "2024-08-25T10:30:00Z,      NOT_ACCEPTED",  // the contract's example: 18:30 in Beijing
        "2024-08-25T18:00:00,       ACCEPTED",      // no offset: Beijing time
        "2024-08-25T18:00:01,       NOT_ACCEPTED",
        "2024-08-12T00:00:00+08:00, ACCEPTED",      // the first second of the window
        "2024-08-11T23:59:59+08:00, NOT_ACCEPTED",  // one second before opening
        "2024-08-11T16:00:00Z,      ACCEPTED",      // 2024-08-12 00:00 in Beijing
        "2024-08-11T15:59:59Z,      NOT_ACCEPTED",
        "2024-08-25T12:00:00+02:00, ACCEPTED",      // another offset: 10:00Z, 18:00 in Beijing
        "2024-08-25T12:00:01+02:00, NOT_ACCEPTED",
    })
    void window(String submittedAt, Acceptance expected) {
        Application application = ApplicationJson.read(
                Printed.application(ValidApplications.base()).put("submittedAt", submittedAt));

        Assessment assessment = RULES.assess(application);

        assertEquals(expected, assessment.acceptance());
        assertEquals(expected == Acceptance.ACCEPTED ? List.of() : List.of("SUBMITTED_OUTSIDE_WINDOW"),
                assessment.findings().stream().map(Finding::code).toList());
    }
}

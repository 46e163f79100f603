package org.carrierrules.allocation;

import org.carrierrules.Inputs;

/**
 * An objection raised against an application while the candidate list was publicly noticed
 * (四(五) 公示), and whether the bureau found it well founded (异议成立).
 *
 * @param applicationId the application objected to
 * @param upheld        true when the objection was upheld (异议成立), false when it was not (异议不成立)
 */
public record Objection(String applicationId, boolean upheld) {
    public Objection {
        Inputs.requiredText(applicationId, "applicationId");
    }
}

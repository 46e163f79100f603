package org.carrierrules.assessment;

import java.util.List;

import org.carrierrules.CarrierType;
import org.carrierrules.PolicyRef;

/**
 * The answer to one application under 四(三) 受理.
 *
 * @param applicationId the application's id
 * @param carrierType   the kind of carrier applied for
 * @param eligible      true when no finding is INELIGIBLE
 * @param acceptance    what follows from the findings' severities
 * @param findings      everything the rules found, most serious first
 * @param policy        the policy that decided
 */
public record Assessment(String applicationId, CarrierType carrierType, boolean eligible, Acceptance acceptance,
                         List<Finding> findings, PolicyRef policy) {
    public Assessment {
        findings = List.copyOf(findings);
        if (acceptance != Acceptance.of(findings) || eligible != (acceptance != Acceptance.NOT_ACCEPTED)) {
            throw new IllegalArgumentException("acceptance " + acceptance + " and eligible " + eligible
                    + " do not follow from the findings' severities");
        }
    }

    /** The findings of one code, in order. */
    public List<Finding> findings(String code) {
        return findings.stream().filter(f -> f.code().equals(code)).toList();
    }
}

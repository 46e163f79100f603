package org.carrierrules.assessment;

import java.util.Collection;

/** The answer to an application under 四(三) 受理. */
public enum Acceptance {
    /** 受理: eligible and materials complete and in form. */
    ACCEPTED("受理"),
    /** 通知补正材料: eligible, but materials are incomplete or not in the required form. */
    SUPPLEMENT_REQUIRED("需补正"),
    /** 不予受理: outside the applicants, carrier types or window of the round. */
    NOT_ACCEPTED("不予受理");

    private final String label;

    Acceptance(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * Acceptance follows from the severities of the findings alone: any INELIGIBLE finding means
     * NOT_ACCEPTED, else any DEFECT means SUPPLEMENT_REQUIRED, else ACCEPTED.
     */
    public static Acceptance of(Collection<Finding> findings) {
        boolean defect = false;
        for (Finding finding : findings) {
            if (finding.severity() == Severity.INELIGIBLE) {
                return NOT_ACCEPTED;
            }
            defect |= finding.severity() == Severity.DEFECT;
        }
        return defect ? SUPPLEMENT_REQUIRED : ACCEPTED;
    }
}

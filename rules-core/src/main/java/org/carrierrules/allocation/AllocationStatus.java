package org.carrierrules.allocation;

/** Where an application stands when the round's candidate list (候选名单) is decided; each has exactly one. */
public enum AllocationStatus {
    /** On the candidate list of its carrier type (三, 四(四)). */
    CANDIDATE("列入候选名单"),
    /** Ranked, but its type's places went to higher-ranked applications (三). */
    NOT_SELECTED("未入选"),
    /** Not ranked at all: not accepted, not reviewed, site visit failed or below the passing score (四(三), 四(四)). */
    NOT_RANKED("未参加排名"),
    /** Ranked, then taken off because an objection against it was upheld (异议成立, 四(五)). */
    REMOVED_BY_OBJECTION("异议成立被取消");

    private final String label;

    AllocationStatus(String label) {
        this.label = label;
    }

    /** The Chinese name used in reports. */
    public String label() {
        return label;
    }
}

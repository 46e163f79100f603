package org.carrierrules.supervision;

/**
 * What supervision (跟踪管理, notice 五) found about a recognised carrier. Each type is one of the
 * situations 五 names; the label is its wording there.
 */
public enum EventType {
    /** 以弄虚作假、欺骗等手段获得认定: found to have obtained recognition by fraud or deception. */
    FRAUD_FOUND("以弄虚作假、欺骗等手段获得认定"),
    /** 失联: the carrier cannot be reached. */
    LOST_CONTACT("失联"),
    /** 外迁: the carrier has moved away. */
    RELOCATED_OUT("外迁"),
    /** 无法继续正常开展培训活动: the carrier can no longer run its training normally. */
    TRAINING_DISCONTINUED("无法继续正常开展培训活动"),
    /** 不能履行职责: the carrier does not fulfil its duties (to be corrected, not revoked). */
    DUTIES_NOT_FULFILLED("不能履行职责");

    private final String label;

    EventType(String label) {
        this.label = label;
    }

    /** The Chinese wording of 五. */
    public String label() {
        return label;
    }
}

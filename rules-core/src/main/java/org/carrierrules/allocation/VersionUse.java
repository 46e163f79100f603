package org.carrierrules.allocation;

/**
 * What a round made of one version of an application (四(三) 受理: "申报材料不齐全或者不符合法定形式的，应当通知补正材料").
 * Within the window the latest version is the application; after it, a version is taken only as the correction of
 * one told to supplement, by the deadline the round sets ({@code supplement.deadline} in round.yaml).
 */
public enum VersionUse {
    /** The version the round decided on. */
    DECIDED_ON("据此决定"),
    /** A later version within the window, or a corrected one, took its place. */
    SUPERSEDED("已由其后提交的版本取代"),
    /** Submitted after the window closed, but after the deadline for corrections too (or the round sets none). */
    AFTER_DEADLINE("补正期限已过，未予采纳"),
    /** Submitted after the window closed, though the version before it had not been told to supplement. */
    NOT_CALLED_FOR("前一版本未被通知补正，未予采纳");

    private final String label;

    VersionUse(String label) {
        this.label = label;
    }

    /** As a report says it. */
    public String label() {
        return label;
    }
}

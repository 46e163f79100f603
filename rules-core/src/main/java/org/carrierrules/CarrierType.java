package org.carrierrules;

/** The three kinds of carrier a round may recognise (notice, 一). */
public enum CarrierType {
    HIGH_SKILL_TRAINING_BASE("高技能人才培训基地"),
    SKILL_MASTER_STUDIO("技能大师工作室"),
    RURAL_REVITALIZATION_STATION("乡村振兴技能工作站");

    private final String label;

    CarrierType(String label) {
        this.label = label;
    }

    /** The Chinese name used in notices and reports. */
    public String label() {
        return label;
    }
}

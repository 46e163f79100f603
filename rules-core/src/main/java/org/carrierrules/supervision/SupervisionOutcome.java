package org.carrierrules.supervision;

import java.util.Collection;
import java.util.Map;

/** What 跟踪管理 (notice 五) decides for a carrier; the order of the constants is the order of gravity. */
public enum SupervisionOutcome {
    /** 取消认定: a ground of 五 for revocation holds. Under 五 the city bureau revokes; the district reports. */
    REVOKE("取消认定"),
    /** 通知改正: the carrier does not fulfil its duties and is told to correct this. */
    RECTIFY("通知改正"),
    /** 保持认定: nothing found. */
    KEEP("保持认定");

    /**
     * Which outcome each ground code of the contract calls for. Fixed here, not in the rules, so that a
     * rule can add a ground but never decide the outcome (contract: "REVOKE wins over RECTIFY").
     */
    private static final Map<String, SupervisionOutcome> GROUNDS = Map.of(
            "OBTAINED_BY_FRAUD", REVOKE,
            "LOST_CONTACT", REVOKE,
            "RELOCATED_OUT", REVOKE,
            "TRAINING_DISCONTINUED", REVOKE,
            "NO_TRAINING_THREE_YEARS", REVOKE,
            "DUTIES_NOT_FULFILLED", RECTIFY);

    private final String label;

    SupervisionOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The outcome one ground calls for.
     *
     * @throws IllegalArgumentException when {@code code} is not a ground code of the contract
     */
    public static SupervisionOutcome ofGround(String code) {
        SupervisionOutcome outcome = GROUNDS.get(code);
        if (outcome == null) {
            throw new IllegalArgumentException("“" + code + "”不是跟踪管理的理由代码；可用代码为："
                    + String.join("、", GROUNDS.keySet().stream().sorted().toList()));
        }
        return outcome;
    }

    /** The outcome follows from the grounds alone: any REVOKE ground wins, else any RECTIFY ground, else KEEP. */
    public static SupervisionOutcome of(Collection<Ground> grounds) {
        SupervisionOutcome outcome = KEEP;
        for (Ground ground : grounds) {
            if (ground.outcome().compareTo(outcome) < 0) {
                outcome = ground.outcome();
            }
        }
        return outcome;
    }
}

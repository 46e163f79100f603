package org.carrierrules.internal.facts;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.carrierrules.CarrierType;
import org.carrierrules.internal.policy.PolicyFiles;
import org.carrierrules.internal.policy.PolicyStatus;
import org.carrierrules.internal.policy.RoundFile;
import org.carrierrules.internal.policy.RubricChecks;
import org.carrierrules.internal.policy.RubricFile;
import org.carrierrules.policy.PolicyProblem;

/**
 * The scoring table of each carrier type (四(四) 评审打分), from {@code rubric.yaml}: one {@link Rubric} for
 * every type whose table is the same, so that the types of a round with a single table share one. A type the
 * round does not open may have none. Immutable and safe to share between threads.
 */
public final class Rubrics {
    private final boolean illustrative;
    private final Map<CarrierType, Rubric> byType;

    private Rubrics(RubricFile file) {
        this.illustrative = file.status() == PolicyStatus.ILLUSTRATIVE;
        Map<RubricFile.Table, Rubric> distinct = new HashMap<>();
        Map<CarrierType, Rubric> tables = new EnumMap<>(CarrierType.class);
        for (CarrierType type : CarrierType.values()) {
            RubricFile.Table table = file.table(type);
            if (table != null) {
                tables.put(type, distinct.computeIfAbsent(table, Rubric::new));
            }
        }
        this.byType = Collections.unmodifiableMap(tables);
    }

    /**
     * The rubric of a policy directory, read and checked against the round it scores (null when the round could
     * not be read); null, with the problems added, when it is wrong.
     */
    public static Rubrics read(PolicyFiles files, RoundFile round, List<PolicyProblem> problems) {
        RubricFile file = RubricChecks.read(files, round, problems);
        return file == null ? null : new Rubrics(file);
    }

    /** The table applications of this type are scored on; null for a type the round does not open and the file gives none. */
    public Rubric of(CarrierType type) {
        return byType.get(type);
    }

    /** True while the rubric is a stand-in for 附件2 (评审细则), which was not published with the notice. */
    public boolean illustrative() {
        return illustrative;
    }
}

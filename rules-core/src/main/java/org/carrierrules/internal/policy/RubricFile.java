package org.carrierrules.internal.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import org.carrierrules.CarrierType;

/**
 * The shape of {@code rubric.yaml}: how experts score an application (四(四) 评审打分) and how their
 * scores are combined, for each carrier type. The scoring table at the top is common to every type;
 * {@code byCarrierType} gives a type a table of its own, each key written there taking the place of the
 * common one (items as a whole list), so that a round whose types are scored alike writes one table, and one
 * whose 附件2 scores bases and studios on different things writes what differs. Read strictly: an unknown or
 * misspelled key is an error, not something ignored. Which of a table's keys are required depends on the
 * others (each type's table, merged, must have all four), so they are checked by {@link RubricChecks}
 * rather than required by this record.
 *
 * @param status           OFFICIAL, or ILLUSTRATIVE while 附件2 (评审细则) is unavailable
 * @param reference        the clause and document the rubric comes from
 * @param total            full marks of the common table; the items' maximums add up to it
 * @param passingScore     the least score that may be ranked
 * @param trimAboveExperts from this many experts on, the single highest and lowest totals are dropped
 * @param items            what each expert scores, in the order of the scoring sheet
 * @param byCarrierType    what a carrier type's table has other than the common one; may be left out
 */
public record RubricFile(@JsonProperty(required = true) @JsonPropertyDescription("OFFICIAL 或 ILLUSTRATIVE") PolicyStatus status,
                         @JsonProperty(required = true) @JsonPropertyDescription("评分细则的出处") String reference,
                         Integer total, Integer passingScore, Integer trimAboveExperts, List<Item> items,
                         Map<CarrierType, Table> byCarrierType) {

    public RubricFile {
        // A LinkedHashMap, not Map.copyOf: a type written with nothing under it is a null, which the checks report.
        byCarrierType = byCarrierType == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(byCarrierType));
    }

    /** One line of the scoring sheet: its code, its Chinese name and its full marks. */
    public record Item(@JsonProperty(required = true) @JsonPropertyDescription("评分项代码，如 FACULTY") String code,
                       @JsonProperty(required = true) @JsonPropertyDescription("评分项名称，如 师资力量") String name,
                       @JsonProperty(required = true) @JsonPropertyDescription("该项满分") Integer max) {
    }

    /**
     * A scoring table, or part of one: its full marks, passing score, trimming threshold and items; a key not
     * written is a null.
     */
    public record Table(Integer total, Integer passingScore, Integer trimAboveExperts, List<Item> items) {
        /** This table's keys, and those of {@code common} where it has none. */
        Table over(Table common) {
            return new Table(total != null ? total : common.total, passingScore != null ? passingScore : common.passingScore,
                    trimAboveExperts != null ? trimAboveExperts : common.trimAboveExperts, items != null ? items : common.items);
        }

        /** Whether every key is written: a table that can score. */
        boolean complete() {
            return total != null && passingScore != null && trimAboveExperts != null && items != null;
        }
    }

    /** The common table, written at the top of the file; not complete when every type the round opens has its own. */
    public Table common() {
        return new Table(total, passingScore, trimAboveExperts, items);
    }

    /** The table a carrier type is scored on: its own keys over the common ones; null when it has no complete table. */
    public Table table(CarrierType type) {
        Table own = byCarrierType.get(type);
        Table table = own == null ? common() : own.over(common());
        return table.complete() ? table : null;
    }
}

package org.carrierrules.internal.policy;

import java.util.List;

/**
 * The shape of {@code rubric.yaml}: how experts score an application (四(四) 评审打分) and how their
 * scores are combined. Read strictly: an unknown or misspelled key is an error, not something ignored.
 *
 * @param status           OFFICIAL, or ILLUSTRATIVE while 附件2 (评审细则) is unavailable
 * @param reference        the clause and document the rubric comes from
 * @param total            full marks; the items' maximums add up to it
 * @param passingScore     the least score that may be ranked
 * @param trimAboveExperts from this many experts on, the single highest and lowest totals are dropped
 * @param items            what each expert scores, in the order of the scoring sheet
 */
public record RubricFile(PolicyStatus status, String reference, Integer total, Integer passingScore, Integer trimAboveExperts,
                  List<Item> items) {

    /** One line of the scoring sheet: its code, its Chinese name and its full marks. */
    public record Item(String code, String name, Integer max) {
    }
}

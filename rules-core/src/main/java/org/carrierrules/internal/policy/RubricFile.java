package org.carrierrules.internal.policy;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * The shape of {@code rubric.yaml}: how experts score an application (四(四) 评审打分) and how their
 * scores are combined. Read strictly: an unknown or misspelled key is an error, not something ignored, and
 * every key is required; the description of each is what the message about its absence says it holds.
 *
 * @param status           OFFICIAL, or ILLUSTRATIVE while 附件2 (评审细则) is unavailable
 * @param reference        the clause and document the rubric comes from
 * @param total            full marks; the items' maximums add up to it
 * @param passingScore     the least score that may be ranked
 * @param trimAboveExperts from this many experts on, the single highest and lowest totals are dropped
 * @param items            what each expert scores, in the order of the scoring sheet
 */
public record RubricFile(@JsonProperty(required = true) @JsonPropertyDescription("OFFICIAL 或 ILLUSTRATIVE") PolicyStatus status,
                         @JsonProperty(required = true) @JsonPropertyDescription("评分细则的出处") String reference,
                         @JsonProperty(required = true) @JsonPropertyDescription("满分") Integer total,
                         @JsonProperty(required = true) @JsonPropertyDescription("合格分") Integer passingScore,
                         @JsonProperty(required = true) @JsonPropertyDescription("专家人数达到多少时去掉一个最高分和一个最低分")
                         Integer trimAboveExperts,
                         @JsonProperty(required = true) @JsonPropertyDescription("评分项目") List<Item> items) {

    /** One line of the scoring sheet: its code, its Chinese name and its full marks. */
    public record Item(@JsonProperty(required = true) @JsonPropertyDescription("评分项代码，如 FACULTY") String code,
                       @JsonProperty(required = true) @JsonPropertyDescription("评分项名称，如 师资力量") String name,
                       @JsonProperty(required = true) @JsonPropertyDescription("该项满分") Integer max) {
    }
}

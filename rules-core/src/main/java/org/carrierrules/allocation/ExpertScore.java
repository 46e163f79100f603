package org.carrierrules.allocation;

import java.math.BigDecimal;
import java.util.Map;

import org.carrierrules.Inputs;
import org.carrierrules.InvalidInputException;

/**
 * One expert's scoring sheet for one application (四(四): 由专家对申报单位进行评审打分).
 *
 * @param expert who scored, e.g. {@code E2}; unique within a review
 * @param items  points per rubric item code, e.g. {@code FACULTY → 17.5}; whether the codes and points
 *               fit the scoring table of the application's carrier type is checked when the review is scored
 */
public record ExpertScore(String expert, Map<String, BigDecimal> items) {
    public ExpertScore {
        Inputs.requiredText(expert, "expert");
        Inputs.required(items, "items");
        for (Map.Entry<String, BigDecimal> item : items.entrySet()) {
            if (item.getKey() == null || item.getKey().isBlank()) {
                throw new InvalidInputException("items", "评分项代码不能为空");
            }
            Inputs.required(item.getValue(), "items." + item.getKey());
        }
        items = Map.copyOf(items);
    }
}

package org.carrierrules.internal.language;

import java.util.List;
import java.util.function.Function;

/**
 * A conclusion's message as staff wrote it ({@code {材料名称}扫描件未加盖公章}), split once when the policy
 * loads into text and the slots the checker resolved, so that filling it in is a walk over its parts.
 */
public record Message(List<Part> parts) {
    public Message {
        parts = List.copyOf(parts);
    }

    /** A piece of a message. */
    public sealed interface Part permits Text, SlotUse {
    }

    /** Words shown as written. */
    public record Text(String text) implements Part {
    }

    /** A {@code {名称}}, filled in when the rule fires. */
    public record SlotUse(Vocabulary.Slot slot) implements Part {
    }

    /**
     * The message with its slots filled.
     *
     * @param bound      the value of a rule variable in the firing match
     * @param parameters the stage's parameter object: the round in 受理审查, the supervision rules in 跟踪管理
     * @param format     how a value is written in Chinese
     */
    public String render(Function<String, Object> bound, Object parameters, Function<Object, String> format) {
        if (parts.size() == 1 && parts.get(0) instanceof Text text) {
            return text.text();
        }
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Text text) {
                out.append(text.text());
            } else if (part instanceof SlotUse use) {
                Vocabulary.Slot slot = use.slot();
                Object variable = slot.variable() == null ? null : bound.apply(slot.variable());
                out.append(format.apply(slot.isParameter() ? slot.read().apply(parameters, variable) : variable));
            }
        }
        return out.toString();
    }
}

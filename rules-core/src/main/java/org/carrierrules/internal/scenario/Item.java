package org.carrierrules.internal.scenario;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.carrierrules.InvalidInputException;
import org.carrierrules.allocation.AllocationReason;
import org.carrierrules.assessment.Finding;
import org.carrierrules.supervision.Ground;

/**
 * One finding, ground or reason of a decision, as a scenario's failure names it: its code, what it is about and
 * what it says, so that staff see which material or field differs and not only which code.
 *
 * @param code    its code
 * @param about   what it is about, e.g. {@code 材料 FACULTY 师资队伍情况} or {@code 字段 paperCopy.copies}; null when nothing is known
 * @param message what it says
 */
record Item(String code, String about, String message) {
    /** The contract's code of a refused record ({@code InputError.INVALID_INPUT}). */
    static final String REFUSED = "INVALID_INPUT";

    /**
     * A finding: about its material (code and name from the policy's catalogue) when it names one, else about the
     * input field its code is about ({@link CodeFields}).
     */
    static Item of(Finding finding, Map<String, String> materialNames) {
        if (finding.material() != null) {
            String name = materialNames.get(finding.material());
            return new Item(finding.code(), "材料 " + finding.material() + (name == null ? "" : " " + name), finding.message());
        }
        if (finding.fact() != null) {
            return new Item(finding.code(), "事实 facts." + finding.fact(), finding.message());
        }
        return new Item(finding.code(), CodeFields.about(finding.code()), finding.message());
    }

    /** The input refused, as the contract's error names it: a base that every scenario built on it inherits. */
    static Item refusal(InvalidInputException e) {
        return new Item(REFUSED, "字段 " + e.field(), e.problem());
    }

    /** Whether this is the refusal of an input rather than something decided. */
    boolean isRefusal() {
        return REFUSED.equals(code);
    }

    static Item of(Ground ground) {
        return new Item(ground.code(), CodeFields.about(ground.code()), ground.message());
    }

    /** A reason: the entry it belongs to names its application; the reason is about nothing more. */
    static Item of(AllocationReason reason) {
        return new Item(reason.code(), null, reason.message());
    }

    /** Whether {@code other} is the same thing found: the same code about the same thing, whatever its message says. */
    boolean sameAs(Item other) {
        return code.equals(other.code) && Objects.equals(about, other.about);
    }

    /** Whether the same thing is among {@code items}. */
    boolean foundIn(List<Item> items) {
        return items.stream().anyMatch(this::sameAs);
    }

    /** {@code MATERIAL_MISSING（材料 FACULTY 师资队伍情况）：缺少师资队伍情况}. */
    String shown() {
        return code + (about == null ? "" : "（" + about + "）") + "：" + message;
    }
}

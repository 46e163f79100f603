package org.carrierrules.application;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.carrierrules.CarrierType;

/**
 * One fact a policy declares in its {@code facts.yaml}: what an application carries under {@code key}, how
 * staff name it in rules and messages, what kind of value it is, and which applications must supply it.
 *
 * @param key         the key in an application's {@code facts}, e.g. {@code annualTrainees}
 * @param label       the Chinese name rules use, e.g. {@code 年培训人数}
 * @param type        the kind of value
 * @param unit        the unit of a number, e.g. {@code 人}; empty when it has none
 * @param clause      the clause of the notice (or of its attachment) the fact serves
 * @param requiredFor the carrier types whose applications must supply it; empty when it may always be left out
 * @param choices     for {@link FactType#CHOICE}, the values by key with their Chinese labels, in order; else empty
 */
public record FactDeclaration(String key, String label, FactType type, String unit, String clause,
                              Set<CarrierType> requiredFor, Map<String, String> choices) {
    public FactDeclaration {
        unit = unit == null ? "" : unit;
        requiredFor = requiredFor.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(requiredFor));
        choices = Collections.unmodifiableMap(new LinkedHashMap<>(choices));
    }

    /** Whether an application for {@code carrierType} must carry this fact. */
    public boolean requiredOf(CarrierType carrierType) {
        return requiredFor.contains(carrierType);
    }
}

package org.carrierrules.internal.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.carrierrules.CarrierType;

/** The shape of {@code materials.yaml}: the material catalogue and what each carrier type must hand in. */
public record MaterialsFile(PolicyStatus status, String reference, LinkedHashMap<String, String> catalogue, Required required) {

    public record Required(List<String> common, Map<CarrierType, List<String>> byCarrierType) {
    }
}

package org.carrierrules.internal.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import org.carrierrules.CarrierType;

/**
 * The shape of {@code materials.yaml}: the material catalogue and what each carrier type must hand in. Read
 * strictly: an unknown or misspelled key is an error, and so is a key missing or empty.
 */
public record MaterialsFile(@JsonProperty(required = true) @JsonPropertyDescription("OFFICIAL 或 ILLUSTRATIVE") PolicyStatus status,
                            @JsonProperty(required = true) String reference,
                            @JsonProperty(required = true) LinkedHashMap<String, String> catalogue,
                            @JsonProperty(required = true) Required required) {

    public record Required(@JsonProperty(required = true) List<String> common,
                           @JsonProperty(required = true) Map<CarrierType, List<String>> byCarrierType) {
    }
}

package org.carrierrules.internal.facts;

import org.carrierrules.CarrierType;

/**
 * The places of one carrier type (三 认定名额), from {@code round.yaml}: a fact, one per type, so that
 * the rules compare ranks with the quota without any number written in them.
 */
public record Quota(CarrierType carrierType, int places) {
}

package org.carrierrules.internal.language;

import org.carrierrules.application.FactSchema;
import org.carrierrules.internal.facts.RoundParameters;

/**
 * The names a policy adds to the vocabulary: the facts it declares ({@code facts.yaml}) and the round's
 * parameters ({@code parameters.yaml}), which its rules may speak of in fact sentences and messages.
 */
public record PolicyTerms(FactSchema facts, RoundParameters parameters) {
    /** A policy that declares nothing: its rules use the vocabulary's sentences only. */
    public static final PolicyTerms NONE = new PolicyTerms(FactSchema.NONE, RoundParameters.none());
}

package org.carrierrules.internal.facts;

/** Inserted by the rules for an application put on the candidate list (候选名单). */
public record Selected(AllocationCase application) {
}

package org.carrierrules.internal.policy;

/** Whether a policy file holds the official text or an illustrative stand-in that staff must replace. */
public enum PolicyStatus {
    OFFICIAL,
    ILLUSTRATIVE
}

package org.carrierrules.internal;

/** Whether a policy file holds the official text or an illustrative stand-in that staff must replace. */
public enum PolicyStatus {
    OFFICIAL,
    ILLUSTRATIVE
}

package org.carrierrules.assessment;

/** How much a finding weighs; the order of the constants is the order of gravity. */
public enum Severity {
    /** The applicant or the application is outside what the round admits: not accepted. */
    INELIGIBLE,
    /** Materials incomplete or not in the required form: to be corrected (补正, 四(三)). */
    DEFECT,
    /** Worth telling the applicant; changes nothing. */
    NOTE
}

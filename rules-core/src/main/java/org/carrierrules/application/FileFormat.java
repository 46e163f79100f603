package org.carrierrules.application;

/** Format of a submitted file (notice, 四(二): PDF scans, WORD and PDF electronic copies). */
public enum FileFormat {
    PDF, WORD, IMAGE, OTHER
}

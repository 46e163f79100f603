package org.carrierrules.documents;

/** What a document is rendered as. */
public enum DocumentFormat {
    /** Plain text, lines as the template writes them: for a terminal or a plain-text e-mail. */
    TEXT,
    /** Markdown, values escaped so that no name or message can become markup. */
    MARKDOWN,
    /**
     * Printable HTML: A4, one document per page, every text HTML-escaped; the policy's fingerprint only in a small
     * audit footer.
     */
    HTML
}

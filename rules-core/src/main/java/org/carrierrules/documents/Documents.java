package org.carrierrules.documents;

import java.util.List;

/**
 * The documents of one policy ({@code CarrierRules.documents()}), worded by its templates: thread-safe, and bound to
 * the policy that was serving when it was obtained, so a reload never mixes two policies' wording in one document.
 */
public interface Documents {

    /** The document as text, Markdown, or a printable HTML page of its own. */
    String render(Document document, DocumentFormat format);

    /** One printable HTML file holding every document, each beginning on a new A4 page, in the order given. */
    String printable(List<? extends Document> documents);
}

package org.carrierrules.application;

import org.carrierrules.Inputs;
import org.carrierrules.InvalidInputException;

/**
 * The bound paper copy handed in at the bureau (四(二): A4纸装订成册（一式两份），编制目录和页码).
 *
 * @param copies          how many copies were handed in
 * @param paperSize       the paper size, e.g. {@code A4}
 * @param bound           bound as a volume (装订成册)
 * @param tableOfContents with a table of contents (目录)
 * @param pageNumbers     with page numbers (页码)
 */
public record PaperCopy(int copies, String paperSize, boolean bound, boolean tableOfContents, boolean pageNumbers) {
    public PaperCopy {
        if (copies < 0) {
            throw new InvalidInputException("copies", "份数不能为负数：" + copies);
        }
        Inputs.requiredText(paperSize, "paperSize");
    }

    /** A paper copy as the notice asks for it (四(二)): {@code copies} copies, A4, bound, with contents and page numbers. */
    public static PaperCopy bound(int copies) {
        return new PaperCopy(copies, "A4", true, true, true);
    }

    /** The same copy on paper of another size. */
    public PaperCopy onPaper(String size) {
        return new PaperCopy(copies, size, bound, tableOfContents, pageNumbers);
    }

    /** The same copy, not bound as a volume (未装订成册). */
    public PaperCopy unbound() {
        return new PaperCopy(copies, paperSize, false, tableOfContents, pageNumbers);
    }

    /** The same copy, without a table of contents (未编制目录). */
    public PaperCopy withoutTableOfContents() {
        return new PaperCopy(copies, paperSize, bound, false, pageNumbers);
    }

    /** The same copy, without page numbers (未编制页码). */
    public PaperCopy withoutPageNumbers() {
        return new PaperCopy(copies, paperSize, bound, tableOfContents, false);
    }
}

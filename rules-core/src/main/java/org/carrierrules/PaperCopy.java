package org.carrierrules;

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
}

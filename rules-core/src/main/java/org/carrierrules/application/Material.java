package org.carrierrules.application;

import org.carrierrules.Inputs;

/**
 * One scanned material uploaded with an application (四(二): 扫描前需加盖公章，扫描件必须清晰明辨、不缺页、
 * 不歪斜；每个文件必须按对应材料名称命名).
 *
 * @param code          the material's code in the round's material list, e.g. {@code APPLICATION_FORM}
 * @param fileName      the uploaded file's name, extension included
 * @param format        the file's format
 * @param sealed        stamped with the official seal before scanning (加盖公章)
 * @param legible       clear and legible (清晰明辨)
 * @param pagesComplete no page missing (不缺页)
 * @param skewed        scanned askew (歪斜)
 */
public record Material(String code, String fileName, FileFormat format, boolean sealed, boolean legible,
                       boolean pagesComplete, boolean skewed) {
    public Material {
        Inputs.requiredText(code, "code");
        Inputs.requiredText(fileName, "fileName");
        Inputs.required(format, "format");
    }

    /**
     * A scan as the notice asks for it (四(二)): a PDF, sealed before scanning, legible, no page missing, not
     * askew. The {@code with…} methods below give the same scan with one thing wrong.
     */
    public static Material scan(String code, String fileName) {
        return new Material(code, fileName, FileFormat.PDF, true, true, true, false);
    }

    /** The same scan, not stamped with the official seal before scanning (未加盖公章). */
    public Material unsealed() {
        return new Material(code, fileName, format, false, legible, pagesComplete, skewed);
    }

    /** The same scan, not clear and legible (不清晰). */
    public Material illegible() {
        return new Material(code, fileName, format, sealed, false, pagesComplete, skewed);
    }

    /** The same scan, with pages missing (缺页). */
    public Material withPagesMissing() {
        return new Material(code, fileName, format, sealed, legible, false, skewed);
    }

    /** The same scan, scanned askew (歪斜). */
    public Material askew() {
        return new Material(code, fileName, format, sealed, legible, pagesComplete, true);
    }

    /** The same scan in another format. */
    public Material inFormat(FileFormat other) {
        return new Material(code, fileName, other, sealed, legible, pagesComplete, skewed);
    }
}

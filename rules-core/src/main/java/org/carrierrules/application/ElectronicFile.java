package org.carrierrules.application;

import org.carrierrules.Inputs;

/** One file of the electronic copy (电子版材料). */
public record ElectronicFile(String fileName, FileFormat format) {
    public ElectronicFile {
        Inputs.requiredText(fileName, "fileName");
        Inputs.required(format, "format");
    }
}

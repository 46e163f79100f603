package org.carrierrules.internal.facts;

import org.carrierrules.application.ElectronicCopy;
import org.carrierrules.application.ElectronicFile;
import org.carrierrules.application.FileFormat;

/**
 * What the rules ask of an application's electronic copy (四(二): WORD 与 PDF 各一份，PDF 扫描成一份文件), read
 * on the application itself (a function of one of its own fields, which Drools compiles to bytecode): its files are
 * inserted only for the one sentence that speaks of each file. Called from the rules.
 */
public final class ElectronicFiles {
    private ElectronicFiles() {
    }

    /** How many files the copy has; 0 when none was handed in. */
    public static int electronicFiles(ElectronicCopy copy) {
        return copy == null ? 0 : copy.files().size();
    }

    /** How many of the copy's files are in {@code format}; 0 when none was handed in. */
    public static int electronicFilesOf(ElectronicCopy copy, FileFormat format) {
        if (copy == null) {
            return 0;
        }
        int count = 0;
        for (ElectronicFile file : copy.files()) {
            if (file.format() == format) {
                count++;
            }
        }
        return count;
    }

    /** Whether the copy is in the order of the paper copy; a copy not handed in is in no wrong order. */
    public static boolean inPaperOrder(ElectronicCopy copy) {
        return copy == null || copy.orderMatchesPaper();
    }
}

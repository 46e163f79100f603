package org.carrierrules.application;

import java.util.List;

import org.carrierrules.Inputs;

/**
 * The electronic copy handed in with the paper one (四(二): WORD格式和PDF格式：扫描成一份文件，以申报单位名称命名；
 * 电子版材料顺序与纸质版材料及系统申报材料的装订顺序一致).
 *
 * @param files             the files handed in
 * @param orderMatchesPaper whether the order matches the paper copy and the online submission
 */
public record ElectronicCopy(List<ElectronicFile> files, boolean orderMatchesPaper) {
    public ElectronicCopy {
        files = Inputs.requiredList(files, "files");
    }

    /**
     * An electronic copy as the notice asks for it (四(二)): one WORD file and one PDF, both named after the
     * applicant, in the order of the paper copy.
     */
    public static ElectronicCopy namedAfter(String applicantName) {
        return new ElectronicCopy(List.of(new ElectronicFile(applicantName + ".docx", FileFormat.WORD),
                new ElectronicFile(applicantName + ".pdf", FileFormat.PDF)), true);
    }

    /** The same files, in an order that differs from the paper copy's. */
    public ElectronicCopy outOfOrder() {
        return new ElectronicCopy(files, false);
    }
}

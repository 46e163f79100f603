package org.carrierrules;

import java.util.List;

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
}

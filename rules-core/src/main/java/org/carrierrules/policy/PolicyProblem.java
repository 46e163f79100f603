package org.carrierrules.policy;

/**
 * One thing wrong with a policy directory, said so that a policy officer can find and fix it.
 *
 * @param file    the file at fault, relative to the policy directory, e.g. {@code rules/materials/scans.dslr}
 * @param line    its line (1-based), or 0 when the problem is about the file as a whole; in a decision table
 *                ({@code .csv}, {@code .xlsx}) the row, numbered as the spreadsheet numbers it
 * @param column  in a decision table, the column (1 for A, 2 for B …), or 0 when the problem is about a whole
 *                row or the whole file; always 0 in the other files
 * @param message what is wrong, in plain Chinese
 */
public record PolicyProblem(String file, int line, int column, String message) {
    /** A problem of a file read by lines, or of a file as a whole. */
    public PolicyProblem(String file, int line, String message) {
        this(file, line, 0, message);
    }

    /** As a person reads it: {@code rules/eligibility/scans.dslr 第3行：…}, in a table {@code … 第3行第C列：…}. */
    @Override
    public String toString() {
        if (line <= 0) {
            return file + "：" + message;
        }
        return file + " 第" + line + "行" + (column > 0 ? "第" + columnName(column) + "列" : "") + "：" + message;
    }

    /** A column as a spreadsheet names it: 1 is A, 26 is Z, 27 is AA. */
    public static String columnName(int column) {
        StringBuilder name = new StringBuilder();
        for (int n = column; n > 0; n = (n - 1) / 26) {
            name.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return name.toString();
    }
}

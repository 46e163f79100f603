package org.carrierrules.cli;

import java.io.PrintWriter;

import org.carrierrules.json.InputError;

/** How a text report shows an input record that was not decided on: where it is and which field is wrong. */
final class InvalidRecordText {
    private InvalidRecordText() {
    }

    static void print(PrintWriter out, int position, String id, int line, InputError error) {
        out.println("[" + position + "] " + (id == null ? "（无编号）" : id) + " · 输入有误，未审查（第" + line + "行）");
        out.println("    字段 " + error.field() + "：" + error.message());
    }
}

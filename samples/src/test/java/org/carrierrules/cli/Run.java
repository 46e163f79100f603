package org.carrierrules.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import picocli.CommandLine;

/** One run of the command line inside the test JVM, with what it printed. */
record Run(int exitCode, String out, String err) {
    static Run of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = CarrierRulesCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exitCode = cli.execute(args);
        cli.getOut().flush();
        return new Run(exitCode, out.toString(), err.toString());
    }
}

package org.carrierrules.cli;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;

import picocli.CommandLine;

/**
 * Run by {@link DeterminismCommandTest} in a JVM of its own: each argument is one command line, its words
 * separated by {@code |}; the command's stdout goes to {@code out-N.txt} in the folder named first, wired as
 * {@link CarrierRulesCommand#main} wires it, and its exit code to the JVM's own stdout.
 */
public final class ForeignRuns {
    private ForeignRuns() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]);
        PrintStream console = System.out;
        for (int i = 1; i < args.length; i++) {
            try (PrintStream out = new PrintStream(new FileOutputStream(folder.resolve("out-" + i + ".txt").toFile()))) {
                System.setOut(out);
                CommandLine cli = CarrierRulesCommand.commandLine();
                int exitCode = cli.execute(args[i].split("\\|"));
                cli.getOut().flush();
                console.println(Arrays.asList(args[i].split("\\|")) + " " + exitCode);
            }
        }
        System.setOut(console);
    }
}

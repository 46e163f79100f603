package org.carrierrules.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

import picocli.CommandLine.Option;

import org.carrierrules.CarrierRules;

/** {@code --policy DIR}, shared by every command that decides: the bundled round unless a directory is named. */
final class PolicyOption {
    @Option(names = "--policy", paramLabel = "DIR", description = "政策目录（默认使用内置的罗湖区2024年度政策）")
    private Path directory;

    /** The directory named, or null for the bundled policy. */
    Path directory() {
        return directory;
    }

    boolean given() {
        return directory != null;
    }

    /** See {@link Policies#loadOrReport}. */
    CarrierRules loadOrReport(PrintWriter err) {
        return Policies.loadOrReport(directory, err);
    }

    /** See {@link Policies#loadUntestedOrReport}. */
    CarrierRules loadUntestedOrReport(PrintWriter err) {
        return Policies.loadUntestedOrReport(directory, err);
    }

    /** See {@link Policies#startLoading}. */
    Policies.Loading startLoading() {
        return Policies.startLoading(directory);
    }
}

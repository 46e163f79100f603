package org.carrierrules.cli;

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

    /** See {@link Policies#load}. */
    CarrierRules load() {
        return Policies.load(directory);
    }

    /** See {@link Policies#loadUntested}. */
    CarrierRules loadUntested() {
        return Policies.loadUntested(directory);
    }

    /** See {@link Policies#startLoading}. */
    Policies.Loading startLoading() {
        return Policies.startLoading(directory);
    }
}

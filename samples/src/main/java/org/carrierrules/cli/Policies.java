package org.carrierrules.cli;

import java.nio.file.Path;

import org.carrierrules.CarrierRules;

/** The policy a command runs under: the bundled round unless {@code --policy DIR} names another. */
final class Policies {
    private Policies() {
    }

    static CarrierRules load(Path directory) {
        return directory == null ? CarrierRules.bundled() : CarrierRules.fromDirectory(directory);
    }
}

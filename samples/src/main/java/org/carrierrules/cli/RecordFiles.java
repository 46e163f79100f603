package org.carrierrules.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.carrierrules.json.AssessmentJson;

/** Writes decision records ({@code --records DIR}) as one JSON file per decision. */
final class RecordFiles {
    private RecordFiles() {
    }

    /**
     * Refuses {@code --sign-key} without the option that writes records: a key that signs nothing is a mistake the
     * user should hear of (exit 2, as for a usage error).
     *
     * @throws CommandFailure then
     */
    static void checkSigningFits(SigningKeyOption signKey, Path records, String recordsOption) {
        if (signKey.given() && records == null) {
            throw new CommandFailure(CarrierRulesCommand.UNREADABLE,
                    "--sign-key 为决定记录签名，须与 " + recordsOption + " 同用：未写出决定记录，没有可签名的内容");
        }
    }

    /** {@code DIR/<id>.decision.json}; an id is made safe for a file name, not dropped. */
    static Path write(Path directory, String id, ObjectNode record) {
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve(id.replaceAll("[\\\\/:*?\"<>|\\s]", "_") + ".decision.json");
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                AssessmentJson.print(record, out);
            }
            return file;
        } catch (IOException e) {
            throw new CommandFailure(CarrierRulesCommand.UNREADABLE, "无法写出决定记录到 " + directory + "：" + e.getMessage());
        }
    }
}

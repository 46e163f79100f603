package org.carrierrules.cli;

import java.nio.file.Path;
import java.security.PrivateKey;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.carrierrules.json.DecisionRecords;
import org.carrierrules.json.KeyFileException;
import org.carrierrules.json.RecordKeys;

import picocli.CommandLine.Option;

/**
 * {@code --sign-key FILE}, shared by every command that writes decision records: the host's Ed25519
 * private key, read before anything is decided so that a bad key file stops the command before it
 * writes unsigned records.
 */
final class SigningKeyOption {
    @Option(names = "--sign-key", paramLabel = "KEYFILE",
            description = "用此 Ed25519 私钥（PKCS#8 PEM，可由 openssl genpkey -algorithm ed25519 -out sign-key.pem 生成）为决定记录签名；"
                    + "核验方用对应的公钥 verify --public-key 检查记录未被改动、确由持有私钥者出具")
    private Path file;

    private PrivateKey key;

    boolean given() {
        return file != null;
    }

    /**
     * Reads the key, if {@code --sign-key} is given.
     *
     * @throws CommandFailure why it cannot be used, exit {@link CarrierRulesCommand#UNREADABLE}
     */
    void load() {
        if (file == null) {
            return;
        }
        InputFiles.readable(file, "签名私钥");
        try {
            key = RecordKeys.readPrivateKey(file);
        } catch (KeyFileException e) {
            throw new CommandFailure(CarrierRulesCommand.UNREADABLE, "无法读取签名私钥 " + e.getMessage());
        }
    }

    /** The record, signed when a key was given. */
    ObjectNode apply(ObjectNode record) {
        return key == null ? record : DecisionRecords.sign(record, key);
    }
}

package org.carrierrules.json;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.carrierrules.json.DecisionRecords.SignatureCheck;
import org.carrierrules.json.DecisionRecords.SignatureCheck.Status;

/**
 * Ed25519 signatures of decision records. What is signed is the RFC 8785 canonical form ({@link Jcs}) of
 * the whole record, its {@code signature} member included but for that member's {@code value}: so
 * pretty-printing or reordering keys keeps the signature good, and a change to any other value, anywhere
 * (the key id and the hash included), breaks it. Beside the signature value the member says how it was
 * made and carries two fields for the message when a check fails: the id of the key
 * ({@link RecordKeys#keyId}) and {@code recordHash}, the SHA-256 of the canonical form of the record
 * without its signature member (what changed since signing, if it differs). A record passes only when the
 * signature verifies under the key the checker holds; these fields only word the message.
 */
final class RecordSignatures {
    static final String FIELD = "signature";
    private static final String ALGORITHM = "Ed25519";
    private static final String CANONICALIZATION = "RFC 8785";
    private static final int SIGNATURE_BYTES = 64;
    private static final Set<String> FIELDS = Set.of("algorithm", "canonicalization", "keyId", "recordHash", "value");

    private RecordSignatures() {
    }

    static ObjectNode sign(JsonNode record, PrivateKey key) {
        if (!RecordKeys.isEd25519(key)) {
            throw new IllegalArgumentException("决定记录只用 Ed25519 私钥签名，给出的密钥算法为 " + key.getAlgorithm());
        }
        ObjectNode signed = ((ObjectNode) record).deepCopy();
        signed.remove(FIELD);
        String recordHash = hash(Jcs.bytes(signed, ""));
        ObjectNode signature = signed.putObject(FIELD);
        signature.put("algorithm", ALGORITHM);
        signature.put("canonicalization", CANONICALIZATION);
        // Named only when the public key could be worked out and checks a signature the private key made.
        byte[] probe = "carrier-rules key probe".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        RecordKeys.publicKeyOf(key).filter(pub -> verifies(pub, probe, ed25519(key, probe)))
                .ifPresent(pub -> signature.put("keyId", RecordKeys.keyId(pub)));
        signature.put("recordHash", recordHash);
        signature.put("value", Base64.getEncoder().encodeToString(ed25519(key, Jcs.bytes(withoutValue(signed), ""))));
        return signed;
    }

    private static byte[] ed25519(PrivateKey key, byte[] payload) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(key);
            signer.update(payload);
            return signer.sign();
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("此私钥不能用于 Ed25519 签名：" + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is required of every Java 15+ platform", e);
        }
    }

    /** The record as signed: everything but the signature's value. */
    private static ObjectNode withoutValue(JsonNode record) {
        ObjectNode copy = ((ObjectNode) record).deepCopy();
        ((ObjectNode) copy.get(FIELD)).remove("value");
        return copy;
    }

    static SignatureCheck check(JsonNode record, PublicKey key) {
        if (key != null && !RecordKeys.isEd25519(key)) {
            throw new IllegalArgumentException("决定记录的签名只用 Ed25519 公钥核验，给出的密钥算法为 " + key.getAlgorithm());
        }
        if (record == null || !record.isObject()) {
            throw new DecisionRecordException(DecisionRecordException.Reason.NOT_A_RECORD, "$",
                    "不是决定记录：应为一个 JSON 对象 {…}，实为" + ContractErrors.kind(record), null);
        }
        JsonNode signature = record.get(FIELD);
        if (signature == null) {
            return key == null ? new SignatureCheck(Status.UNSIGNED, null, "记录没有签名")
                    : new SignatureCheck(Status.MISSING, null, "记录没有签名：无法证明它出自持有签名私钥的一方，可能是他人编造的；请向出具方索取签名的记录");
        }
        String named = signature.path("keyId").isTextual() ? signature.path("keyId").textValue() : null;
        if (key == null) {
            return new SignatureCheck(Status.NOT_CHECKED, named, "记录已签名" + (named == null ? "" : "（密钥 " + named + "）")
                    + "，但未给出公钥，未核验签名");
        }
        String fault = shapeFault(signature);
        if (fault != null) {
            return new SignatureCheck(Status.INVALID, named, "签名无效：" + fault + "；此记录不可信");
        }
        byte[] value = Base64.getDecoder().decode(signature.get("value").textValue());
        String given = RecordKeys.keyId(key);
        if (verifies(key, Jcs.bytes(withoutValue(record), ""), value)) {
            return new SignatureCheck(Status.VALID, given, "签名有效（Ed25519，密钥 " + given + "）：记录自签名以来未被改动");
        }
        if (named != null && !named.equals(given)) {
            return new SignatureCheck(Status.WRONG_KEY, named, "签名核验未通过：记录写明由密钥 " + named + " 签名，核验用的公钥是 " + given
                    + "；请用出具方的公钥核验，若公钥无误，则此记录不是该出具方签发的");
        }
        ObjectNode content = ((ObjectNode) record).deepCopy();
        content.remove(FIELD);
        String now = hash(Jcs.bytes(content, ""));
        JsonNode recorded = signature.get("recordHash");
        if (recorded != null && recorded.isTextual() && !recorded.textValue().equals(now)) {
            return new SignatureCheck(Status.ALTERED, named, "签名核验未通过：记录在签名后被改动过（规范形式 RFC 8785 的哈希现为 " + now
                    + "，签名时为 " + (recorded.textValue().length() <= 100 ? recorded.textValue() : ContractErrors.abbreviate(recorded.textValue()))
                    + "）；此记录不可信，请向出具方索取原件");
        }
        return new SignatureCheck(Status.INVALID, named, "签名核验未通过：签名值与记录内容不符（签名被伪造或改动过）；此记录不可信");
    }

    /** What is wrong with the signature member's own fields, or null. */
    private static String shapeFault(JsonNode signature) {
        if (!signature.isObject()) {
            return "signature 应为一个 JSON 对象 {…}，实为" + ContractErrors.kind(signature);
        }
        for (Iterator<String> names = signature.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                return "signature." + ContractErrors.abbreviate(name) + " 是未知字段";
            }
        }
        if (!ALGORITHM.equals(signature.path("algorithm").textValue())) {
            return "signature.algorithm 应为 " + ALGORITHM + "，实为" + ContractErrors.kind(signature.get("algorithm"));
        }
        if (!CANONICALIZATION.equals(signature.path("canonicalization").textValue())) {
            return "signature.canonicalization 应为 " + CANONICALIZATION + "，实为" + ContractErrors.kind(signature.get("canonicalization"));
        }
        JsonNode value = signature.get("value");
        if (value == null || !value.isTextual()) {
            return "signature.value 应为 Base64 编码的签名值，实为" + ContractErrors.kind(value);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(value.textValue());
        } catch (IllegalArgumentException e) {
            return "signature.value 不是有效的 Base64 编码";
        }
        return bytes.length == SIGNATURE_BYTES ? null
                : "signature.value 应为 " + SIGNATURE_BYTES + " 字节的 Ed25519 签名，实为 " + bytes.length + " 字节";
    }

    private static boolean verifies(PublicKey key, byte[] payload, byte[] value) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(payload);
            return verifier.verify(value);
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("此公钥不能用于 Ed25519 核验：" + e.getMessage(), e);
        } catch (java.security.SignatureException e) {
            return false; // a value that is not an Ed25519 signature at all (RFC 8032: S out of range) fails like a wrong one
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Ed25519 is required of every Java 15+ platform", e);
        }
    }

    static String hash(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}

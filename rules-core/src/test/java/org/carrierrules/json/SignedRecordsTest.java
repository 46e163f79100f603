package org.carrierrules.json;

import static org.carrierrules.json.RecordFixtures.BUNDLED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.carrierrules.json.DecisionRecords.SignatureCheck;
import org.carrierrules.json.DecisionRecords.SignatureCheck.Status;

/** Signed decision records: Ed25519 over the RFC 8785 form, surviving re-serialising, failing on any edit or another key. */
class SignedRecordsTest {
    private static final KeyPair KEYS = RecordFixtures.keyPair();
    private static final KeyPair OTHER = RecordFixtures.keyPair();
    private static final Path FIXTURES = Path.of("src/test/resources/keys");

    private static ObjectNode signed(ObjectNode record) {
        return DecisionRecords.sign(record, KEYS.getPrivate());
    }

    private static SignatureCheck check(JsonNode record) {
        return DecisionRecords.checkSignature(record, KEYS.getPublic());
    }

    private static JsonNode pretty(JsonNode record) {
        StringWriter out = new StringWriter();
        AssessmentJson.print(record, out);
        return RecordFixtures.parse(out.toString());
    }

    @Test
    void aSignedRecordChecksAndStillStands() {
        ObjectNode record = signed(RecordFixtures.assessment());

        SignatureCheck check = check(record);
        assertEquals(Status.VALID, check.status(), check::message);
        assertFalse(check.failed());
        assertEquals(RecordKeys.keyId(KEYS.getPublic()), check.keyId());
        assertEquals(RecordKeys.keyId(KEYS.getPublic()), record.path("signature").path("keyId").asText());
        assertEquals("Ed25519", record.path("signature").path("algorithm").asText());
        assertEquals("RFC 8785", record.path("signature").path("canonicalization").asText());
        assertTrue(RecordFixtures.verify(BUNDLED, record).stands());
    }

    @Test
    void prettyPrintingAndReorderingKeysKeepTheSignatureGood() {
        for (ObjectNode record : new ObjectNode[] {RecordFixtures.assessment(), RecordFixtures.review(), RecordFixtures.round()}) {
            ObjectNode signed = signed(record);
            assertEquals(Status.VALID, check(pretty(signed)).status());
            for (long seed = 1; seed <= 5; seed++) {
                JsonNode rewritten = RecordFixtures.parse(JsonLayouts.anyKeyOrder(signed, new Random(seed)));
                assertEquals(Status.VALID, check(rewritten).status(), "layout " + seed);
                assertTrue(RecordFixtures.verify(BUNDLED, rewritten).stands(), "layout " + seed);
                // Numbers respelled as well (2 as 2.0, 85.5 as 855e-1): one number to RFC 8785, so the signature holds.
                JsonNode respelled = RecordFixtures.parse(JsonLayouts.anyOrder(signed, new Random(seed)));
                assertEquals(Status.VALID, check(respelled).status(), "respelled " + seed);
            }
        }
    }

    @Test
    void oneCharacterOfAMessageEditedFailsTheSignatureAndTheDecision() {
        ObjectNode record = signed(RecordFixtures.assessment());
        ObjectNode finding = (ObjectNode) record.at("/decision/findings/0");
        String message = finding.path("message").asText();
        finding.put("message", message.substring(0, 2) + "末" + message.substring(3));

        SignatureCheck check = check(record);
        assertEquals(Status.ALTERED, check.status(), check::message);
        assertTrue(check.failed());
        assertTrue(check.message().contains("改动"), check.message());
        DecisionRecords.Verification verification = RecordFixtures.verify(BUNDLED, record);
        assertFalse(verification.stands());
        assertEquals("decision.findings[0].message", verification.differences().get(0).field());
    }

    @Test
    void anEditedInputWithARecomputedHashStillFailsTheSignature() {
        ObjectNode record = signed(RecordFixtures.assessment());
        ((ObjectNode) record.at("/input/paperCopy")).put("copies", 3);
        record.put("inputHash", DecisionRecords.hash(record.path("input")));

        assertEquals(Status.ALTERED, check(record).status());
        assertTrue(RecordFixtures.verify(BUNDLED, record).stands(), "the forgery is consistent: only the signature shows it");
    }

    @Test
    void anotherKeyFails() {
        ObjectNode record = signed(RecordFixtures.assessment());
        SignatureCheck check = DecisionRecords.checkSignature(record, OTHER.getPublic());
        assertEquals(Status.WRONG_KEY, check.status(), check::message);
        assertTrue(check.failed());
        assertTrue(check.message().contains(RecordKeys.keyId(KEYS.getPublic())) && check.message().contains(RecordKeys.keyId(OTHER.getPublic())),
                check.message());
    }

    @Test
    void aRecordMadeUpAndSignedWithAnotherKeyUnderTheRightKeysNameFails() {
        ObjectNode forged = DecisionRecords.sign(RecordFixtures.assessment(), OTHER.getPrivate());
        ((ObjectNode) forged.get("signature")).put("keyId", RecordKeys.keyId(KEYS.getPublic()));
        SignatureCheck check = check(forged);
        assertTrue(check.failed(), check::message);
        assertEquals(Status.INVALID, check.status(), check::message);
    }

    @Test
    void aChangedSignatureValueOrHintFails() {
        ObjectNode record = signed(RecordFixtures.assessment());
        byte[] value = Base64.getDecoder().decode(record.at("/signature/value").asText());
        value[10] ^= 1;
        ObjectNode flipped = record.deepCopy();
        ((ObjectNode) flipped.get("signature")).put("value", Base64.getEncoder().encodeToString(value));
        assertEquals(Status.INVALID, check(flipped).status());

        ObjectNode hint = record.deepCopy();
        ((ObjectNode) hint.get("signature")).put("recordHash", "sha256:" + "0".repeat(64));
        assertTrue(check(hint).failed(), "the hash is signed too");

        ObjectNode notBase64 = record.deepCopy();
        ((ObjectNode) notBase64.get("signature")).put("value", "不是签名");
        SignatureCheck bad = check(notBase64);
        assertEquals(Status.INVALID, bad.status());
        assertTrue(bad.message().contains("signature.value"), bad.message());

        ObjectNode otherAlgorithm = record.deepCopy();
        ((ObjectNode) otherAlgorithm.get("signature")).put("algorithm", "none");
        assertTrue(check(otherAlgorithm).message().contains("signature.algorithm"));
    }

    @Test
    void withoutAKeyASignedRecordIsNotCheckedAndWithAKeyAnUnsignedOneFails() {
        ObjectNode record = signed(RecordFixtures.assessment());
        SignatureCheck unchecked = DecisionRecords.checkSignature(record, null);
        assertEquals(Status.NOT_CHECKED, unchecked.status());
        assertFalse(unchecked.failed());
        assertTrue(unchecked.message().contains("未核验"), unchecked.message());

        ObjectNode plain = RecordFixtures.assessment();
        assertEquals(Status.UNSIGNED, DecisionRecords.checkSignature(plain, null).status());
        SignatureCheck missing = check(plain);
        assertEquals(Status.MISSING, missing.status());
        assertTrue(missing.failed());
        assertNull(missing.keyId());
    }

    @Test
    void signingAgainReplacesTheSignature() {
        ObjectNode twice = DecisionRecords.sign(DecisionRecords.sign(RecordFixtures.assessment(), OTHER.getPrivate()), KEYS.getPrivate());
        assertEquals(Status.VALID, check(twice).status());
    }

    @Test
    void aMalformedRecordIsNotSigned() {
        ObjectNode record = RecordFixtures.assessment();
        ((ObjectNode) record.get("decision")).remove("acceptance");
        DecisionRecordException e = assertThrows(DecisionRecordException.class, () -> signed(record));
        assertEquals("decision.acceptance", e.field());
    }

    @Test
    void keysAsOpensslWritesThemSignAndCheck() throws Exception {
        PrivateKey secret = RecordKeys.readPrivateKey(FIXTURES.resolve("openssl-ed25519-private.pem"));
        PublicKey key = RecordKeys.readPublicKey(FIXTURES.resolve("openssl-ed25519-public.pem"));
        String opensslId = Files.readString(FIXTURES.resolve("openssl-ed25519-public.sha256"), StandardCharsets.US_ASCII).trim();
        assertEquals("sha256:" + opensslId, RecordKeys.keyId(key));

        ObjectNode record = DecisionRecords.sign(RecordFixtures.round(), secret);
        assertEquals("sha256:" + opensslId, record.at("/signature/keyId").asText(), "the public key is worked out from the private one");
        assertEquals(Status.VALID, DecisionRecords.checkSignature(record, key).status());
    }

    @Test
    void keysWrittenByJavaReadBack(@TempDir Path temp) throws Exception {
        Path secret = temp.resolve("sign-key.pem");
        Path key = temp.resolve("public-key.pem");
        Files.writeString(secret, RecordFixtures.pem(KEYS.getPrivate()), StandardCharsets.US_ASCII);
        Files.writeString(key, RecordFixtures.pem(KEYS.getPublic()), StandardCharsets.US_ASCII);
        ObjectNode record = DecisionRecords.sign(RecordFixtures.review(), RecordKeys.readPrivateKey(secret));
        assertEquals(Status.VALID, DecisionRecords.checkSignature(record, RecordKeys.readPublicKey(key)).status());
    }

    @Test
    void aFileThatHoldsNoUsableKeyIsAKeyFileErrorSayingWhatToDo(@TempDir Path temp) throws Exception {
        Path garbage = Files.writeString(temp.resolve("garbage.pem"), "hello", StandardCharsets.US_ASCII);
        assertMessage(() -> RecordKeys.readPrivateKey(garbage), "PEM");
        assertMessage(() -> RecordKeys.readPublicKey(FIXTURES.resolve("openssl-ed25519-private.pem")), "这是私钥，不是公钥");
        assertMessage(() -> RecordKeys.readPrivateKey(FIXTURES.resolve("openssl-ed25519-public.pem")), "这是公钥");
        assertMessage(() -> RecordKeys.readPrivateKey(FIXTURES.resolve("encrypted-private.pem")), "已加密");
        assertMessage(() -> RecordKeys.readPrivateKey(FIXTURES.resolve("rsa-private.pem")), "Ed25519");
        assertMessage(() -> RecordKeys.readPrivateKey(FIXTURES.resolve("ed448-private.pem")), "Ed25519");
        assertMessage(() -> RecordKeys.readPublicKey(temp.resolve("absent.pem")), "无法读取");
        Path huge = Files.write(temp.resolve("huge.pem"), new byte[200_000]);
        assertMessage(() -> RecordKeys.readPublicKey(huge), "KiB");
        Path broken = Files.writeString(temp.resolve("broken.pem"), "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----\n");
        assertMessage(() -> RecordKeys.readPublicKey(broken), "Ed25519");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable reading, String part) {
        KeyFileException e = assertThrows(KeyFileException.class, reading);
        assertTrue(e.getMessage().contains(part), e.getMessage());
        assertFalse(e.file().isBlank());
    }
}

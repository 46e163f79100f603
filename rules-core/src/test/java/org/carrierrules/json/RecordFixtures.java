package org.carrierrules.json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.carrierrules.CarrierRules;
import org.carrierrules.CarrierType;
import org.carrierrules.application.Application;
import org.carrierrules.supervision.Carrier;
import org.carrierrules.supervision.CarrierEvent;
import org.carrierrules.supervision.EventType;

/** Decision records of each kind from the bundled policy, and Ed25519 keys, for the record tests. */
final class RecordFixtures {
    static final CarrierRules BUNDLED = CarrierRules.bundled();
    /** The sample round of samples/data/luohu-2024, among the test resources (rules-core/pom.xml copies it). */
    static final Path SAMPLE_ROUND = sampleRound();

    private RecordFixtures() {
    }

    private static Path sampleRound() {
        try {
            return Path.of(RecordFixtures.class.getResource("/sample-round/applications.json").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The contract's example with its application form unsealed: SUPPLEMENT_REQUIRED with one finding. */
    static Application application() {
        try {
            ObjectNode node = (ObjectNode) ContractMapper.MAPPER.readTree(
                    ApplicationJsonTest.VALID.replace("\"sealed\": true", "\"sealed\": false"));
            return ApplicationJson.read(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode assessment() {
        Application application = application();
        return DecisionRecords.of(application, BUNDLED.assess(application), BUNDLED.rules());
    }

    /** A lost-contact carrier with some training: REVOKE on one ground. */
    static ObjectNode review() {
        Carrier carrier = new Carrier("SZ-2020-001", "深圳市罗湖区示例技能大师工作室", CarrierType.SKILL_MASTER_STUDIO,
                LocalDate.of(2020, 6, 1), List.of(new CarrierEvent(EventType.LOST_CONTACT, LocalDate.of(2024, 3, 1))),
                Map.of(2021, 30));
        return DecisionRecords.of(carrier, BUNDLED.supervise(carrier, LocalDate.of(2024, 12, 31)), BUNDLED.rules());
    }

    static JsonNode roundInput() {
        ObjectNode round = ContractMapper.MAPPER.createObjectNode().put("round", "luohu-2024");
        round.set("applications", AllocationJson.readTree(SAMPLE_ROUND.resolve("applications.json")));
        round.set("reviews", AllocationJson.readTree(SAMPLE_ROUND.resolve("reviews.json")));
        round.set("objections", AllocationJson.readTree(SAMPLE_ROUND.resolve("objections.json")));
        return round;
    }

    /** The sample round of 27 applications. */
    static ObjectNode round() {
        JsonNode input = roundInput();
        AllocationInput.Valid valid = (AllocationInput.Valid) AllocationJson.read(input);
        return DecisionRecords.of(input, BUNDLED.allocate(valid.submission()), BUNDLED.rules());
    }

    /** The record read, its input decided again under {@code rules}, and compared: as a host verifies a record. */
    static DecisionRecords.Verification verify(CarrierRules rules, JsonNode record) {
        DecisionRecords.Recorded recorded = DecisionRecords.read(record);
        if (recorded instanceof DecisionRecords.Assessed assessed) {
            return assessed.verify(rules.assess(assessed.application()), rules.rules());
        }
        if (recorded instanceof DecisionRecords.Reviewed reviewed) {
            return reviewed.verify(rules.supervise(reviewed.carrier(), reviewed.asOf()), rules.rules());
        }
        DecisionRecords.Allocated round = (DecisionRecords.Allocated) recorded;
        return round.verify(round.noticeStart() == null ? rules.allocate(round.submission())
                : rules.allocate(round.submission(), round.noticeStart()), rules.rules());
    }

    static KeyPair keyPair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** PEM as openssl writes it: PKCS#8 for a private key, X.509 for a public one, 64 characters a line. */
    static String pem(Key key) {
        String type = key instanceof java.security.PrivateKey ? "PRIVATE KEY" : "PUBLIC KEY";
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded())
                + "\n-----END " + type + "-----\n";
    }

    static JsonNode parse(String json) {
        try {
            return ContractMapper.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

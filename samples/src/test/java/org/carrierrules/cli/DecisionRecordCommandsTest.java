package org.carrierrules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision records from the command line: written by assess and run, signed with --sign-key, checked by
 * verify (with --public-key for the signature); a what-if run of a round; malformed records refused with
 * the field and the documented exit code, never a stack trace.
 */
class DecisionRecordCommandsTest {
    private static final String SAMPLE = "data/luohu-2024/applications.json";
    /** Keys made with openssl, among the library's test files (copied from its test jar, {@link LibraryTestFiles}). */
    private static final Path OPENSSL_KEYS = LibraryTestFiles.folder("keys");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Numbers as written (80.00 stays 80.00), as the library reads them. */
    private static final ObjectMapper EXACT = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true));

    @TempDir
    static Path keys;
    private static Path signKey;
    private static Path publicKey;
    private static Path otherPublicKey;
    /** One run of the sample round, its record signed with signKey. */
    private static Path signedRound;

    @BeforeAll
    static void keysAndASignedRound() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        signKey = pem(keys.resolve("sign-key.pem"), pair.getPrivate());
        publicKey = pem(keys.resolve("public-key.pem"), pair.getPublic());
        otherPublicKey = pem(keys.resolve("other-public-key.pem"), KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic());
        Path out = keys.resolve("round");
        Run run = Run.of("run", "data/luohu-2024", "--out", out.toString(), "--sign-key", signKey.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("已签名的决定记录"), run.out());
        signedRound = out.resolve("decision-record.json");
    }

    private static Path pem(Path file, Key key) throws Exception {
        String type = key instanceof PrivateKey ? "PRIVATE KEY" : "PUBLIC KEY";
        Files.writeString(file, "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded())
                + "\n-----END " + type + "-----\n", StandardCharsets.US_ASCII);
        return file;
    }

    private static void replace(Path file, String from, String to) throws Exception {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.contains(from), from);
        Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)),
                StandardCharsets.UTF_8);
    }

    private static Path copy(Path record, Path temp) throws Exception {
        return Files.copy(record, temp.resolve("copy-" + record.getFileName()));
    }

    /** A copy of the record with one edit, written compactly. */
    private static Path edited(Path record, Path temp, java.util.function.Consumer<ObjectNode> edit) throws Exception {
        ObjectNode tree = (ObjectNode) EXACT.readTree(record.toFile());
        edit.accept(tree);
        return Files.writeString(temp.resolve("edited-" + record.getFileName()), EXACT.writeValueAsString(tree), StandardCharsets.UTF_8);
    }

    /** The output a user sees: never a Java stack trace or exception name. */
    private static void assertNoStackTrace(Run run) {
        assertFalse(run.err().contains("\tat ") || run.err().contains("Exception") || run.out().contains("Exception"), run.err());
    }

    @Test
    void recordsStandUnderTheirPolicyAndOneThatNoLongerStandsSaysWhyFieldByField(@TempDir Path temp) throws Exception {
        Path records = temp.resolve("records");
        assertEquals(0, Run.of("assess", "--records", records.toString(), SAMPLE).exitCode());
        try (Stream<Path> files = Files.list(records)) {
            assertEquals(JSON.readTree(Path.of(SAMPLE).toFile()).size(), files.count(), "one record per application of the sample file");
        }
        Path accepted = records.resolve("LH2024-001.decision.json");

        Run same = Run.of("verify", accepted.toString(), records.resolve("LH2024-004.decision.json").toString());
        assertEquals(0, same.exitCode(), same.err());
        assertEquals(2, same.out().lines().filter(line -> line.startsWith("成立")).count(), same.out());

        Path policy = temp.resolve("policy");
        assertEquals(0, Run.of("init", policy.toString()).exitCode());
        replace(policy.resolve("round.yaml"), "  copies: 2", "  copies: 3");
        Run changed = Run.of("verify", "--policy", policy.toString(), accepted.toString());
        assertEquals(7, changed.exitCode(), changed.err());
        assertTrue(changed.out().contains("LH2024-001：decision.acceptance（受理结论）由 “ACCEPTED” 变为 “SUPPLEMENT_REQUIRED”"), changed.out());
        assertTrue(changed.out().contains("LH2024-001：decision.findings[0]（审查发现）新增 PAPER_COPIES_INSUFFICIENT（纸质材料应一式3份，实交2份）"),
                changed.out());
    }

    @Test
    void aChangedMessageInAnUnsignedRecordIsADifferenceWithItsPath(@TempDir Path temp) throws Exception {
        Path records = temp.resolve("records");
        assertEquals(0, Run.of("assess", "--records", records.toString(), SAMPLE).exitCode());
        Path record;
        try (Stream<Path> files = Files.list(records)) {
            record = files.sorted().filter(f -> readTree(f).at("/decision/findings/0/message").isTextual()).findFirst().orElseThrow();
        }
        String id = readTree(record).at("/decision/applicationId").asText();
        String message = readTree(record).at("/decision/findings/0/message").asText();
        replace(record, message, message + "（已改）");

        Run run = Run.of("verify", record.toString());

        assertEquals(7, run.exitCode(), run.err());
        assertTrue(run.out().contains(id + "：decision.findings[0].message（说明）由 “" + message + "（已改）” 变为 “" + message + "”"),
                run.out());
    }

    private static JsonNode readTree(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aRunUnderAnotherPolicyListsEveryApplicationWhoseStatusChanged(@TempDir Path temp) throws Exception {
        Path policy = temp.resolve("policy");
        assertEquals(0, Run.of("init", policy.toString()).exitCode());
        // 附件2's passing score is not published; a what-if at 55 instead of the illustrative 60.
        replace(policy.resolve("rubric.yaml"), "passingScore: 60", "passingScore: 55");
        Path out = temp.resolve("out");

        Run run = Run.of("run", "data/luohu-2024", "--policy", policy.toString(), "--out", out.toString());

        assertEquals(0, run.exitCode(), run.err());
        String whatIf = Files.readString(out.resolve("what-if.md"), StandardCharsets.UTF_8);
        // LH2024-023 (59.00, the only rural station reviewed above 55) now takes the rural place;
        // LH2024-022 (56.33) is now ranked but the high-skill bases' places are filled.
        assertTrue(whatIf.contains("LH2024-023：NOT_RANKED → CANDIDATE"), whatIf);
        assertTrue(whatIf.contains("LH2024-022：NOT_RANKED → NOT_SELECTED"), whatIf);
        assertTrue(Files.exists(out.resolve("decision-record.json")));
        assertEquals(0, Run.of("verify", "--policy", policy.toString(), out.resolve("decision-record.json").toString()).exitCode());
    }

    @Test
    void aRunUnderAPolicyWhoseStationsHaveAPassingScoreOfTheirOwn(@TempDir Path temp) throws Exception {
        Path policy = temp.resolve("policy");
        assertEquals(0, Run.of("init", policy.toString()).exitCode());
        // Only 乡村振兴技能工作站 at 55 (rubric.yaml byCarrierType); the other two types keep the common 60.
        Files.writeString(policy.resolve("rubric.yaml"), "\nbyCarrierType:\n  RURAL_REVITALIZATION_STATION:\n    passingScore: 55\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Path out = temp.resolve("out");

        Run run = Run.of("run", "data/luohu-2024", "--policy", policy.toString(), "--out", out.toString());

        assertEquals(0, run.exitCode(), run.err());
        String whatIf = Files.readString(out.resolve("what-if.md"), StandardCharsets.UTF_8);
        // LH2024-023 (59.00) reaches the stations' 55 and takes the rural place; LH2024-022 (56.33), a base, is still below 60.
        assertTrue(whatIf.contains("LH2024-023：NOT_RANKED → CANDIDATE"), whatIf);
        assertFalse(whatIf.contains("LH2024-022"), whatIf);
        String report = Files.readString(out.resolve("round-report.md"), StandardCharsets.UTF_8);
        assertTrue(report.contains("份申报有评审结果；高技能人才培训基地：合格分60分（满分100分），专家5人及以上时去掉一个最高分和一个最低分；"
                + "技能大师工作室：合格分60分（满分100分），专家5人及以上时去掉一个最高分和一个最低分；"
                + "乡村振兴技能工作站：合格分55分（满分100分），专家5人及以上时去掉一个最高分和一个最低分 | 四(四) |"), report);
        assertEquals(0, Run.of("verify", "--policy", policy.toString(), out.resolve("decision-record.json").toString()).exitCode());
    }

    @Test
    void aRunWithAGivenNoticeStartStillStands(@TempDir Path temp) {
        Path out = temp.resolve("out");
        assertEquals(0, Run.of("run", "data/luohu-2024", "--out", out.toString(), "--notice-start", "2024-09-20").exitCode());
        Run verify = Run.of("verify", out.resolve("decision-record.json").toString());
        assertEquals(0, verify.exitCode(), verify.out() + verify.err());
    }

    // --- signatures ---

    @Test
    void aSignedRoundChecksWithThePublicKey() {
        Run run = Run.of("verify", "--public-key", publicKey.toString(), signedRound.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("成立"), run.out());
        assertTrue(run.out().contains("签名有效"), run.out());
    }

    @Test
    void withoutAKeyASignedRecordIsSaidNotToBeChecked() {
        Run run = Run.of("verify", signedRound.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("未核验签名") && run.out().contains("--public-key"), run.out());
    }

    /** Pretty-printed with another indent and every object's keys in reverse order, as another tool might rewrite it. */
    private static JsonNode reversed(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            ObjectNode copy = JSON.createObjectNode();
            for (int i = names.size() - 1; i >= 0; i--) {
                copy.set(names.get(i), reversed(node.get(names.get(i))));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                copy.add(reversed(it.next()));
            }
            return copy;
        }
        return node;
    }

    @Test
    void aSignedRecordRewrittenWithOtherKeyOrderAndIndentStillChecks(@TempDir Path temp) throws Exception {
        JsonNode record = EXACT.readTree(signedRound.toFile());
        Path rewritten = temp.resolve("rewritten.json");
        String text = EXACT.writer(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("    ", "\r\n")))
                .writeValueAsString(reversed(record));
        Files.writeString(rewritten, text, StandardCharsets.UTF_8);
        assertTrue(text.indexOf("\"trace\"") < text.indexOf("\"format\""), "the keys really are in another order");

        Run run = Run.of("verify", "--public-key", publicKey.toString(), rewritten.toString());

        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("签名有效"), run.out());
    }

    @Test
    void oneCharacterOfAMessageEditedInASignedRecordFailsWithItsOwnExitCode(@TempDir Path temp) throws Exception {
        Path record = copy(signedRound, temp);
        String message = JSON.readTree(record.toFile()).at("/decision/entries/0/reasons/0/message").asText();
        String edited = (message.startsWith("再") ? "在" : "再") + message.substring(1);
        replace(record, "\"" + message + "\"", "\"" + edited + "\"");

        Run run = Run.of("verify", "--public-key", publicKey.toString(), record.toString());

        assertEquals(VerifyCommand.SIGNATURE_FAILED, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("签名核验未通过") && run.err().contains("改动"), run.err());
        assertTrue(run.out().contains("decision.entries[0].reasons[0].message"), "the re-decision says where: " + run.out());
        assertNoStackTrace(run);
    }

    @Test
    void anotherKeyFails() {
        Run run = Run.of("verify", "--public-key", otherPublicKey.toString(), signedRound.toString());
        assertEquals(VerifyCommand.SIGNATURE_FAILED, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("核验用的公钥是"), run.err());
    }

    @Test
    void anUnsignedRecordFailsWhenAKeyIsGiven(@TempDir Path temp) {
        Path out = temp.resolve("out");
        assertEquals(0, Run.of("run", "data/luohu-2024", "--out", out.toString()).exitCode());
        Run run = Run.of("verify", "--public-key", publicKey.toString(), out.resolve("decision-record.json").toString());
        assertEquals(VerifyCommand.SIGNATURE_FAILED, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("记录没有签名"), run.err());
    }

    @Test
    void assessRecordsSignedWithAnOpensslKeyCheckWithItsPublicKey(@TempDir Path temp) throws Exception {
        Path records = temp.resolve("records");
        Run assess = Run.of("assess", "--records", records.toString(), "--sign-key",
                OPENSSL_KEYS.resolve("openssl-ed25519-private.pem").toString(), SAMPLE);
        assertEquals(0, assess.exitCode(), assess.err());
        List<String> args = new ArrayList<>(List.of("verify", "--public-key", OPENSSL_KEYS.resolve("openssl-ed25519-public.pem").toString()));
        try (Stream<Path> files = Files.list(records)) {
            files.sorted().forEach(f -> args.add(f.toString()));
        }
        Run verify = Run.of(args.toArray(String[]::new));
        assertEquals(0, verify.exitCode(), verify.err());
        assertEquals(args.size() - 3, verify.out().lines().filter(l -> l.contains("签名有效")).count(), verify.out());
    }

    @Test
    void aKeyThatCannotSignOrASignKeyWithoutRecordsIsAUsageError(@TempDir Path temp) {
        Run withoutRecords = Run.of("assess", "--sign-key", signKey.toString(), SAMPLE);
        assertEquals(2, withoutRecords.exitCode());
        assertTrue(withoutRecords.err().contains("--records"), withoutRecords.err());

        Run publicAsPrivate = Run.of("run", "data/luohu-2024", "--out", temp.toString(), "--sign-key", publicKey.toString());
        assertEquals(2, publicAsPrivate.exitCode());
        assertTrue(publicAsPrivate.err().contains("这是公钥"), publicAsPrivate.err());
        assertFalse(Files.exists(temp.resolve("decision-record.json")), "nothing is written unsigned");

        Run privateAsPublic = Run.of("verify", "--public-key", signKey.toString(), signedRound.toString());
        assertEquals(2, privateAsPublic.exitCode());
        assertTrue(privateAsPublic.err().contains("这是私钥，不是公钥"), privateAsPublic.err());
        assertNoStackTrace(privateAsPublic);
    }

    // --- malformed records: a typed error with the field, exit 2 for a file that is no JSON, 3 for a record of the wrong shape ---

    @Test
    void aTruncatedRecordIsAFileErrorWithLineAndColumn(@TempDir Path temp) throws Exception {
        String text = Files.readString(signedRound, StandardCharsets.UTF_8);
        Path truncated = Files.writeString(temp.resolve("truncated.json"), text.substring(0, text.length() / 2), StandardCharsets.UTF_8);
        Run run = Run.of("verify", truncated.toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains(truncated.toString()) && run.err().contains("行") && run.err().contains("列"), run.err());
        assertNoStackTrace(run);
    }

    @Test
    void deepNestingIsStoppedAtTheReadLimit(@TempDir Path temp) throws Exception {
        Path deep = Files.writeString(temp.resolve("deep.json"), "{\"format\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}");
        Run run = Run.of("verify", deep.toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("--max-depth"), run.err());
        assertNoStackTrace(run);
    }

    @Test
    void aFieldOfTheWrongTypeOrMissingIsNamed(@TempDir Path temp) throws Exception {
        Path wrongType = edited(signedRound, temp, r -> ((ObjectNode) r.at("/decision/noticePeriod")).put("startGiven", "no"));
        Run run = Run.of("verify", wrongType.toString());
        assertEquals(3, run.exitCode(), run.err());
        assertTrue(run.err().contains("decision.noticePeriod.startGiven") && run.err().contains("布尔值"), run.err());

        Path missing = edited(signedRound, temp, r -> r.remove("inputHash"));
        Run noHash = Run.of("verify", missing.toString());
        assertEquals(3, noHash.exitCode(), noHash.err());
        assertTrue(noHash.err().contains("inputHash：缺少此字段"), noHash.err());
        assertNoStackTrace(noHash);
    }

    @Test
    void aRepeatedIdIsRefusedNamingIt(@TempDir Path temp) throws Exception {
        String first = readTree(signedRound).at("/decision/entries/0/applicationId").asText();
        Path record = edited(signedRound, temp, r -> ((ObjectNode) r.at("/decision/entries/1")).put("applicationId", first));

        Run run = Run.of("verify", record.toString());

        assertEquals(3, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("decision.entries[1].applicationId") && run.err().contains("“" + first + "”") && run.err().contains("重复"),
                run.err());
    }

    @Test
    void aHugeNumberIsRefusedWithItsPath(@TempDir Path temp) throws Exception {
        Path record = edited(signedRound, temp, r -> ((ObjectNode) r.at("/decision/entries/0"))
                .set("score", com.fasterxml.jackson.databind.node.DecimalNode.valueOf(new java.math.BigDecimal("1e400"))));
        assertTrue(Files.readString(record).contains("1E+400"));
        Run run = Run.of("verify", "--public-key", publicKey.toString(), record.toString());
        assertEquals(3, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("decision.entries[0].score") && run.err().contains("1E+400"), run.err());
        assertNoStackTrace(run);
    }

    @Test
    void somethingThatIsNoRecordIsRefused(@TempDir Path temp) throws Exception {
        Path applications = Path.of(SAMPLE);
        Run run = Run.of("verify", applications.toString());
        assertEquals(3, run.exitCode(), run.err());
        assertTrue(run.err().contains("不是决定记录"), run.err());
        Path empty = Files.writeString(temp.resolve("empty.json"), "");
        assertEquals(2, Run.of("verify", empty.toString()).exitCode());
    }
}

package org.carrierrules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.carrierrules.CarrierRules;
import org.carrierrules.json.AllocationInput;
import org.carrierrules.json.AllocationJson;
import org.carrierrules.json.ApplicationJson;
import org.carrierrules.json.AssessmentJson;
import org.carrierrules.json.CarrierJson;
import org.carrierrules.json.CarrierRecord;
import org.carrierrules.json.InputRecord;
import org.carrierrules.json.ReadLimits;
import org.carrierrules.json.SupervisionJson;
import org.carrierrules.testing.Figures;

/**
 * Load and faults on the loopback address: 8 clients send a few thousand requests that mix every endpoint with
 * bodies that are not JSON, past a read limit, addresses that do not exist and wrong methods, while the policy
 * directory is edited under the service's watch, a good edit and a broken one in turn. No answer may be a 5xx, no
 * request may go unanswered, and every decision must be, byte for byte, what the library answers for the same
 * body under the policy the answer names (worked out beforehand on copies of the directory, one policy at a time);
 * every other answer must be the one the idle service gave before the run.
 */
class ServeLoadTest {
    static final int CLIENTS = 8;
    static final int REQUESTS_PER_CLIENT = 400;
    /** Applications in each batch of the run. */
    static final int APPLICATIONS = 6;
    /** A bound on the run, whatever the machine: clients stop by then even if the edits are not all done. */
    static final long DEADLINE_SECONDS = 45;
    private static final Duration WATCH_INTERVAL = Duration.ofMillis(100);
    /** Small enough that a body past the limit is quick to send; the sample files are well within it. */
    private static final ReadLimits LIMITS = ReadLimits.DEFAULTS.withMaxBytes(256 * 1024).withMaxRecords(100);
    private static final LocalDate AS_OF = LocalDate.parse("2024-12-31");
    private static final String ALSO_WRITTEN = "alsoWritten: [深圳市罗湖区, 广东省深圳市罗湖区]";
    /** The good edit: “罗湖” is accepted as the district's name (二), so applications registered so are eligible. */
    private static final String GOOD_EDIT = "alsoWritten: [深圳市罗湖区, 广东省深圳市罗湖区, 罗湖]";
    private static final Pattern FINGERPRINT = Pattern.compile("\"fingerprint\" : \"(sha256:[0-9a-f]{64})\"");

    enum Kind {
        ASSESS_SAMPLE, ASSESS_LUOHU, ASSESS_ONE, ASSESS_INVALID, REVIEW, ALLOCATE, POLICY,
        NOTICE, HEALTH, OPENAPI, NOT_JSON, ALLOCATE_NOT_JSON, TOO_LARGE_DECLARED, TOO_LARGE_CHUNKED, TOO_MANY_RECORDS,
        NOT_FOUND, WRONG_METHOD;

        /** Decided by the policy, so the answer names it; the others are the same whatever policy serves. */
        boolean decides() {
            return ordinal() <= POLICY.ordinal();
        }
    }

    /** The mix, in the order requests are drawn from it: decisions most often, every fault among them. */
    private static final List<Kind> MIX = List.of(
            Kind.ASSESS_SAMPLE, Kind.ASSESS_LUOHU, Kind.ASSESS_ONE, Kind.NOTICE, Kind.REVIEW, Kind.NOT_JSON,
            Kind.ASSESS_LUOHU, Kind.ALLOCATE, Kind.HEALTH, Kind.ASSESS_ONE, Kind.TOO_LARGE_DECLARED, Kind.POLICY,
            Kind.ASSESS_SAMPLE, Kind.ASSESS_INVALID, Kind.NOT_FOUND, Kind.REVIEW, Kind.ASSESS_ONE, Kind.TOO_LARGE_CHUNKED,
            Kind.ALLOCATE, Kind.HEALTH, Kind.ASSESS_LUOHU, Kind.OPENAPI, Kind.TOO_MANY_RECORDS, Kind.WRONG_METHOD,
            Kind.ASSESS_SAMPLE, Kind.ALLOCATE_NOT_JSON);

    private record Call(String method, String path, byte[] body, boolean chunked) {
    }

    /** What the idle service answered, for the kinds that no policy decides. */
    private record Baseline(int status, String body) {
    }

    @TempDir
    Path temp;

    @Test
    void underLoadAndReloadsEveryAnswerIsTheLibrarysForThePolicyItNamesAndNoneIsLostOrA5xx() throws Exception {
        long setupStarted = System.nanoTime();
        Map<Kind, Call> calls = calls();
        Path policy = temp.resolve("policy");
        CarrierRules.copyBundledPolicy(policy);
        String original = Files.readString(policy.resolve("round.yaml"), StandardCharsets.UTF_8);
        String edited = replaceOnce(original, ALSO_WRITTEN, GOOD_EDIT);
        String broken = replaceOnce(original, "  quotas:\n", "  quotas: [\n");
        // The policy the service starts with is the original; the edited one is compiled on a copy of the directory.
        CarrierRules rules = CarrierRules.fromDirectory(policy);
        CarrierRules before = rules;
        CarrierRules after = CarrierRules.fromDirectory(copy(edited, "after"));
        String a = before.policy().fingerprint();
        String b = after.policy().fingerprint();
        assertNotEquals(a, b);
        Map<Kind, Map<String, String>> expected = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            if (kind.decides()) {
                expected.put(kind, Map.of(a, expected(before, kind, calls.get(kind)), b, expected(after, kind, calls.get(kind))));
            }
        }
        // The edit changes decisions, so an answer from the wrong policy cannot pass for the right one.
        for (Kind kind : List.of(Kind.ASSESS_LUOHU, Kind.ALLOCATE, Kind.POLICY)) {
            assertNotEquals(expected.get(kind).get(a), expected.get(kind).get(b), kind.name());
        }

        AtomicInteger applied = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        DecisionService service = DecisionService.start(rules, new DecisionService.Settings("127.0.0.1", 0, LIMITS, Duration.ofSeconds(10),
                WATCH_INTERVAL), result -> (result.applied() ? applied : refused).incrementAndGet());
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        Map<Kind, AtomicLong> answered = new ConcurrentHashMap<>();
        Map<String, AtomicLong> fingerprintsSeen = new ConcurrentHashMap<>();
        AtomicLong sent = new AtomicLong();
        AtomicBoolean editsDone = new AtomicBoolean();
        long started = System.nanoTime();
        long deadline = started + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            Map<Kind, Baseline> baseline = baseline(new ServiceClient(service.port()), calls);
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.add(pool.submit(() -> {
                    ServiceClient http = new ServiceClient(service.port());
                    // Every client sends its share whatever the machine's load (a busy CI machine is slower, never shorter of
                    // requests); past its share it keeps going only while the edits run and the deadline allows.
                    for (int i = 0; i < REQUESTS_PER_CLIENT || (!editsDone.get() && System.nanoTime() < deadline); i++) {
                        Kind kind = MIX.get((i * CLIENTS + client) % MIX.size());
                        sent.incrementAndGet();
                        ServiceClient.Answer answer;
                        try {
                            answer = send(http, calls.get(kind));
                        } catch (RuntimeException e) {
                            failures.add(kind + ": no answer: " + e);
                            continue;
                        }
                        answered.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
                        String problem = check(kind, answer, expected.get(kind), baseline.get(kind), Set.of(a, b), fingerprintsSeen);
                        if (problem != null) {
                            failures.add(kind + ": " + problem);
                        }
                    }
                    return null;
                }));
            }

            // Good edit, broken edit, back to the original, broken again: each good one must come into service, each
            // broken one must leave the policy before it serving.
            int edits = 0;
            String[] contents = {edited, broken, original, broken};
            String[] serving = {b, b, a, a};
            List<Long> editMillis = new ArrayList<>();
            for (int step = 0; step < contents.length && System.nanoTime() < deadline; step++) {
                int refusedBefore = refused.get();
                int appliedBefore = applied.get();
                long editStarted = System.nanoTime();
                write(policy, contents[step]);
                edits++;
                boolean good = contents[step] != broken;
                assertTrue(eventually(deadline, () -> good ? applied.get() > appliedBefore : refused.get() > refusedBefore),
                        "edit " + step + " was not taken up by the watch in time (setup " + (started - setupStarted) / 1_000_000
                                + " ms, edits before it " + editMillis + " ms, " + sent + " requests sent)");
                assertEquals(serving[step], rules.policy().fingerprint(), "after edit " + step);
                editMillis.add((System.nanoTime() - editStarted) / 1_000_000);
                Thread.sleep(300);
            }
            editsDone.set(true);
            for (Future<?> client : clients) {
                client.get(DEADLINE_SECONDS + 60, TimeUnit.SECONDS);
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            long total = answered.values().stream().mapToLong(AtomicLong::get).sum();

            assertTrue(failures.isEmpty(), () -> failures.size() + " failure(s), the first: " + failures.stream().limit(5).toList());
            assertEquals(sent.get(), total, "requests sent and answered");
            assertTrue(total >= (long) CLIENTS * REQUESTS_PER_CLIENT, "requests: " + total + " in " + millis + " ms (setup "
                    + (started - setupStarted) / 1_000_000 + " ms, edits taken up in " + editMillis + " ms)");
            assertEquals(4, edits);
            assertTrue(applied.get() >= 2 && refused.get() >= 2, "applied " + applied + ", refused " + refused);
            assertEquals(Set.of(a, b), fingerprintsSeen.keySet(), "answers came from both policies");
            assertEquals(Set.of(Kind.values()), answered.keySet());
            Figures.record("serve-load", "setupMillis", (started - setupStarted) / 1_000_000, "clients", CLIENTS, "requests", total, "millis", millis,
                    "requestsPerSecond", total * 1000.0 / millis, "reloadsApplied", applied.get(), "reloadsRefused", refused.get(), "editTakenUpMillis", editMillis.toString().replace(" ", ""),
                    "answersUnderFirstPolicy", fingerprintsSeen.get(a).get(), "answersUnderSecondPolicy", fingerprintsSeen.get(b).get());
        } finally {
            pool.shutdownNow();
            service.stop();
        }
    }

    /** Why the answer is wrong, or null. */
    private static String check(Kind kind, ServiceClient.Answer answer, Map<String, String> expected, Baseline baseline, Set<String> policies,
                                Map<String, AtomicLong> seen) {
        if (answer.status() >= 500) {
            return "HTTP " + answer.status() + " " + answer.body();
        }
        if (kind == Kind.HEALTH) {
            JsonNode health = answer.json();
            String fingerprint = health.path("policy").path("fingerprint").asText();
            return answer.status() == 200 && health.path("status").asText().equals("UP") && policies.contains(fingerprint) ? null
                    : "health " + answer.status() + " " + answer.body();
        }
        if (!kind.decides()) {
            return answer.status() == baseline.status() && answer.body().equals(baseline.body()) ? null
                    : "HTTP " + answer.status() + ", not the idle service's answer: " + answer.body();
        }
        if (answer.status() != 200) {
            return "HTTP " + answer.status() + " " + answer.body();
        }
        Set<String> named = new TreeSet<>();
        Matcher m = FINGERPRINT.matcher(answer.body());
        while (m.find()) {
            named.add(m.group(1));
        }
        if (named.size() != 1) {
            return "an answer must name exactly one policy, it names " + named;
        }
        String fingerprint = named.iterator().next();
        String wanted = expected.get(fingerprint);
        if (wanted == null) {
            return "names a policy that never served: " + fingerprint;
        }
        seen.computeIfAbsent(fingerprint, f -> new AtomicLong()).incrementAndGet();
        return wanted.equals(answer.body()) ? null : "not the library's answer under " + fingerprint;
    }

    /** The library's answer to the call's body under {@code rules}, printed as the command line prints it. */
    private String expected(CarrierRules rules, Kind kind, Call call) throws Exception {
        StringWriter out = new StringWriter();
        switch (kind) {
            case ASSESS_SAMPLE, ASSESS_LUOHU, ASSESS_INVALID -> {
                List<InputRecord> records = records(call);
                AssessmentJson.print(records, rules.assessAll(records.stream().filter(r -> r instanceof InputRecord.Valid)
                        .map(r -> ((InputRecord.Valid) r).application()).toList()), out);
            }
            case ASSESS_ONE -> {
                InputRecord record = records(call).get(0);
                AssessmentJson.print(record, record instanceof InputRecord.Valid valid ? rules.assess(valid.application()) : null, out);
            }
            case REVIEW -> {
                List<CarrierRecord> carriers = CarrierJson.readAll(new ByteArrayInputStream(call.body()), RequestBody.SOURCE, LIMITS);
                SupervisionJson.print(carriers, rules.superviseAll(carriers.stream().filter(r -> r instanceof CarrierRecord.Valid)
                        .map(r -> ((CarrierRecord.Valid) r).carrier()).toList(), AS_OF), out);
            }
            case ALLOCATE -> {
                Path file = Files.write(Files.createTempFile(temp, "round", ".json"), call.body());
                AllocationInput.Valid input = (AllocationInput.Valid) AllocationJson.read(file, LIMITS);
                AllocationJson.print(rules.allocate(input.submission()), out);
            }
            case POLICY -> AssessmentJson.print(Decisions.policy(rules), out);
            default -> throw new IllegalArgumentException(kind.name());
        }
        return out.toString();
    }

    private static List<InputRecord> records(Call call) {
        return ApplicationJson.readAll(new ByteArrayInputStream(call.body()), RequestBody.SOURCE, LIMITS);
    }

    /** The answers of the idle service, one request at a time, before the run. */
    private static Map<Kind, Baseline> baseline(ServiceClient client, Map<Kind, Call> calls) {
        Map<Kind, Baseline> answers = new EnumMap<>(Kind.class);
        Map<Kind, Integer> statuses = Map.of(Kind.NOTICE, 200, Kind.OPENAPI, 200, Kind.NOT_JSON, 400, Kind.ALLOCATE_NOT_JSON, 400,
                Kind.TOO_LARGE_DECLARED, 413, Kind.TOO_LARGE_CHUNKED, 413, Kind.TOO_MANY_RECORDS, 413, Kind.NOT_FOUND, 404,
                Kind.WRONG_METHOD, 405);
        statuses.forEach((kind, status) -> {
            ServiceClient.Answer answer = send(client, calls.get(kind));
            assertEquals(status, answer.status(), kind + " " + answer.body());
            answers.put(kind, new Baseline(answer.status(), answer.body()));
        });
        return answers;
    }

    private static ServiceClient.Answer send(ServiceClient client, Call call) {
        if (call.method().equals("GET")) {
            return client.get(call.path());
        }
        if (!call.method().equals("POST")) {
            return client.send(call.method(), call.path());
        }
        return call.chunked() ? client.postChunked(call.path(), call.body()) : client.post(call.path(), call.body());
    }

    /**
     * Bodies a few applications long, so that a busy machine still sends a few thousand requests in the time given:
     * the first {@value #APPLICATIONS} sample applications (and their reviews, in the round), once as written and
     * once registered as “罗湖”, which only the edited policy accepts.
     */
    private static Map<Kind, Call> calls() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ArrayNode sample = (ArrayNode) json.readTree(Path.of("data/luohu-2024/applications.json").toFile());
        ArrayNode few = json.createArrayNode();
        Set<String> ids = new TreeSet<>();
        for (int i = 0; i < APPLICATIONS; i++) {
            few.add(sample.get(i));
            ids.add(sample.get(i).path("id").asText());
        }
        ArrayNode luohuApplications = few.deepCopy();
        luohuApplications.forEach(application -> ((ObjectNode) application.path("applicant")).put("registeredDistrict", "罗湖"));
        String sampleText = few.toPrettyString();
        String luohu = luohuApplications.toPrettyString();
        String one = luohuApplications.get(0).toString();
        ObjectNode round = json.createObjectNode().put("round", "luohu-2024");
        round.set("applications", luohuApplications);
        round.set("reviews", only(json.readTree(Path.of("data/luohu-2024/reviews.json").toFile()), ids));
        round.set("objections", only(json.readTree(Path.of("data/luohu-2024/objections.json").toFile()), ids));
        byte[] tooLarge = ("[" + " ".repeat((int) LIMITS.maxBytes() + 10_000) + "]").getBytes(StandardCharsets.UTF_8);
        Map<Kind, Call> calls = new HashMap<>();
        calls.put(Kind.ASSESS_SAMPLE, post("/v1/assessments", sampleText));
        calls.put(Kind.ASSESS_LUOHU, post("/v1/assessments", luohu));
        calls.put(Kind.ASSESS_ONE, post("/v1/assessments", one));
        calls.put(Kind.ASSESS_INVALID, new Call("POST", "/v1/assessments", Files.readAllBytes(Path.of("data/luohu-2024/invalid-applications.json")), false));
        calls.put(Kind.REVIEW, new Call("POST", "/v1/supervision-reviews?asOf=" + AS_OF, Files.readAllBytes(Path.of("data/carriers-2024.json")), false));
        calls.put(Kind.ALLOCATE, post("/v1/allocations", round.toPrettyString()));
        calls.put(Kind.POLICY, new Call("GET", "/v1/policy", null, false));
        calls.put(Kind.NOTICE, new Call("GET", "/v1/notice-period?start=2024-09-30&days=7", null, false));
        calls.put(Kind.HEALTH, new Call("GET", "/health", null, false));
        calls.put(Kind.OPENAPI, new Call("GET", "/openapi.json", null, false));
        calls.put(Kind.NOT_JSON, post("/v1/assessments", sampleText.substring(0, sampleText.length() / 2)));
        calls.put(Kind.ALLOCATE_NOT_JSON, post("/v1/allocations", "{\"round\": \"luohu-2024\", \"applications\": [}"));
        calls.put(Kind.TOO_LARGE_DECLARED, new Call("POST", "/v1/supervision-reviews?asOf=" + AS_OF, tooLarge, false));
        calls.put(Kind.TOO_LARGE_CHUNKED, new Call("POST", "/v1/assessments", tooLarge, true));
        calls.put(Kind.TOO_MANY_RECORDS, post("/v1/assessments", "[" + "{}, ".repeat(LIMITS.maxRecords()) + "{}]"));
        calls.put(Kind.NOT_FOUND, post("/v2/assessments", sampleText));
        calls.put(Kind.WRONG_METHOD, new Call("DELETE", "/v1/policy", null, false));
        assertEquals(Set.of(Kind.values()), calls.keySet());
        return calls;
    }

    /** The reviews or objections of the applications named. */
    private static ArrayNode only(JsonNode records, Set<String> ids) {
        ArrayNode kept = JsonNodeFactory.instance.arrayNode();
        records.forEach(record -> {
            if (ids.contains(record.path("applicationId").asText())) {
                kept.add(record);
            }
        });
        return kept;
    }

    private static Call post(String path, String body) {
        return new Call("POST", path, body.getBytes(StandardCharsets.UTF_8), false);
    }

    /** A policy directory holding the bundled policy with this round.yaml. */
    private Path copy(String roundYaml, String name) throws Exception {
        Path directory = temp.resolve(name);
        CarrierRules.copyBundledPolicy(directory);
        Files.writeString(directory.resolve("round.yaml"), roundYaml, StandardCharsets.UTF_8);
        return directory;
    }

    /** In one step, so that the watch never reads half a file. */
    private void write(Path policy, String roundYaml) throws Exception {
        Path next = Files.writeString(temp.resolve("round.yaml.next"), roundYaml, StandardCharsets.UTF_8);
        Files.move(next, policy.resolve("round.yaml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static String replaceOnce(String text, String from, String to) {
        assertEquals(1, text.split(Pattern.quote(from), -1).length - 1, from);
        return text.replace(from, to);
    }

    private static boolean eventually(long deadline, BooleanSupplier condition) throws InterruptedException {
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }
}

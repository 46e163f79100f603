package org.carrierrules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.HandlerType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import org.carrierrules.CarrierRules;
import org.carrierrules.LibraryVersion;
import org.carrierrules.json.AssessmentJson;
import org.carrierrules.json.ReadLimits;
import org.carrierrules.policy.RuleInfo;
import org.carrierrules.testing.RepositoryFiles;

/**
 * Each endpoint of the decision service against the command line on the same input: the same bytes for a
 * decision, the same message for a body that cannot be read; and the service's own errors (404, 405, a parameter,
 * a read limit, a request that is not HTTP) as JSON in Chinese, never a stack trace.
 */
class ServeEndpointsTest {
    private static final String SAMPLE = "data/luohu-2024/applications.json";
    private static final String INVALID = "data/luohu-2024/invalid-applications.json";
    private static final String CARRIERS = "data/carriers-2024.json";
    private static final String INVALID_CARRIERS = "data/invalid-carriers-2024.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Small enough that each limit is reached by a body a few lines long. */
    private static final ReadLimits SMALL = new ReadLimits(4_096, 3, 64, 8);

    @TempDir
    static Path temp;

    private static DecisionService service;
    private static DecisionService small;
    private static ServiceClient client;
    private static ServiceClient smallClient;

    @BeforeAll
    static void start() {
        service = DecisionService.start(CarrierRules.bundled(), settings(ReadLimits.DEFAULTS), result -> { });
        small = DecisionService.start(CarrierRules.bundled(), settings(SMALL), result -> { }, List.of(
                new DecisionEndpoints.Route(HandlerType.GET, "/test/exception", ctx -> {
                    throw new IllegalStateException("internal detail at org.carrierrules.Secret");
                }),
                new DecisionEndpoints.Route(HandlerType.GET, "/test/error", ctx -> {
                    throw new StackOverflowError("internal detail at org.carrierrules.Secret");
                })));
        client = new ServiceClient(service.port());
        smallClient = new ServiceClient(small.port());
    }

    private static DecisionService.Settings settings(ReadLimits limits) {
        return new DecisionService.Settings("127.0.0.1", 0, limits, Duration.ofSeconds(5), null);
    }

    @AfterAll
    static void stop() {
        service.stop();
        small.stop();
    }

    @Test
    void anArrayOfApplicationsIsAnsweredWithTheBytesAssessPrints() throws Exception {
        for (String file : List.of(SAMPLE, INVALID)) {
            Run cli = Run.of("assess", file);
            ServiceClient.Answer answer = client.post("/v1/assessments", Files.readAllBytes(Path.of(file)));

            assertEquals(200, answer.status(), answer.body());
            assertTrue(answer.contentType().startsWith("application/json"), answer.contentType());
            assertEquals(cli.out(), answer.body(), file);
        }
    }

    @Test
    void oneApplicationIsAnsweredWithOneAssessmentTheOneAssessGivesForIt() throws Exception {
        String one = JSON.readTree(Path.of(SAMPLE).toFile()).get(3).toString();
        Path file = Files.writeString(temp.resolve("one.json"), one, StandardCharsets.UTF_8);
        JsonNode cli = JSON.readTree(Run.of("assess", file.toString()).out());

        ServiceClient.Answer answer = client.post("/v1/assessments", one);

        assertEquals(200, answer.status(), answer.body());
        assertEquals(1, cli.size());
        assertEquals(printed(cli.get(0)), answer.body());
        // A byte-order mark and blank lines before the object, as an editor may save it, change nothing.
        assertEquals(answer.body(), client.post("/v1/assessments", "\uFEFF\r\n  " + one).body());
    }

    @Test
    void carriersAreAnsweredWithTheBytesReviewPrints() throws Exception {
        for (String file : List.of(CARRIERS, INVALID_CARRIERS)) {
            Run cli = Run.of("review", "--as-of", "2024-12-31", file);
            ServiceClient.Answer answer = client.post("/v1/supervision-reviews?asOf=2024-12-31", Files.readAllBytes(Path.of(file)));

            assertEquals(200, answer.status(), answer.body());
            assertEquals(cli.out(), answer.body(), file);
        }
    }

    @Test
    void aRoundIsAnsweredWithTheBytesAllocatePrints() throws Exception {
        Path round = round("round.json", Files.readString(Path.of("data/luohu-2024/reviews.json"), StandardCharsets.UTF_8));
        Run cli = Run.of("allocate", round.toString());

        ServiceClient.Answer answer = client.post("/v1/allocations", Files.readAllBytes(round));

        assertEquals(0, cli.exitCode(), cli.err());
        assertEquals(200, answer.status(), answer.body());
        assertEquals(cli.out(), answer.body());
    }

    @Test
    void aRoundWithInputErrorsIsAnswered422WithTheErrorsAllocatePrints() throws Exception {
        Path round = round("bad-round.json", "[{\"applicationId\": \"LH2024-001\", \"siteVisitPassed\": true, "
                + "\"expertScores\": [{\"expert\": \"E1\", \"items\": {\"FOUNDATION\": 99}}]}]");
        Run cli = Run.of("allocate", round.toString());

        ServiceClient.Answer answer = client.post("/v1/allocations", Files.readAllBytes(round));

        assertEquals(CarrierRulesCommand.RECORDS_INVALID, cli.exitCode(), cli.err());
        assertEquals(422, answer.status(), answer.body());
        assertEquals(cli.out(), answer.body());
        assertTrue(answer.json().path("errors").size() > 0, answer.body());
    }

    @Test
    void theNoticePeriodIsTheOneNoticePeriodPrints() {
        assertEquals(Run.of("notice-period", "--start", "2024-09-11").out(), client.get("/v1/notice-period?start=2024-09-11").body());
        ServiceClient.Answer seven = client.get("/v1/notice-period?start=2024-09-30&days=7");
        assertEquals(200, seven.status(), seven.body());
        assertEquals(Run.of("notice-period", "--start", "2024-09-30", "--days", "7").out(), seven.body());
    }

    @Test
    void aNoticePeriodPastTheCalendarIs422WithTheMessageTheCommandLinePrints() {
        Run cli = Run.of("notice-period", "--start", "2031-01-06");
        ServiceClient.Answer answer = client.get("/v1/notice-period?start=2031-01-06");

        assertEquals(CarrierRulesCommand.CALENDAR_MISSING, cli.exitCode());
        assertEquals(422, answer.status(), answer.body());
        assertEquals("CALENDAR_YEAR_MISSING", answer.errorCode());
        assertEquals(cli.err().strip(), answer.errorMessage());
    }

    @Test
    void thePolicyIsTheOneTheLibraryServesWithEveryRuleItsClauseAndFile() {
        CarrierRules rules = CarrierRules.bundled();
        JsonNode policy = client.get("/v1/policy").json();

        assertEquals(rules.policy().round(), policy.path("policy").path("round").asText());
        assertEquals(rules.policy().fingerprint(), policy.path("policy").path("fingerprint").asText());
        assertEquals(LibraryVersion.get(), policy.path("libraryVersion").asText());
        assertEquals(rules.round().title(), policy.path("round").path("title").asText());
        assertEquals(rules.round().totalQuota(), policy.path("round").path("totalQuota").asInt());
        Set<RuleInfo> served = new HashSet<>();
        policy.path("rules").forEach(r -> served.add(new RuleInfo(r.path("name").asText(), r.path("clause").asText(), r.path("file").asText(), r.path("line").asInt())));
        assertEquals(new HashSet<>(rules.rules()), served);
        assertEquals(rules.rules().size(), policy.path("rules").size());
    }

    @Test
    void healthSaysUpAndTheFingerprintServingNow() {
        ServiceClient.Answer answer = client.get("/health");

        assertEquals(200, answer.status());
        assertEquals("UP", answer.json().path("status").asText());
        assertEquals(CarrierRules.bundled().policy().fingerprint(), answer.json().path("policy").path("fingerprint").asText());
        assertFalse(answer.json().path("watching").asBoolean());
    }

    /** The document is written by hand; this keeps it from drifting from what the server routes. */
    @Test
    void theOpenApiDocumentListsEveryRouteTheServerHasAndNoOther() {
        JsonNode doc = client.get("/openapi.json").json();

        assertTrue(doc.path("openapi").asText().startsWith("3."), doc.path("openapi").asText());
        Set<String> documented = new HashSet<>();
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            documented.add(method.toUpperCase() + " " + path.getKey());
            assertTrue(path.getValue().path(method).path("responses").has("200"), path.getKey() + " " + method);
        }));
        Set<String> routed = new HashSet<>();
        service.routes().forEach(route -> routed.add(route.method().name() + " " + route.path()));
        assertEquals(routed, documented);
        assertEquals(7, routed.size());
    }

    @Test
    void aBodyThatIsNotJsonIs400WithTheMessageTheCommandLinePrintsForSuchAFile() throws Exception {
        byte[] body = "[{\"id\": \"LH-1\",, }]".getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(temp.resolve("broken.json"), body);
        String[][] cases = {
            {"/v1/assessments", "assess", "申报文件"},
            {"/v1/supervision-reviews?asOf=2024-12-31", "review --as-of 2024-12-31", "载体文件"},
            {"/v1/allocations", "allocate", "输入文件"}};
        for (String[] c : cases) {
            String[] command = (c[1] + " " + file).split(" ");
            Run cli = Run.of(command);
            ServiceClient.Answer answer = client.post(c[0], body);

            assertEquals(CarrierRulesCommand.UNREADABLE, cli.exitCode(), cli.err());
            assertEquals(400, answer.status(), answer.body());
            assertEquals("INVALID_JSON", answer.errorCode());
            assertEquals(asBody(cli.err(), c[2], file), answer.errorMessage(), c[0]);
        }
    }

    @Test
    void aBodyPastEachReadLimitIs413NamingTheLimitAsTheCommandLineDoes() throws Exception {
        String longString = "[{\"id\": \"" + "长".repeat(SMALL.maxStringLength() + 1) + "\"}]";
        String deep = "[" + "[".repeat(SMALL.maxDepth()) + "]".repeat(SMALL.maxDepth()) + "]";
        String[][] cases = {
            {"[{}, {}, {}, {}]", "--max-records", "maxRecords"},
            {longString, "--max-string-length", "maxStringLength"},
            {deep, "--max-depth", "maxDepth"}};
        for (String[] c : cases) {
            Path file = Files.writeString(temp.resolve(c[2] + ".json"), c[0], StandardCharsets.UTF_8);
            Run cli = Run.of("assess", "--max-bytes", "4096", "--max-records", "3", "--max-string-length", "64", "--max-depth", "8", file.toString());
            ServiceClient.Answer answer = smallClient.post("/v1/assessments", c[0]);

            assertEquals(CarrierRulesCommand.UNREADABLE, cli.exitCode(), cli.err());
            assertEquals(413, answer.status(), answer.body());
            assertEquals("READ_LIMIT_EXCEEDED", answer.errorCode());
            assertTrue(answer.errorMessage().contains(c[2]), answer.errorMessage());
            assertEquals(asBody(cli.err(), "申报文件", file).replace("请用 " + c[1], "请用 serve " + c[1]), answer.errorMessage());
        }
    }

    @Test
    void aBodyLargerThanMaxBytesIs413WhetherItsLengthIsDeclaredOrCounted() {
        // Blank space past the limit: no other limit is reached first, whether the bytes are counted up front or as read.
        byte[] large = ("[" + " ".repeat((int) SMALL.maxBytes()) + "]").getBytes(StandardCharsets.UTF_8);
        for (String path : List.of("/v1/assessments", "/v1/supervision-reviews?asOf=2024-12-31", "/v1/allocations")) {
            for (ServiceClient.Answer answer : List.of(smallClient.post(path, large), smallClient.postChunked(path, large))) {
                assertEquals(413, answer.status(), answer.body());
                assertEquals("READ_LIMIT_EXCEEDED", answer.errorCode());
                assertTrue(answer.errorMessage().startsWith(RequestBody.SOURCE), answer.errorMessage());
                assertTrue(answer.errorMessage().contains("maxBytes = 4096") && answer.errorMessage().contains("serve --max-bytes"),
                        answer.errorMessage());
            }
        }
    }

    @Test
    void anUnknownAddressIs404AndAWrongMethod405WithTheMethodsAllowed() {
        for (ServiceClient.Answer answer : List.of(client.get("/v1/nothing"), client.post("/assess", "[]"), client.get("/"))) {
            assertEquals(404, answer.status(), answer.body());
            assertEquals("NOT_FOUND", answer.errorCode());
            assertTrue(answer.errorMessage().contains("/openapi.json"), answer.errorMessage());
        }
        ServiceClient.Answer get = client.get("/v1/assessments");
        assertEquals(405, get.status(), get.body());
        assertEquals("METHOD_NOT_ALLOWED", get.errorCode());
        assertEquals("POST", get.allow());
        ServiceClient.Answer delete = client.send("DELETE", "/health");
        assertEquals(405, delete.status(), delete.body());
        assertEquals("GET", delete.allow());
    }

    @Test
    void aMissingOrMalformedParameterIs400NamingIt() {
        String carriers = "[]";
        ServiceClient.Answer missing = client.post("/v1/supervision-reviews", carriers);
        assertEquals(400, missing.status(), missing.body());
        assertEquals("INVALID_PARAMETER", missing.errorCode());
        assertTrue(missing.errorMessage().contains("asOf"), missing.errorMessage());

        // The date is refused with the command line's own words for --as-of.
        Run cli = Run.of("review", "--as-of", "2024-02-30", CARRIERS);
        ServiceClient.Answer notADate = client.post("/v1/supervision-reviews?asOf=2024-02-30", carriers);
        assertEquals(400, notADate.status(), notADate.body());
        assertTrue(cli.err().contains(notADate.errorMessage().substring("参数 asOf：".length())), cli.err() + " / " + notADate.errorMessage());

        for (String query : List.of("start=2024-09-11&days=0", "start=2024-09-11&days=abc", "start=2024-09-11&days=1001",
                "start=2024-9-11", "start=2024-09-11&start=2024-09-12", "days=5")) {
            ServiceClient.Answer answer = client.get("/v1/notice-period?" + query);
            assertEquals(400, answer.status(), query + " " + answer.body());
            assertEquals("INVALID_PARAMETER", answer.errorCode(), query);
        }
    }

    /** Below the routes: Jetty refuses what is not HTTP, in the same JSON. */
    @Test
    void aRequestThatIsNotHttpIsAnsweredInJsonWithoutAStackTrace() throws Exception {
        String garbage = raw("GARBAGE\r\n\r\n");
        String headers = raw("GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n");
        String uri = raw("GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n");

        assertTrue(garbage.startsWith("HTTP/1.1 400"), garbage);
        assertTrue(garbage.contains("\"BAD_REQUEST\""), garbage);
        assertTrue(headers.startsWith("HTTP/1.1 431") && headers.contains("\"HEADERS_TOO_LARGE\""), headers);
        assertTrue(uri.startsWith("HTTP/1.1 414") && uri.contains("\"URI_TOO_LONG\""), uri);
        for (String answer : List.of(garbage, headers, uri)) {
            assertTrue(answer.contains("application/json"), answer);
            assertFalse(answer.contains("Exception") || answer.contains("\tat "), answer);
        }
    }

    /** What no route expects is the service's fault: logged, and answered 500 in Chinese with an incident number, nothing more. */
    @Test
    void anUnexpectedExceptionOrErrorIs500InChineseWithAnIncidentNumberAndNoDetail() {
        for (String path : List.of("/test/exception", "/test/error")) {
            ServiceClient.Answer answer = smallClient.get(path);

            assertEquals(500, answer.status(), answer.body());
            assertEquals("INTERNAL_ERROR", answer.errorCode());
            assertTrue(answer.errorMessage().matches("服务内部出错.*（事件编号 [0-9a-f]{8}）"), answer.errorMessage());
            assertFalse(answer.body().contains("Secret") || answer.body().contains("Exception") || answer.body().contains("Error:"), answer.body());
        }
    }

    @Test
    void theServiceListensOnTheLoopbackAddressUnlessToldOtherwise() {
        CommandLine.Model.OptionSpec bind = new CommandLine(new ServeCommand()).getCommandSpec().findOption("--bind");

        assertEquals("127.0.0.1", bind.defaultValue());
    }

    /** The README's curl call and what it prints: the service's answer, with the fingerprint written sha256:… as the README writes it. */
    @Test
    void theReadmeShowsWhatTheServiceAnswersToItsCurlCall() throws Exception {
        String readme = Files.readString(RepositoryFiles.path("README.md"), StandardCharsets.UTF_8);
        String call = "--data-binary @samples/data/one-application.json\n";
        int at = readme.indexOf(call);
        assertTrue(at > 0, "the README's serve section has the curl call");
        String shown = readme.substring(at + call.length(), readme.indexOf("```", at));

        ServiceClient.Answer answer = client.post("/v1/assessments", Files.readAllBytes(Path.of("data/one-application.json")));

        assertEquals(200, answer.status());
        String fingerprint = CarrierRules.bundled().policy().fingerprint();
        assertTrue(answer.body().contains(fingerprint), answer.body());
        assertEquals(answer.body().replace(fingerprint, "sha256:…"), shown);
    }

    /** The sample round as one allocate input, with the reviews given. */
    private static Path round(String name, String reviews) throws Exception {
        return Files.writeString(temp.resolve(name), "{\"round\": \"luohu-2024\", \"applications\": "
                + Files.readString(Path.of(SAMPLE), StandardCharsets.UTF_8) + ", \"reviews\": " + reviews
                + ", \"objections\": " + Files.readString(Path.of("data/luohu-2024/objections.json"), StandardCharsets.UTF_8) + "}",
                StandardCharsets.UTF_8);
    }

    /** The command line's message about a file, as the service words it about a body: 无法读取申报文件：FILE … → 请求正文 …. */
    private static String asBody(String cliErr, String what, Path file) {
        String prefix = "无法读取" + what + "：" + file;
        assertTrue(cliErr.startsWith(prefix), cliErr);
        return RequestBody.SOURCE + cliErr.strip().substring(prefix.length());
    }

    private static String printed(JsonNode node) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AssessmentJson.print(node, new OutputStreamWriter(bytes, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** What the service answers to bytes written straight to its socket. */
    private static String raw(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", service.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

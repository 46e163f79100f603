package org.carrierrules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.carrierrules.CarrierRules;

/**
 * {@code carrier-rules serve} as an operator runs it: in a JVM of its own, started on a free port it prints,
 * reloading an edited policy directory, and stopped with SIGTERM while a request is still being sent, which
 * must still be answered. And the ways it refuses to start.
 */
class ServeCommandTest {
    private static final Pattern STARTED = Pattern.compile("决定服务已启动：http://127\\.0\\.0\\.1:([0-9]+)（端口 \\1；政策 luohu-2024，(sha256:[0-9a-f]{64})");
    private static final String ALSO_WRITTEN = "alsoWritten: [深圳市罗湖区, 广东省深圳市罗湖区]";
    private static final String GOOD_EDIT = "alsoWritten: [深圳市罗湖区, 广东省深圳市罗湖区, 罗湖]";

    @TempDir
    Path temp;

    @Test
    void servesOnThePortItPrintsReloadsEditsAndFinishesARequestInFlightWhenStopped() throws Exception {
        Path policy = temp.resolve("policy");
        CarrierRules.copyBundledPolicy(policy);
        Path stderr = temp.resolve("stderr.txt");
        Process process = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"), CarrierRulesCommand.class.getName(),
                "serve", "--policy", policy.toString(), "--port", "0", "--watch", "--stop-timeout", "60")
                .redirectError(stderr.toFile()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            CompletableFuture<String> firstLine = CompletableFuture.supplyAsync(() -> readLine(out));
            String line = firstLine.get(180, TimeUnit.SECONDS);
            Matcher started = STARTED.matcher(line == null ? "" : line);
            assertTrue(started.find(), () -> line + "\n" + read(stderr));
            int port = Integer.parseInt(started.group(1));
            String first = started.group(2);
            ServiceClient client = new ServiceClient(port);
            assertEquals(first, fingerprint(client));

            edit(policy, ALSO_WRITTEN, GOOD_EDIT);
            assertTrue(eventually(() -> !fingerprint(client).equals(first)), () -> read(stderr));
            String edited = fingerprint(client);
            assertTrue(eventually(() -> read(stderr).contains("政策已重新加载，现由 " + edited)), () -> read(stderr));

            edit(policy, "  quotas:\n", "  quotas: [\n");
            assertTrue(eventually(() -> read(stderr).contains("政策目录的改动未生效，仍由 " + edited)), () -> read(stderr));
            assertEquals(edited, fingerprint(client));
            assertEquals(false, client.get("/health").json().path("lastReload").path("applied").asBoolean(true));

            // A request in flight at SIGTERM: its body still coming, a piece every 100 ms, the signal after the fifth.
            byte[] body = Files.readAllBytes(Path.of("data/luohu-2024/applications.json"));
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(60_000);
                OutputStream request = socket.getOutputStream();
                request.write(("POST /v1/assessments HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
                        + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                int pieces = 20;
                int size = body.length / pieces + 1;
                for (int piece = 0; piece * size < body.length; piece++) {
                    request.write(body, piece * size, Math.min(size, body.length - piece * size));
                    request.flush();
                    if (piece == 4) {
                        process.destroy(); // SIGTERM
                    }
                    Thread.sleep(100);
                }
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

                assertTrue(read(stderr).contains("正在停止决定服务"), () -> read(stderr));
                assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
                String json = answer.substring(answer.indexOf("\r\n\r\n") + 4);
                assertEquals(27, new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).size(), json);
                assertTrue(json.contains(edited), json);
            }
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), () -> read(stderr));
            assertTrue(read(stderr).contains("决定服务已停止"), () -> read(stderr));
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void watchingTheBundledPolicyIsAUsageError() {
        Run run = Run.of("serve", "--watch", "--port", "0");

        assertEquals(CarrierRulesCommand.UNREADABLE, run.exitCode());
        assertTrue(run.err().contains("--watch 需要同时给出 --policy DIR"), run.err());
    }

    @Test
    void aPortInUseIsRefusedInChineseWithItsOwnExitCode() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Run run = Run.of("serve", "--port", String.valueOf(taken.getLocalPort()));

            assertEquals(ServeCommand.CANNOT_LISTEN, run.exitCode(), run.err());
            assertTrue(run.err().contains("端口已被占用"), run.err());
        }
    }

    @Test
    void aBrokenPolicyIsNotServed() throws Exception {
        Path policy = temp.resolve("broken");
        CarrierRules.copyBundledPolicy(policy);
        edit(policy, "  quotas:\n", "  quotas: [\n");

        Run run = Run.of("serve", "--policy", policy.toString(), "--port", "0");

        assertEquals(CarrierRulesCommand.POLICY_BROKEN, run.exitCode(), run.err());
        assertTrue(run.err().contains("round.yaml"), run.err());
    }

    /** Replaces one text in round.yaml in one step, so the watch never sees half a file. */
    static void edit(Path policy, String from, String to) throws IOException {
        Path file = policy.resolve("round.yaml");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertEquals(1, text.split(Pattern.quote(from), -1).length - 1, from);
        Path next = Files.writeString(policy.getParent().resolve("round.yaml.next"), text.replace(from, to), StandardCharsets.UTF_8);
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String fingerprint(ServiceClient client) {
        String fingerprint = client.get("/health").json().path("policy").path("fingerprint").asText();
        assertTrue(fingerprint.matches("sha256:[0-9a-f]{64}"), fingerprint);
        return fingerprint;
    }

    private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String readLine(BufferedReader in) {
        try {
            return in.readLine();
        } catch (IOException e) {
            return null;
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }
}

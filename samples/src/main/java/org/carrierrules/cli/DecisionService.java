package org.carrierrules.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.MethodNotAllowedResponse;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.carrierrules.CarrierRules;
import org.carrierrules.json.ReadLimits;
import org.carrierrules.policy.PolicyProblem;
import org.carrierrules.policy.ReloadResult;

/**
 * {@code carrier-rules serve}: the library's decisions over HTTP for host systems not on the JVM, on Javalin
 * (an embedded Jetty 12). Every answer is JSON, errors included, and none carries a stack trace: what the
 * routes do not expect is logged with an incident number and answered 500 with that number in Chinese. Stopping
 * lets the requests in flight finish (up to the stop timeout) and refuses new ones with 503.
 */
final class DecisionService {
    private static final Logger LOG = LoggerFactory.getLogger(DecisionService.class);
    /**
     * Request threads. Each request holds its body's records while it is decided, up to the read limits; on a
     * machine of two cores more threads would add memory, not throughput.
     */
    private static final int MAX_THREADS = 32;

    /**
     * How the service is run.
     *
     * @param bind          the address to listen on: 127.0.0.1 unless the operator names another
     * @param port          0 for any free port ({@link #port()} says which)
     * @param stopTimeout   how long stopping waits for the requests in flight
     * @param watchInterval how often the policy directory is looked at for edits; null to serve one policy throughout
     */
    record Settings(String bind, int port, ReadLimits limits, Duration stopTimeout, Duration watchInterval) {
        Settings {
            Objects.requireNonNull(bind, "bind");
            Objects.requireNonNull(limits, "limits");
            Objects.requireNonNull(stopTimeout, "stopTimeout");
        }
    }

    private final CarrierRules rules;
    private final Path scratch;
    private final DecisionEndpoints endpoints;
    private final AtomicReference<ReloadResult> lastReload = new AtomicReference<>();
    private final boolean watching;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Javalin app;
    private AutoCloseable watch;

    private DecisionService(CarrierRules rules, Settings settings, List<DecisionEndpoints.Route> extraRoutes) throws IOException {
        this.rules = rules;
        this.watching = settings.watchInterval() != null;
        this.scratch = Files.createTempDirectory("carrier-rules-serve");
        this.endpoints = new DecisionEndpoints(rules, settings.limits(), scratch, this::reloadState);
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.startup.startupWatcherEnabled = false;
            // The same bytes as the command line prints, whatever the client accepts.
            config.http.compressionStrategy = CompressionStrategy.NONE;
            config.http.prefer405over404 = true;
            config.jetty.host = settings.bind();
            config.jetty.port = settings.port();
            QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 4);
            threads.setName("carrier-rules-serve");
            config.jetty.threadPool = threads;
            config.jetty.modifyServer(server -> {
                // Graceful: on stop the connectors stop accepting, requests in flight run to their end and are
                // answered with Connection: close, a request arriving on a kept-alive connection gets 503. A
                // connection silent for Jetty's shutdown idle timeout (1 s) is closed then, so that idle
                // keep-alive connections do not hold the stop up to its timeout.
                server.insertHandler(new GracefulHandler());
                server.setStopTimeout(settings.stopTimeout().toMillis());
                server.setErrorHandler(new JsonErrorHandler());
            });
            for (DecisionEndpoints.Route route : endpoints.routes()) {
                config.routes.addHttpHandler(route.method(), route.path(), route.handler());
            }
            for (DecisionEndpoints.Route route : extraRoutes) {
                config.routes.addHttpHandler(route.method(), route.path(), route.handler());
            }
            config.routes.exception(ServiceFailure.class, (e, ctx) -> {
                RequestBody.drain(ctx.req());
                DecisionEndpoints.answer(ctx, e.status(), ServiceErrors.body(e.code(), e.getMessage()));
            });
            config.routes.exception(HttpResponseException.class, DecisionService::httpError);
            config.routes.exception(Exception.class, DecisionService::unexpected);
            config.router.javaLangErrorHandler(DecisionService::fatal);
        });
    }

    /**
     * Starts serving {@code rules} and, with a watch interval, reloading its directory on every edit.
     *
     * @param onReload told what came of each reload the watch tried
     * @throws io.javalin.util.JavalinException when the address cannot be listened on (a port in use, an unknown host)
     */
    static DecisionService start(CarrierRules rules, Settings settings, Consumer<ReloadResult> onReload) {
        return start(rules, settings, onReload, List.of());
    }

    /**
     * As {@link #start(CarrierRules, Settings, Consumer)}, with routes beyond the contract's: for tests that need a
     * route to fail as no contract route can, to see what a client is told.
     */
    static DecisionService start(CarrierRules rules, Settings settings, Consumer<ReloadResult> onReload,
                                 List<DecisionEndpoints.Route> extraRoutes) {
        DecisionService service;
        try {
            service = new DecisionService(rules, settings, extraRoutes);
        } catch (IOException e) {
            throw new UncheckedIOException("无法创建临时目录", e);
        }
        try {
            service.app.start();
        } catch (RuntimeException e) {
            service.deleteScratch();
            throw e;
        }
        if (service.watching) {
            service.watch = rules.watch(settings.watchInterval(), result -> {
                service.lastReload.set(result);
                onReload.accept(result);
            });
        }
        return service;
    }

    /** The port listened on; the one picked when 0 was asked for. */
    int port() {
        return app.port();
    }

    /** The endpoints routed, as the OpenAPI document must list them. */
    List<DecisionEndpoints.Route> routes() {
        return endpoints.routes();
    }

    /**
     * Stops the watch, then the server: no new connection is accepted, requests in flight finish (up to the stop
     * timeout), and the service's temporary files go. Safe to call more than once, from any thread.
     *
     * @return false when requests were still running at the stop timeout and were cut off
     */
    boolean stop() {
        synchronized (stopped) {
            if (stopped.getCount() == 0) {
                return true;
            }
            try {
                if (watch != null) {
                    watch.close();
                }
            } catch (Exception e) {
                LOG.warn("stopping the policy watch: {}", e.toString());
            }
            try {
                app.stop();
                return true;
            } catch (RuntimeException e) {
                // Javalin wraps Jetty's TimeoutException: the server is stopped, but not everything in flight finished.
                LOG.warn("stopped with requests still running at the stop timeout: {}", e.toString());
                return false;
            } finally {
                deleteScratch();
                stopped.countDown();
            }
        }
    }

    /** Returns once {@link #stop()} has run to its end. */
    void awaitStop() throws InterruptedException {
        stopped.await();
    }

    private ObjectNode reloadState() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("watching", watching);
        ReloadResult last = lastReload.get();
        if (last == null) {
            node.putNull("lastReload");
        } else {
            ObjectNode reload = node.putObject("lastReload");
            reload.put("applied", last.applied());
            reload.set("serving", Decisions.ref(last.serving()));
            reload.putArray("problems").addAll(last.problems().stream()
                    .map(PolicyProblem::toString).map(JsonNodeFactory.instance::textNode).toList());
            reload.putArray("failedScenarios").addAll(last.scenarios() == null ? List.of() : last.scenarios().failed().stream()
                    .map(s -> JsonNodeFactory.instance.textNode(s.file() + " 第" + s.line() + "行 " + s.name())).toList());
        }
        return node;
    }

    /** Javalin's own answers (no such route, wrong method …) in the service's JSON, in Chinese. */
    private static void httpError(HttpResponseException e, Context ctx) {
        RequestBody.drain(ctx.req());
        if (e instanceof MethodNotAllowedResponse) {
            String allowed = e.getDetails().getOrDefault("availableMethods", e.getDetails().get("Available methods"));
            if (allowed != null) {
                ctx.header("Allow", allowed);
            }
        }
        DecisionEndpoints.answer(ctx, e.getStatus(), ServiceErrors.body(ServiceErrors.code(e.getStatus()), ServiceErrors.message(e.getStatus())));
    }

    /**
     * Jetty's refusal of what is not HTTP (a query string that is not UTF-8 …) keeps its status; anything else is a
     * fault of the service: logged in full with an incident number, answered 500 with that number and no more.
     */
    private static void unexpected(Exception e, Context ctx) {
        RequestBody.drain(ctx.req());
        if (e instanceof HttpException http && http.getCode() >= 400 && http.getCode() < 500) {
            DecisionEndpoints.answer(ctx, http.getCode(), ServiceErrors.body(ServiceErrors.code(http.getCode()), ServiceErrors.message(http.getCode())));
            return;
        }
        String incident = incident();
        LOG.error("incident {}: {} {} failed", incident, ctx.method(), ctx.path(), e);
        DecisionEndpoints.answer(ctx, 500, ServiceErrors.body(ServiceErrors.code(500), ServiceErrors.message(500) + "（事件编号 " + incident + "）"));
    }

    /** An {@link Error} (out of memory …) while serving: as {@link #unexpected}, written straight to the response. */
    private static void fatal(HttpServletResponse response, Error error) {
        String incident = incident();
        LOG.error("incident {}: fatal error while serving a request", incident, error);
        response.setStatus(500);
        response.setContentType(ServiceErrors.JSON);
        try {
            response.getOutputStream().write(ServiceErrors.bytes(ServiceErrors.code(500), ServiceErrors.message(500) + "（事件编号 " + incident + "）"));
        } catch (IOException | IllegalStateException e) {
            LOG.warn("incident {}: the error answer could not be written: {}", incident, e.toString());
        }
    }

    /** A short number that a caller can quote and an administrator find in the log. */
    private static String incident() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private void deleteScratch() {
        try (Stream<Path> files = Files.list(scratch)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(scratch);
        } catch (IOException e) {
            LOG.warn("could not delete {}: {}", scratch, e.toString());
        }
    }

    /**
     * Errors Jetty answers before a route is reached, or outside one (a request line HTTP cannot parse, headers too
     * large, a request during shutdown): the same JSON, never Jetty's HTML page or a stack trace.
     */
    private static final class JsonErrorHandler extends ErrorHandler {
        @Override
        public boolean errorPageForMethod(String method) {
            return true;
        }

        @Override
        protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback) {
            if (code >= 500 && cause != null) {
                LOG.error("HTTP {} outside the routes: {}", code, message, cause);
            }
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, ServiceErrors.JSON);
            response.write(true, ByteBuffer.wrap(ServiceErrors.bytes(ServiceErrors.code(code), ServiceErrors.message(code))), callback);
        }
    }
}

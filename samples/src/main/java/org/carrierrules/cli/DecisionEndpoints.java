package org.carrierrules.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import picocli.CommandLine.TypeConversionException;

import org.carrierrules.CarrierRules;
import org.carrierrules.json.AllocationInput;
import org.carrierrules.json.AllocationJson;
import org.carrierrules.json.ApplicationJson;
import org.carrierrules.json.CarrierJson;
import org.carrierrules.json.CarrierRecord;
import org.carrierrules.json.InputRecord;
import org.carrierrules.json.ReadLimits;
import org.carrierrules.notice.CalendarYearMissingException;
import org.carrierrules.notice.NoticePeriod;

/**
 * The endpoints of the contract's "Decision service over HTTP": each answers with the JSON the command line
 * prints for the same input, byte for byte, or with {@code {"error": {"code", "message"}}}.
 */
final class DecisionEndpoints {
    /** One endpoint as the server routes it; the OpenAPI document is tested against this list. */
    record Route(HandlerType method, String path, Handler handler) {
    }

    private static final Pattern COUNT = Pattern.compile("[0-9]{1,9}");
    /**
     * The most working days a caller may ask for: about four years, far past any notice period (四(五): 5). The
     * library sets aside room for every day asked before it looks at the calendar, so days=999999999 would take
     * gigabytes of memory from a server that others share.
     */
    static final int MAX_DAYS = 1_000;
    private static final String OPENAPI = "openapi.json";

    private final CarrierRules rules;
    private final ReadLimits limits;
    /** Where an allocate body is put while the library's file reader reads it. */
    private final Path scratch;
    private final Supplier<ObjectNode> reloadState;
    private final byte[] openApi;

    /** @param reloadState what {@code GET /health} says about reloading: watched or not, and the last attempt */
    DecisionEndpoints(CarrierRules rules, ReadLimits limits, Path scratch, Supplier<ObjectNode> reloadState) {
        this.rules = rules;
        this.limits = limits;
        this.scratch = scratch;
        this.reloadState = reloadState;
        this.openApi = resource(OPENAPI);
    }

    List<Route> routes() {
        return List.of(
                new Route(HandlerType.POST, "/v1/assessments", this::assessments),
                new Route(HandlerType.POST, "/v1/supervision-reviews", this::reviews),
                new Route(HandlerType.POST, "/v1/allocations", this::allocations),
                new Route(HandlerType.GET, "/v1/notice-period", this::noticePeriod),
                new Route(HandlerType.GET, "/v1/policy", this::policy),
                new Route(HandlerType.GET, "/health", this::health),
                new Route(HandlerType.GET, "/openapi.json", this::openApi));
    }

    /** 受理审查 (四(三)), as {@code assess}: one application gives one assessment, an array an array, in order. */
    private void assessments(Context ctx) {
        BufferedInputStream body = body(ctx);
        boolean one = RequestBody.holdsOneObject(body);
        List<InputRecord> records = RequestBody.read(() -> ApplicationJson.readAll(body, RequestBody.SOURCE, limits));
        answer(ctx, 200, Decisions.assessments(rules, records, one));
    }

    /** 跟踪管理 (五), as {@code supervise --as-of DATE}: one carrier gives one decision, an array an array, in order. */
    private void reviews(Context ctx) {
        LocalDate asOf = date(ctx, "asOf");
        BufferedInputStream body = body(ctx);
        boolean one = RequestBody.holdsOneObject(body);
        List<CarrierRecord> records = RequestBody.read(() -> CarrierJson.readAll(body, RequestBody.SOURCE, limits));
        answer(ctx, 200, Decisions.reviews(rules, records, asOf, one));
    }

    /**
     * 评审与名额分配 (三, 四(四), 四(五)), as {@code allocate}, through the same {@link Decided}: an input with errors is
     * answered 422 with the {@code {"errors": [...]}} the command line prints, a calendar year missing 422 as well.
     */
    private void allocations(Context ctx) throws IOException {
        BufferedInputStream body = body(ctx);
        // The library reads the allocate input from files only; the body goes to one for as long as it is read.
        // Made again if a cleaner of the temporary folder took it while the service ran.
        Path file = Files.createTempFile(Files.createDirectories(scratch), "allocate-", ".json");
        try {
            RequestBody.copy(body, file, limits);
            AllocationInput input = RequestBody.read(() -> AllocationJson.read(file, limits));
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            Decided decided = Decided.of(rules, input, null, null, new PrintWriter(out, true), new PrintWriter(err, true));
            if (decided.allocation() != null) {
                answer(ctx, 200, ServiceErrors.print(json -> AllocationJson.print(decided.allocation(), json)));
            } else if (decided.exitCode() == CarrierRulesCommand.RECORDS_INVALID) {
                answer(ctx, 422, out.toString().getBytes(StandardCharsets.UTF_8));
            } else {
                throw new ServiceFailure(422, ServiceFailure.CALENDAR_YEAR_MISSING, err.toString().strip());
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** 公示期 (四(五)), as {@code notice-period --start DATE [--days N]}. */
    private void noticePeriod(Context ctx) {
        LocalDate start = date(ctx, "start");
        String days = single(ctx, "days");
        NoticePeriod period;
        try {
            if (days == null) {
                period = rules.noticePeriod(start);
            } else if (COUNT.matcher(days).matches() && Integer.parseInt(days) <= MAX_DAYS) {
                period = rules.noticePeriod(start, Integer.parseInt(days));
            } else {
                throw new ServiceFailure(400, ServiceFailure.INVALID_PARAMETER,
                        "参数 days：“" + days + "”不是可用的工作日天数；应写作 1 到 " + MAX_DAYS + " 之间的整数，如 days=5");
            }
        } catch (CalendarYearMissingException e) {
            throw new ServiceFailure(422, ServiceFailure.CALENDAR_YEAR_MISSING, "无法计算公示期：" + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ServiceFailure(400, ServiceFailure.INVALID_PARAMETER, "参数有误：" + e.getMessage());
        }
        answer(ctx, 200, ServiceErrors.print(out -> AllocationJson.print(period, out)));
    }

    private void policy(Context ctx) {
        answer(ctx, 200, Decisions.policy(rules));
    }

    /** Up, the policy deciding now, and whether a reload was refused (the old policy then keeps deciding). */
    private void health(Context ctx) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("status", "UP");
        node.set("policy", Decisions.ref(rules.policy()));
        node.setAll(reloadState.get());
        answer(ctx, 200, node);
    }

    private void openApi(Context ctx) {
        answer(ctx, 200, openApi);
    }

    private BufferedInputStream body(Context ctx) {
        // The declared length first: asking for the stream makes Jetty tell a client waiting on
        // "Expect: 100-continue" to send a body that would only be refused.
        RequestBody.refuseDeclaredLength(ctx.req().getContentLengthLong(), limits);
        try {
            return RequestBody.open(ctx.req());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A date parameter, required, as the command line takes dates ({@link ContractDate}). */
    private static LocalDate date(Context ctx, String name) {
        String value = single(ctx, name);
        if (value == null) {
            throw new ServiceFailure(400, ServiceFailure.INVALID_PARAMETER, "缺少参数 " + name + "：应在地址后写 ?" + name + "=2024-12-31");
        }
        try {
            return new ContractDate().convert(value);
        } catch (TypeConversionException e) {
            throw new ServiceFailure(400, ServiceFailure.INVALID_PARAMETER, "参数 " + name + "：" + e.getMessage());
        }
    }

    /** The parameter's value, null when absent; given twice, it is refused rather than one of the two guessed. */
    private static String single(Context ctx, String name) {
        List<String> values = ctx.queryParams(name);
        if (values.size() > 1) {
            throw new ServiceFailure(400, ServiceFailure.INVALID_PARAMETER, "参数 " + name + " 给了 " + values.size() + " 次；只能给一次");
        }
        return values.isEmpty() ? null : values.get(0);
    }

    static void answer(Context ctx, int status, JsonNode node) {
        answer(ctx, status, ServiceErrors.print(node));
    }

    static void answer(Context ctx, int status, byte[] body) {
        ctx.status(status).contentType(ServiceErrors.JSON).result(body);
    }

    private static byte[] resource(String name) {
        try (InputStream in = DecisionEndpoints.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks org/carrierrules/cli/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.carrierrules.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;

import io.javalin.util.JavalinException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import org.carrierrules.CarrierRules;
import org.carrierrules.PolicyRef;
import org.carrierrules.json.ReadLimits;
import org.carrierrules.policy.ReloadResult;

/**
 * {@code serve}: the decision service over HTTP (contract, "Decision service over HTTP"), for host systems not on
 * the JVM. Runs until stopped (Ctrl+C, SIGTERM); the requests in flight then finish first.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"决定服务：以 HTTP 提供受理审查、跟踪管理审查、评审分配和公示期计算，输入输出与命令行的 JSON 完全相同。",
            "接口说明见 GET /openapi.json；按 Ctrl+C 停止（正在处理的请求会先处理完）。"},
        exitCodeList = {
            "0:服务已按要求停止",
            CarrierRulesCommand.UNREADABLE + ":用法错误（含 --watch 未与 --policy 同用、端口或等待秒数超出范围）",
            CarrierRulesCommand.POLICY_BROKEN + ":政策目录有误，或其场景测试未全部通过，不能用来作出决定",
            ServeCommand.CANNOT_LISTEN + ":无法在所给地址和端口上监听：端口已被占用、无权使用或本机没有此地址"})
final class ServeCommand implements Callable<Integer> {
    /** Exit code when the address cannot be listened on. */
    static final int CANNOT_LISTEN = 9;
    /** How often {@code --watch} looks at the policy directory. */
    static final Duration WATCH_INTERVAL = Duration.ofSeconds(1);

    @Mixin
    PolicyOption policy;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "N", description = "监听的端口，默认 ${DEFAULT-VALUE}；0 表示任选一个空闲端口（启动时打印实际端口）")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDR",
            description = "监听的地址，默认 ${DEFAULT-VALUE}（只有本机可以访问）；要让其他机器访问，须明确写出，如 0.0.0.0")
    String bind;

    @Option(names = "--watch", description = "监视 --policy 目录，文件改动后自动重新加载；新政策有误或场景测试不通过时，继续使用原政策")
    boolean watch;

    @Option(names = "--stop-timeout", defaultValue = "30", paramLabel = "SECONDS", description = "停止时等待正在处理的请求完成的最长秒数，默认 ${DEFAULT-VALUE}")
    int stopTimeoutSeconds;

    @Mixin
    ReadLimitOptions readLimits;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ReadLimits limits = readLimits.limits();
        if (watch && !policy.given()) {
            throw new ParameterException(spec.commandLine(), "--watch 需要同时给出 --policy DIR：内置政策没有目录可以监视");
        }
        if (port < 0 || port > 65_535) {
            throw new ParameterException(spec.commandLine(), "--port 应为 0 到 65535 之间的整数，实为 " + port);
        }
        if (stopTimeoutSeconds < 0) {
            throw new ParameterException(spec.commandLine(), "--stop-timeout 不能为负数，实为 " + stopTimeoutSeconds);
        }
        CarrierRules rules = policy.load();
        DecisionService.Settings settings = new DecisionService.Settings(bind, port, limits, Duration.ofSeconds(stopTimeoutSeconds),
                watch ? WATCH_INTERVAL : null);
        DecisionService service;
        try {
            service = DecisionService.start(rules, settings, result -> report(result, err));
        } catch (JavalinException e) {
            err.println("无法在 " + bind + " 端口 " + port + " 上启动服务：" + reason(e) + "；请换一个端口（--port）或地址（--bind）");
            return CANNOT_LISTEN;
        }
        Thread stopper = new Thread(() -> {
            err.println("正在停止决定服务：处理完正在进行的请求（最多等待 " + stopTimeoutSeconds + " 秒）……");
            err.println(service.stop() ? "决定服务已停止"
                    : "决定服务已停止；有请求未能在 " + stopTimeoutSeconds + " 秒内处理完，已中断（可用 --stop-timeout 加长等待）");
        }, "carrier-rules serve stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        PolicyRef serving = rules.policy();
        out.println("决定服务已启动：" + url(bind, service.port()) + "（端口 " + service.port() + "；政策 " + serving.round() + "，"
                + serving.fingerprint() + (watch ? "；监视 " + policy.directory() + " 的改动" : "") + "）；接口说明见 /openapi.json，按 Ctrl+C 停止");
        out.flush();
        service.awaitStop();
        return 0;
    }

    private static void report(ReloadResult result, PrintWriter err) {
        if (result.applied()) {
            err.println("政策已重新加载，现由 " + result.serving().fingerprint() + " 作出决定");
        } else {
            err.println("政策目录的改动未生效，仍由 " + result.serving().fingerprint() + " 作出决定：");
            result.problems().forEach(problem -> err.println("  " + problem));
            if (result.scenarios() != null) {
                result.scenarios().failed().forEach(s -> err.println("  场景测试未通过：" + s.file() + " 第" + s.line() + "行 " + s.name()));
            }
        }
    }

    private static String url(String host, int port) {
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    private static String reason(JavalinException e) {
        String text = String.valueOf(e.getMessage()) + " " + (e.getCause() == null ? "" : e.getCause().toString());
        if (text.contains("already in use") || text.contains("Address already in use")) {
            return "端口已被占用";
        }
        if (text.contains("Permission denied") || text.contains("elevated privileges")) {
            return "无权使用此端口（1024 以下的端口需要管理员权限）";
        }
        if (text.contains("Unresolved") || text.contains("UnknownHost") || text.contains("Cannot assign requested address")) {
            return "本机没有这个地址";
        }
        return "无法监听（" + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()) + "）";
    }
}

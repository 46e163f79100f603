package org.carrierrules.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.carrierrules.json.AssessmentJson;

/**
 * The decision service's answers as bytes, printed as the command line prints its JSON, and its error bodies
 * ({@code {"error": {"code", "message"}}}, contract "Decision service over HTTP") for each HTTP status the
 * server itself may give, in Chinese.
 */
final class ServiceErrors {
    static final String JSON = "application/json; charset=utf-8";

    private ServiceErrors() {
    }

    /** The service's own answers (health, policy, errors) as the command line prints JSON: indented, "\n", final newline. */
    static byte[] print(JsonNode node) {
        return print(out -> AssessmentJson.print(node, out));
    }

    /** What {@code printing} writes, as UTF-8: the contract's JSON, as the command line prints it. */
    static byte[] print(Consumer<Writer> printing) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        printing.accept(new OutputStreamWriter(bytes, StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    static ObjectNode body(String code, String message) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.putObject("error").put("code", code).put("message", message);
        return node;
    }

    static byte[] bytes(String code, String message) {
        return print(body(code, message));
    }

    /** The code of an error the server gives by status alone (no route, wrong method, a request HTTP cannot parse …). */
    static String code(int status) {
        return switch (status) {
            case 400 -> "BAD_REQUEST";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 408 -> "REQUEST_TIMEOUT";
            case 413 -> ServiceFailure.READ_LIMIT_EXCEEDED;
            case 414 -> "URI_TOO_LONG";
            case 431 -> "HEADERS_TOO_LARGE";
            case 500 -> "INTERNAL_ERROR";
            case 503 -> "SHUTTING_DOWN";
            default -> "HTTP_" + status;
        };
    }

    /** What the status means for the caller, in Chinese, and what to do. */
    static String message(int status) {
        return switch (status) {
            case 400 -> "请求不符合 HTTP 规范，无法解析；请检查请求行、请求头和地址中的编码（如 %XX）";
            case 404 -> "没有这个地址；本服务的全部地址见 GET /openapi.json";
            case 405 -> "此地址不接受这种请求方法；各地址接受的方法见 GET /openapi.json";
            case 408 -> "请求未在规定时间内传完，已中止；请重新发送";
            case 413 -> "请求过大，超过服务的读取上限";
            case 414 -> "请求地址过长";
            case 431 -> "请求头过大";
            case 500 -> "服务内部出错，已记入日志；请稍后重试，如仍出错请把请求时间告知管理员";
            case 503 -> "服务正在停止，不再接受新的请求；请稍后重试";
            default -> "请求无法处理（HTTP " + status + "）";
        };
    }
}

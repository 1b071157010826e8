package dev.coldbrew.local.apigateway;

import dev.coldbrew.local.function.InvocationResult;
import dev.coldbrew.runtime.api.json.JsonException;
import dev.coldbrew.runtime.api.json.JsonReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A function's proxy response turned into the HTTP reply, as API Gateway does: {@code statusCode},
 * {@code headers}, {@code multiValueHeaders}, {@code body} and {@code isBase64Encoded} (plus {@code cookies} in
 * version 2.0). Version 2.0 also takes any other JSON as the body of a 200 reply. A function error, a response
 * that is not a proxy response, or an invocation that did not run is a 502 with API Gateway's message.
 */
final class ProxyResponses {
    private ProxyResponses() {}

    /** What the HTTP caller receives. */
    record Reply(int status, Map<String, List<String>> headers, byte[] body) {}

    static final String JSON = "application/json";

    static Reply of(ApiRoute.PayloadFormat format, InvocationResult result) {
        if (result.statusCode() == 429) {
            return message(429, "Too Many Requests");
        }
        if (result.statusCode() != 200 || result.isFunctionError()) {
            return message(502, "Internal server error");
        }
        Object parsed;
        try {
            parsed = JsonReader.parse(result.payloadText());
        } catch (JsonException e) {
            parsed = null;
        }
        if (parsed instanceof Map<?, ?> map && (format == ApiRoute.PayloadFormat.V1 || map.containsKey("statusCode"))) {
            return proxy(map);
        }
        if (format == ApiRoute.PayloadFormat.V2 && parsed != null) {
            return new Reply(200, Map.of("Content-Type", List.of(JSON)), result.payload());
        }
        return message(502, "Internal server error");
    }

    private static Reply proxy(Map<?, ?> response) {
        if (!(response.get("statusCode") instanceof Number status)
                || status.intValue() < 100
                || status.intValue() > 599) {
            return message(502, "Internal server error");
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (response.get("multiValueHeaders") instanceof Map<?, ?> multi) {
            multi.forEach((k, v) -> {
                if (v instanceof List<?> values) {
                    values.forEach(value -> add(headers, k, value));
                }
            });
        }
        if (response.get("headers") instanceof Map<?, ?> single) {
            single.forEach((k, v) -> add(headers, k, v));
        }
        if (response.get("cookies") instanceof List<?> cookies) {
            cookies.forEach(cookie -> add(headers, "Set-Cookie", cookie));
        }
        Object body = response.get("body");
        String text = body == null ? "" : body.toString();
        if (!Boolean.TRUE.equals(response.get("isBase64Encoded"))) {
            return new Reply(status.intValue(), headers, text.getBytes(StandardCharsets.UTF_8));
        }
        try {
            return new Reply(status.intValue(), headers, Base64.getDecoder().decode(text));
        } catch (IllegalArgumentException e) {
            return message(502, "Internal server error");
        }
    }

    private static void add(Map<String, List<String>> headers, Object name, Object value) {
        if (value != null) {
            headers.computeIfAbsent(String.valueOf(name), k -> new ArrayList<>())
                    .add(String.valueOf(value));
        }
    }

    static Reply message(int status, String message) {
        return new Reply(
                status,
                Map.of("Content-Type", List.of(JSON)),
                ("{\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
    }
}

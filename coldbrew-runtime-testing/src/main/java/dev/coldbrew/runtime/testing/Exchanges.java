package dev.coldbrew.runtime.testing;

import com.sun.net.httpserver.HttpExchange;
import dev.coldbrew.runtime.api.RuntimeApi;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/** Reading requests from and writing replies to {@code com.sun.net.httpserver} exchanges. */
final class Exchanges {
    private Exchanges() {}

    static RuntimeRequest record(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        byte[] body = exchange.getRequestBody().readAllBytes();
        return new RuntimeRequest(
                exchange.getRequestMethod(), path, requestId(path), exchange.getRequestHeaders(), body);
    }

    private static String requestId(String path) {
        if (!path.startsWith(RuntimeApi.INVOCATION_PREFIX)) {
            return null;
        }
        String rest = path.substring(RuntimeApi.INVOCATION_PREFIX.length());
        int slash = rest.indexOf('/');
        return slash <= 0 ? null : rest.substring(0, slash);
    }

    static void reply(HttpExchange exchange, Routes.Answer answer) throws IOException {
        send(
                exchange,
                answer.status(),
                Map.of(RuntimeApi.HEADER_CONTENT_TYPE, RuntimeApi.CONTENT_TYPE_JSON),
                answer.body());
    }

    static void send(HttpExchange exchange, int status, Map<String, String> headers, byte[] body) throws IOException {
        headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}

package dev.coldbrew.local.runtimeapi;

import static dev.coldbrew.runtime.api.RuntimeApi.CONTENT_TYPE_JSON;
import static dev.coldbrew.runtime.api.RuntimeApi.CONTENT_TYPE_OCTET_STREAM;
import static dev.coldbrew.runtime.api.RuntimeApi.ERROR_INTERNAL;
import static dev.coldbrew.runtime.api.RuntimeApi.ERROR_INVALID_REQUEST_ID;
import static dev.coldbrew.runtime.api.RuntimeApi.ERROR_INVALID_RESPONSE_MODE;
import static dev.coldbrew.runtime.api.RuntimeApi.ERROR_INVALID_STATE;
import static dev.coldbrew.runtime.api.RuntimeApi.ERROR_TOO_LARGE;
import static dev.coldbrew.runtime.api.RuntimeApi.ERROR_TRUNCATED_REQUEST;
import static dev.coldbrew.runtime.api.RuntimeApi.FN_ERROR_INVALID_RESPONSE_MODE;
import static dev.coldbrew.runtime.api.RuntimeApi.FN_ERROR_TRUNCATED_RESPONSE;
import static dev.coldbrew.runtime.api.RuntimeApi.FN_ERROR_UNKNOWN;
import static dev.coldbrew.runtime.api.RuntimeApi.HEADER_CLIENT_CONTEXT;
import static dev.coldbrew.runtime.api.RuntimeApi.HEADER_COGNITO_IDENTITY;
import static dev.coldbrew.runtime.api.RuntimeApi.HEADER_DEADLINE_MS;
import static dev.coldbrew.runtime.api.RuntimeApi.HEADER_FUNCTION_ARN;
import static dev.coldbrew.runtime.api.RuntimeApi.HEADER_FUNCTION_ERROR_TYPE;
import static dev.coldbrew.runtime.api.RuntimeApi.HEADER_REQUEST_ID;
import static dev.coldbrew.runtime.api.RuntimeApi.HEADER_RESPONSE_MODE;
import static dev.coldbrew.runtime.api.RuntimeApi.HEADER_TRACE_ID;
import static dev.coldbrew.runtime.api.RuntimeApi.INIT_ERROR_PATH;
import static dev.coldbrew.runtime.api.RuntimeApi.INVOCATION_PREFIX;
import static dev.coldbrew.runtime.api.RuntimeApi.MAX_RESPONSE_BYTES;
import static dev.coldbrew.runtime.api.RuntimeApi.MAX_STREAMED_RESPONSE_BYTES;
import static dev.coldbrew.runtime.api.RuntimeApi.NEXT_PATH;
import static dev.coldbrew.runtime.api.RuntimeApi.PATH_PREFIX;
import static dev.coldbrew.runtime.api.RuntimeApi.RESPONSE_MODE_STREAMING;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.coldbrew.local.http.HttpBodies;
import dev.coldbrew.runtime.api.RuntimeApi;
import dev.coldbrew.runtime.api.json.JsonReader;
import dev.coldbrew.runtime.api.json.JsonWriter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The Runtime API of one execution environment, on its own loopback port, served with the JDK's
 * {@code com.sun.net.httpserver}. Route table and status codes follow runtime-api.md §2 and §5 (the RIE's
 * {@code rapi/router.go}): 202 {@code {"status":"OK"}}, 400 unknown request id, 403 wrong state, 413 over
 * 6 MiB + 100 bytes, 404 unknown path, 405 wrong method, 500 internal failure. {@code /next} never times out.
 */
public final class RuntimeApiServer implements AutoCloseable {

    private static final byte[] STATUS_OK = "{\"status\":\"OK\"}".getBytes(StandardCharsets.US_ASCII);
    private static final String RESTORE_PREFIX = PATH_PREFIX + "/runtime/restore/";

    private final HttpServer server;
    private final ExecutorService executor;
    private final InvocationExchange exchange;

    private RuntimeApiServer(HttpServer server, ExecutorService executor, InvocationExchange exchange) {
        this.server = server;
        this.executor = executor;
        this.exchange = exchange;
    }

    /** Binds a new server to {@code address} (port 0 picks a free one) and starts it. */
    public static RuntimeApiServer start(InetSocketAddress address, InvocationExchange exchange) throws IOException {
        HttpServer server = HttpServer.create(address, 64);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        RuntimeApiServer api = new RuntimeApiServer(server, executor, exchange);
        server.createContext(PATH_PREFIX + "/", api::handle);
        server.createContext("/", http -> api.reply(http, 404, error("UnknownPath", "no such endpoint")));
        server.setExecutor(executor);
        server.start();
        return api;
    }

    /** {@code host:port} for {@code AWS_LAMBDA_RUNTIME_API}. */
    public String hostAndPort() {
        InetSocketAddress bound = server.getAddress();
        return bound.getAddress().getHostAddress() + ":" + bound.getPort();
    }

    private void handle(HttpExchange http) throws IOException {
        try (http) {
            route(http, http.getRequestURI().getRawPath());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            reply(http, 500, error(ERROR_INTERNAL, e.toString()));
        }
    }

    private void route(HttpExchange http, String path) throws IOException, InterruptedException {
        String method = http.getRequestMethod();
        if (path.equals(NEXT_PATH)) {
            requireMethod(http, "GET", () -> next(http));
        } else if (path.equals(INIT_ERROR_PATH)) {
            requireMethod(http, "POST", () -> initError(http));
        } else if (path.startsWith(INVOCATION_PREFIX) && path.endsWith(RuntimeApi.RESPONSE_SUFFIX)) {
            requireMethod(http, "POST", () -> response(http, requestId(path, RuntimeApi.RESPONSE_SUFFIX)));
        } else if (path.startsWith(INVOCATION_PREFIX) && path.endsWith(RuntimeApi.ERROR_SUFFIX)) {
            requireMethod(http, "POST", () -> functionError(http, requestId(path, RuntimeApi.ERROR_SUFFIX)));
        } else if (path.startsWith(RESTORE_PREFIX)) {
            drain(http);
            reply(http, 403, error(ERROR_INVALID_STATE, method + " " + path + ": SnapStart restore is not enabled"));
        } else {
            drain(http);
            reply(http, 404, error("UnknownPath", "no such endpoint: " + method + " " + path));
        }
    }

    private interface Endpoint {
        void serve() throws IOException, InterruptedException;
    }

    private void requireMethod(HttpExchange http, String method, Endpoint endpoint)
            throws IOException, InterruptedException {
        if (!http.getRequestMethod().equals(method)) {
            drain(http);
            http.getResponseHeaders().set("Allow", method);
            reply(http, 405, error("MethodNotAllowed", http.getRequestMethod() + " is not allowed, use " + method));
            return;
        }
        endpoint.serve();
    }

    private void next(HttpExchange http) throws IOException, InterruptedException {
        drain(http);
        Invocation invocation = exchange.next();
        Headers headers = http.getResponseHeaders();
        headers.set(HEADER_REQUEST_ID, invocation.requestId());
        headers.set(HEADER_DEADLINE_MS, Long.toString(invocation.deadlineEpochMs()));
        headers.set(HEADER_FUNCTION_ARN, invocation.functionArn());
        setIfPresent(headers, HEADER_TRACE_ID, invocation.traceId());
        setIfPresent(headers, HEADER_CLIENT_CONTEXT, invocation.clientContext());
        setIfPresent(headers, HEADER_COGNITO_IDENTITY, invocation.cognitoIdentity());
        headers.set("Content-Type", CONTENT_TYPE_JSON);
        HttpBodies.send(http, 200, invocation.payload());
    }

    private void response(HttpExchange http, String requestId) throws IOException {
        String mode = http.getRequestHeaders().getFirst(HEADER_RESPONSE_MODE);
        if (mode != null && !mode.equalsIgnoreCase(RESPONSE_MODE_STREAMING)) {
            invalidResponseMode(http, requestId, mode);
            return;
        }
        boolean streaming = mode != null;
        int limit = streaming ? (int) MAX_STREAMED_RESPONSE_BYTES : MAX_RESPONSE_BYTES;
        byte[] body;
        try {
            body = HttpBodies.readAtMost(http.getRequestBody(), limit);
        } catch (IOException e) {
            truncated(http, requestId, e);
            return;
        }
        if (body == null) {
            answer(http, exchange.complete(requestId, Outcome.tooLarge()), requestId, limit);
            return;
        }
        String contentType = http.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null && streaming) {
            contentType = CONTENT_TYPE_OCTET_STREAM; // the default of a streamed response (§6.1)
        }
        answer(http, exchange.complete(requestId, Outcome.success(body, contentType)), requestId, 0);
    }

    /** 400 to the runtime, and the invocation fails at once with {@code Runtime.InvalidResponseModeHeader} (§4). */
    private void invalidResponseMode(HttpExchange http, String requestId, String mode) throws IOException {
        String message = "invalid " + HEADER_RESPONSE_MODE + ": " + mode;
        exchange.complete(
                requestId,
                Outcome.functionError(error(FN_ERROR_INVALID_RESPONSE_MODE, message), FN_ERROR_INVALID_RESPONSE_MODE));
        drainQuietly(http);
        reply(http, 400, error(ERROR_INVALID_RESPONSE_MODE, message));
    }

    /**
     * A body that ended before its declared length (§5.2): 400 {@code TruncatedHTTPRequest} to the runtime, and the
     * invocation fails at once with {@code Runtime.TruncatedResponse} instead of waiting for its timeout.
     */
    private void truncated(HttpExchange http, String requestId, IOException cause) throws IOException {
        String message = "body of " + http.getRequestMethod() + " "
                + http.getRequestURI().getRawPath() + " ended early: " + cause.getMessage();
        exchange.complete(
                requestId,
                Outcome.functionError(error(FN_ERROR_TRUNCATED_RESPONSE, message), FN_ERROR_TRUNCATED_RESPONSE));
        reply(http, 400, error(ERROR_TRUNCATED_REQUEST, message));
    }

    private void functionError(HttpExchange http, String requestId) throws IOException {
        byte[] body;
        try {
            body = HttpBodies.readAtMost(http.getRequestBody(), MAX_RESPONSE_BYTES);
        } catch (IOException e) {
            truncated(http, requestId, e);
            return;
        }
        if (body == null) {
            answer(http, exchange.complete(requestId, Outcome.tooLarge()), requestId, MAX_RESPONSE_BYTES);
            return;
        }
        String type = http.getRequestHeaders().getFirst(HEADER_FUNCTION_ERROR_TYPE);
        answer(http, exchange.complete(requestId, Outcome.functionError(errorBody(body, type), type)), requestId, 0);
    }

    /**
     * The error the caller sees: the runtime's body, or, when the body is absent or not JSON, an error built from
     * the {@code Lambda-Runtime-Function-Error-Type} header (§5.3; {@code Runtime.Unknown} without one).
     */
    private static byte[] errorBody(byte[] body, String type) {
        if (body.length > 0 && JsonReader.isValid(body)) {
            return body;
        }
        return error(type == null || type.isBlank() ? FN_ERROR_UNKNOWN : type, "");
    }

    private void initError(HttpExchange http) throws IOException {
        byte[] body = HttpBodies.readAtMost(http.getRequestBody(), MAX_RESPONSE_BYTES);
        if (body == null) {
            reply(http, 413, tooLarge(MAX_RESPONSE_BYTES));
            return;
        }
        String type = http.getRequestHeaders().getFirst(HEADER_FUNCTION_ERROR_TYPE);
        var accept = exchange.initFailed(new InvocationExchange.InitError(type, body));
        answer(http, accept, "init", 0);
    }

    /** Replies to a completion; {@code overLimit} is the body limit that was exceeded, 0 when none was. */
    private void answer(HttpExchange http, InvocationExchange.Accept accept, String requestId, long overLimit)
            throws IOException {
        if (overLimit > 0 && accept == InvocationExchange.Accept.ACCEPTED) {
            reply(http, 413, tooLarge(overLimit));
            return;
        }
        switch (accept) {
            case ACCEPTED -> reply(http, 202, STATUS_OK);
            case UNKNOWN_REQUEST_ID ->
                reply(http, 400, error(ERROR_INVALID_REQUEST_ID, "unknown request id " + requestId));
            case WRONG_STATE ->
                reply(http, 403, error(ERROR_INVALID_STATE, "request " + requestId + " is not awaiting an answer"));
        }
    }

    private static String requestId(String path, String suffix) {
        return path.substring(INVOCATION_PREFIX.length(), path.length() - suffix.length());
    }

    private static byte[] tooLarge(long limit) {
        return error(ERROR_TOO_LARGE, "Exceeded maximum allowed payload size (" + limit + " bytes).");
    }

    private static byte[] error(String type, String message) {
        return JsonWriter.create()
                .beginObject()
                .field("errorMessage", message)
                .field("errorType", type)
                .endObject()
                .toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void setIfPresent(Headers headers, String name, String value) {
        if (value != null) {
            headers.set(name, value);
        }
    }

    private void reply(HttpExchange http, int status, byte[] body) throws IOException {
        http.getResponseHeaders().set("Content-Type", CONTENT_TYPE_JSON);
        HttpBodies.send(http, status, body);
    }

    /** Drains a body that is discarded anyway; a body that ends early does not matter then. */
    private static void drainQuietly(HttpExchange http) {
        try {
            drain(http);
        } catch (IOException e) {
            // the reply is sent regardless
        }
    }

    private static void drain(HttpExchange http) throws IOException {
        http.getRequestBody().transferTo(java.io.OutputStream.nullOutputStream());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

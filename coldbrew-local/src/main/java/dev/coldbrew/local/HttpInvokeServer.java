package dev.coldbrew.local;

import com.sun.net.httpserver.HttpExchange;
import dev.coldbrew.local.function.FunctionNames;
import dev.coldbrew.local.function.InvocationResult;
import dev.coldbrew.local.http.FrontDoor;
import dev.coldbrew.local.http.ServiceErrors;
import dev.coldbrew.local.invokeapi.FunctionDescriptions;
import dev.coldbrew.local.invokeapi.InvokeRequest;
import dev.coldbrew.local.invokeapi.InvokeTarget;
import dev.coldbrew.local.invokeapi.InvokeWire;
import dev.coldbrew.runtime.api.server.Http11Options;
import dev.coldbrew.runtime.api.server.Http11Server;
import dev.coldbrew.runtime.api.server.HttpBodies;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * The Invoke API ({@link InvokeWire#FUNCTIONS_PATH}) over HTTP, served with coldbrew's {@link Http11Server}:
 * {@code POST …/functions/{name}/invocations}, {@code InvokeWithResponseStream} ({@code POST
 * /2021-11-15/functions/{name}/response-streaming-invocations}), {@code GET …/functions/} and
 * {@code GET …/functions/{name}[/configuration]}. The AWS SDKs and CLI work against it with an
 * endpoint override. Every error has AWS's shape, a request refused before any handler runs included
 * ({@link #refuse}): a head over {@link FrontDoor#LIMITS}, a malformed head, a target that is not a URI.
 */
public final class HttpInvokeServer implements AutoCloseable {

    /** The Invoke API's port in the CLI unless told otherwise. */
    public static final int DEFAULT_PORT = 9000;
    /** A {@code %} not followed by two hex digits. */
    private static final Pattern MALFORMED_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

    private final InvokeTarget lambda;
    private final ExecutorService executor;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile Http11Server server;

    private HttpInvokeServer(InvokeTarget lambda, ExecutorService executor) {
        this.lambda = lambda;
        this.executor = executor;
    }

    static HttpInvokeServer start(InvokeTarget lambda, InetSocketAddress address) throws IOException {
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        HttpInvokeServer api = new HttpInvokeServer(lambda, executor);
        try {
            api.server =
                    Http11Server.start(address, FrontDoor.options(HttpInvokeServer::refuse), executor, api::handle);
        } catch (IOException e) {
            executor.shutdownNow();
            throw e;
        }
        return api;
    }

    /** The bound address (the port is real when 0 was asked for). */
    public InetSocketAddress address() {
        return server.address();
    }

    /** {@code http://host:port}, for an SDK's endpoint override. */
    public String endpoint() {
        InetSocketAddress a = address();
        return "http://" + a.getAddress().getHostAddress() + ":" + a.getPort();
    }

    private void handle(HttpExchange http) throws IOException {
        try (http) {
            route(http);
        } catch (RuntimeException e) {
            error(http, 500, ServiceErrors.SERVICE, ServiceErrors.invalid("internal error: " + e));
        }
    }

    private void route(HttpExchange http) throws IOException {
        String path = http.getRequestURI().getRawPath();
        String method = http.getRequestMethod();
        if (path.startsWith(InvokeWire.STREAMING_FUNCTIONS_PATH + "/")
                && path.endsWith(InvokeWire.STREAMING_INVOCATIONS_SUFFIX)
                && method.equals("POST")) {
            String name = path.substring(
                    InvokeWire.STREAMING_FUNCTIONS_PATH.length() + 1,
                    path.length() - InvokeWire.STREAMING_INVOCATIONS_SUFFIX.length());
            invoke(http, decode(name), true);
            return;
        }
        if (!path.startsWith(InvokeWire.FUNCTIONS_PATH)) {
            drain(http);
            error(
                    http,
                    404,
                    "UnknownOperationException",
                    ServiceErrors.invalid("unknown operation " + method + " " + path));
            return;
        }
        String rest = path.substring(InvokeWire.FUNCTIONS_PATH.length());
        if (rest.isEmpty() || rest.equals("/")) {
            onlyGet(http, () -> json(http, 200, FunctionDescriptions.list(lambda)));
        } else if (rest.endsWith(InvokeWire.INVOCATIONS_SUFFIX) && method.equals("POST")) {
            invoke(http, decode(rest.substring(1, rest.length() - InvokeWire.INVOCATIONS_SUFFIX.length())), false);
        } else if (rest.endsWith(InvokeWire.CONFIGURATION_SUFFIX)) {
            String name = decode(rest.substring(1, rest.length() - InvokeWire.CONFIGURATION_SUFFIX.length()));
            onlyGet(http, () -> describe(http, name, true));
        } else if (rest.indexOf('/', 1) < 0) {
            onlyGet(http, () -> describe(http, decode(rest.substring(1)), false));
        } else {
            drain(http);
            error(
                    http,
                    404,
                    "UnknownOperationException",
                    ServiceErrors.invalid("unknown operation " + method + " " + path));
        }
    }

    private interface Action {
        void run() throws IOException;
    }

    private void onlyGet(HttpExchange http, Action action) throws IOException {
        drain(http);
        if (!http.getRequestMethod().equals("GET")) {
            error(
                    http,
                    405,
                    "MethodNotAllowedException",
                    ServiceErrors.invalid(http.getRequestMethod() + " not allowed"));
            return;
        }
        action.run();
    }

    private void describe(HttpExchange http, String name, boolean configurationOnly) throws IOException {
        var function = lambda.function(name);
        if (function.isEmpty()) {
            InvocationResult notFound = ServiceErrors.notFound("", FunctionNames.arn(lambda.region(), name));
            error(http, 404, ServiceErrors.NOT_FOUND, new String(notFound.payload(), StandardCharsets.UTF_8));
            return;
        }
        json(
                http,
                200,
                configurationOnly
                        ? FunctionDescriptions.configuration(function.get(), lambda.region())
                        : FunctionDescriptions.get(function.get(), lambda.region()));
    }

    private void invoke(HttpExchange http, String name, boolean streaming) throws IOException {
        InvokeRequest request;
        try {
            request = InvokeRequest.parse(http, name);
        } catch (InvokeRequest.Rejected e) {
            if (e.bodyUnread()) {
                refuseUnread(http, e);
                return;
            }
            drain(http);
            error(http, e.status(), e.errorType(), ServiceErrors.invalid(e.getMessage()));
            return;
        }
        if (streaming) {
            InvokeWire.respondStreaming(http, lambda, request);
        } else {
            InvokeWire.respond(http, lambda, request);
        }
    }

    /**
     * Answers a request refused from its headers (a body announced over the limit) before reading its body
     * ({@link HttpBodies#sendRefusingBody}: the rest is discarded, at most 16 MiB, and the connection closed).
     */
    private static void refuseUnread(HttpExchange http, InvokeRequest.Rejected e) throws IOException {
        http.getResponseHeaders()
                .set(InvokeWire.HEADER_REQUEST_ID, UUID.randomUUID().toString());
        http.getResponseHeaders().set(ServiceErrors.HEADER_ERROR_TYPE, e.errorType());
        http.getResponseHeaders().set("Content-Type", "application/json");
        HttpBodies.sendRefusingBody(
                http, e.status(), ServiceErrors.invalid(e.getMessage()).getBytes(StandardCharsets.UTF_8));
    }

    /** An AWS-shaped service error: {@code x-amzn-ErrorType}, a request id and the JSON body. */
    static void error(HttpExchange http, int status, String type, String body) throws IOException {
        http.getResponseHeaders()
                .set(InvokeWire.HEADER_REQUEST_ID, UUID.randomUUID().toString());
        http.getResponseHeaders().set(ServiceErrors.HEADER_ERROR_TYPE, type);
        json(http, status, body);
    }

    static void json(HttpExchange http, int status, String body) throws IOException {
        http.getResponseHeaders().set("Content-Type", "application/json");
        HttpBodies.send(http, status, body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The reply to a request refused before any handler ran, in AWS's shape: 400 {@code InvalidParameterValueException}
     * for a target that is not a URI (as for any invalid function name, naming the name when the bad escape is in
     * it), else 400 {@code InvalidRequestContentException} ("a request header is invalid"). Lambda documents no
     * answer to a head over limits: that status and type are coldbrew's choice.
     */
    private static Http11Options.Refusal refuse(Http11Options.Problem problem, String target, String message) {
        String type = ServiceErrors.INVALID_REQUEST_CONTENT;
        String text = message;
        if (problem == Http11Options.Problem.MALFORMED_TARGET) {
            type = ServiceErrors.INVALID_PARAMETER;
            String name = functionName(target);
            if (name != null && MALFORMED_ESCAPE.matcher(name).find()) {
                text = "invalid function name '" + name + "': " + message;
            }
        }
        return new Http11Options.Refusal(
                400,
                Map.of(
                        InvokeWire.HEADER_REQUEST_ID,
                        UUID.randomUUID().toString(),
                        ServiceErrors.HEADER_ERROR_TYPE,
                        type,
                        "Content-Type",
                        "application/json"),
                ServiceErrors.invalid(text).getBytes(StandardCharsets.UTF_8));
    }

    /** The raw function name segment of an Invoke API path, or null for another path. */
    private static String functionName(String target) {
        String path = target.indexOf('?') < 0 ? target : target.substring(0, target.indexOf('?'));
        for (String prefix :
                new String[] {InvokeWire.FUNCTIONS_PATH + "/", InvokeWire.STREAMING_FUNCTIONS_PATH + "/"}) {
            if (path.startsWith(prefix) && path.length() > prefix.length()) {
                int end = path.indexOf('/', prefix.length());
                return path.substring(prefix.length(), end < 0 ? path.length() : end);
            }
        }
        return null;
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static void drain(HttpExchange http) throws IOException {
        http.getRequestBody().transferTo(OutputStream.nullOutputStream());
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.close();
            executor.shutdownNow();
        }
    }
}

package dev.coldbrew.local.apigateway;

import com.sun.net.httpserver.HttpExchange;
import dev.coldbrew.local.function.InvocationResult;
import dev.coldbrew.local.http.FrontDoor;
import dev.coldbrew.local.invokeapi.InvokeTarget;
import dev.coldbrew.runtime.api.RuntimeApi;
import dev.coldbrew.runtime.api.json.JsonWriter;
import dev.coldbrew.runtime.api.server.Http11Options;
import dev.coldbrew.runtime.api.server.Http11Server;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The routes of a template's {@code Api} and {@code HttpApi} events served over HTTP, as {@code sam local
 * start-api} serves them: each request that matches a route becomes the route's proxy event ({@link ProxyEvents}),
 * invokes its function synchronously through the local Lambda, and the function's proxy response becomes the reply
 * ({@link ProxyResponses}). A request no route matches is a 404 {@code {"message":"Not Found"}}; a body over 6 MB a
 * 413, as Lambda's payload limit would refuse it; a request the server refuses before any route sees it (a head over
 * {@link FrontDoor#LIMITS}, a malformed head, a target that is not a URI) a 400 {@code {"message":...}} saying why. Served
 * with coldbrew's {@link Http11Server}.
 */
public final class ApiGatewayServer implements AutoCloseable {

    /** The API's port in the CLI unless told otherwise ({@code sam local start-api}'s). */
    public static final int DEFAULT_PORT = 3000;

    private final InvokeTarget lambda;
    private final List<ApiRoute> routes;
    private final ExecutorService executor;
    private final Consumer<String> log;
    private volatile Http11Server server;

    private ApiGatewayServer(
            InvokeTarget lambda, List<ApiRoute> routes, ExecutorService executor, Consumer<String> log) {
        this.lambda = lambda;
        this.routes = routes;
        this.executor = executor;
        this.log = log;
    }

    /**
     * Serves {@code routes} on {@code address}; most specific route first where several match.
     *
     * @param log receives one line per request: method, path, route, status
     */
    public static ApiGatewayServer start(
            InvokeTarget lambda, List<ApiRoute> routes, InetSocketAddress address, Consumer<String> log)
            throws IOException {
        List<ApiRoute> ordered = new ArrayList<>(routes);
        ordered.sort(Comparator.comparingInt(ApiRoute::specificity).reversed());
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        ApiGatewayServer api = new ApiGatewayServer(lambda, List.copyOf(ordered), executor, log);
        try {
            api.server = Http11Server.start(address, FrontDoor.options(api::refuse), executor, api::handle);
        } catch (IOException e) {
            executor.shutdownNow();
            throw e;
        }
        return api;
    }

    /** {@code http://host:port}. */
    public String endpoint() {
        InetSocketAddress a = server.address();
        return "http://" + a.getAddress().getHostAddress() + ":" + a.getPort();
    }

    /** The routes, most specific first. */
    public List<ApiRoute> routes() {
        return routes;
    }

    private void handle(HttpExchange http) throws IOException {
        try (http) {
            ProxyResponses.Reply reply = answer(http);
            log.accept("API " + http.getRequestMethod() + " "
                    + http.getRequestURI().getRawPath() + " -> " + reply.status());
            reply.headers().forEach((k, v) -> http.getResponseHeaders().put(k, v));
            byte[] body = hasBody(http.getRequestMethod(), reply.status()) ? reply.body() : new byte[0];
            http.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = http.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** 400 {@code {"message":...}} for a request refused before any route saw it, logged as a request is. */
    private Http11Options.Refusal refuse(Http11Options.Problem problem, String target, String message) {
        log.accept("API " + (target == null ? "(no request line)" : target) + " refused -> 400: " + message);
        String body = JsonWriter.create()
                .beginObject()
                .field("message", message)
                .endObject()
                .toString();
        return new Http11Options.Refusal(
                400, Map.of("Content-Type", ProxyResponses.JSON), body.getBytes(StandardCharsets.UTF_8));
    }

    /** HTTP sends no body in a reply to HEAD, nor with a 1xx, 204 or 304 status, whatever the function answered. */
    static boolean hasBody(String method, int status) {
        return !method.equalsIgnoreCase("HEAD") && status >= 200 && status != 204 && status != 304;
    }

    private ProxyResponses.Reply answer(HttpExchange http) throws IOException {
        byte[] body = read(http.getRequestBody());
        if (body == null) {
            return ProxyResponses.message(413, "Request Entity Too Large");
        }
        String method = http.getRequestMethod().toUpperCase(java.util.Locale.ROOT);
        String path = http.getRequestURI().getPath();
        for (ApiRoute route : routes) {
            Map<String, String> parameters = route.match(method, path);
            if (parameters != null) {
                ProxyRequest request = new ProxyRequest(
                        method,
                        path,
                        http.getRequestURI().getRawQuery() == null
                                ? ""
                                : http.getRequestURI().getRawQuery(),
                        new LinkedHashMap<>(http.getRequestHeaders()),
                        body,
                        http.getRemoteAddress().getAddress().getHostAddress());
                String event = ProxyEvents.of(
                        route, parameters, request, UUID.randomUUID().toString(), Instant.now());
                InvocationResult result =
                        lambda.invoke(route.functionName(), event.getBytes(StandardCharsets.UTF_8), null);
                return ProxyResponses.of(route.format(), result);
            }
        }
        return ProxyResponses.message(404, "Not Found");
    }

    /** The body, or null when it is over Lambda's 6 MB request limit. */
    private static byte[] read(InputStream in) throws IOException {
        byte[] body = in.readNBytes(RuntimeApi.MAX_REQUEST_BYTES + 1);
        in.transferTo(OutputStream.nullOutputStream());
        return body.length > RuntimeApi.MAX_REQUEST_BYTES ? null : body;
    }

    @Override
    public void close() {
        server.close();
        executor.shutdownNow();
    }
}

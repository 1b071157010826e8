package dev.coldbrew.runtime.api.server;

import static dev.coldbrew.runtime.api.RuntimeApi.CONTENT_TYPE_JSON;
import static dev.coldbrew.runtime.api.RuntimeApi.CONTENT_TYPE_OCTET_STREAM;
import static dev.coldbrew.runtime.api.RuntimeApi.FN_ERROR_INVALID_RESPONSE_MODE;
import static dev.coldbrew.runtime.api.RuntimeApi.FN_ERROR_TRUNCATED_RESPONSE;
import static dev.coldbrew.runtime.api.RuntimeApi.HEADER_CONTENT_TYPE;
import static dev.coldbrew.runtime.api.RuntimeApi.HEADER_FUNCTION_ERROR_BODY;
import static dev.coldbrew.runtime.api.RuntimeApi.HEADER_FUNCTION_ERROR_TYPE;
import static dev.coldbrew.runtime.api.RuntimeApi.HEADER_RESPONSE_MODE;
import static dev.coldbrew.runtime.api.RuntimeApi.MAX_RESPONSE_BYTES;
import static dev.coldbrew.runtime.api.RuntimeApi.MAX_STREAMED_RESPONSE_BYTES;
import static dev.coldbrew.runtime.api.RuntimeApi.RESPONSE_MODE_STREAMING;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import dev.coldbrew.runtime.api.ErrorResponse;
import dev.coldbrew.runtime.api.RuntimeApi;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The Lambda side of the Runtime API ({@code 2018-06-01}) on coldbrew's {@link Http11Server}, one per
 * execution environment, with Lambda's rules applied once for every user (the local Lambda, the fake Runtime API,
 * the start-up bench): the route table of {@link Endpoint}, one method per endpoint (405), request ids answerable
 * once ({@link InvocationLedger}: 400, then 403), {@code /init/error} only before the first {@code /next} (403),
 * buffered bodies up to 6 MiB + 100 bytes and streamed ones up to 200 MB (413, and the invocation fails), the
 * response mode (400, and the invocation fails), bodies that end early (400, and the invocation fails), and every
 * reply worded by {@link Reply}. A streamed response goes to the backend as it arrives when the backend asks for
 * it ({@link RuntimeApiBackend#streamTo}), else it is read whole. {@code GET /next} never times out, and an event
 * reaches only a {@code /next} that can receive it: written head first, then body ({@link HttpBodies#deliver}), and
 * given back to the backend ({@link RuntimeApiBackend#undelivered}) for the next {@code /next} when the write fails
 * because the runtime closed that connection. What the events are and what an answer means is the
 * {@link RuntimeApiBackend}'s.
 *
 * <p><b>Trailers.</b> A chunked {@code /response} may end with the mid-stream error trailers of runtime-api.md §6.2
 * ({@code Lambda-Runtime-Function-Error-Type}, and {@code Lambda-Runtime-Function-Error-Body} in base64): the
 * response is accepted (202) and its {@link Answer.Response} carries the error, as Lambda forwards it. The server is
 * {@link Http11Server}, not the JDK's, because the JDK's chunked decoder fails on trailer fields (see
 * {@link Http11Server} for the choice). A Rust-style "trailer" written as a final body chunk is an ordinary body.
 */
public final class RuntimeApiServer implements AutoCloseable {
    private static final byte[] EMPTY = new byte[0];
    private static final int BACKLOG = 64;
    private static final String HEADER_ALLOW = "Allow";

    private final ExecutorService executor;
    private final RuntimeApiBackend backend;
    private final ConnectionCheck check;
    private final InvocationLedger ledger = new InvocationLedger();
    private volatile boolean nextCalled;
    private volatile Http11Server server;

    private RuntimeApiServer(ExecutorService executor, RuntimeApiBackend backend, ConnectionCheck check) {
        this.executor = executor;
        this.backend = backend;
        this.check = check;
    }

    /** Binds a new server to {@code address} (port 0 picks a free one), serving {@code backend}, and starts it. */
    public static RuntimeApiServer start(InetSocketAddress address, RuntimeApiBackend backend) throws IOException {
        return start(address, backend, ConnectionCheck.ANY);
    }

    /**
     * As {@link #start(InetSocketAddress, RuntimeApiBackend)}, answering only connections {@code check} lets in:
     * any other request gets 403 {@code ForeignConnection} ({@link Reply#foreignConnection}) before its body is read,
     * and the backend never sees it.
     */
    public static RuntimeApiServer start(InetSocketAddress address, RuntimeApiBackend backend, ConnectionCheck check)
            throws IOException {
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        RuntimeApiServer api = new RuntimeApiServer(executor, backend, check);
        try {
            api.server = Http11Server.start(address, BACKLOG, executor, http -> api.handle(http));
        } catch (IOException e) {
            executor.shutdownNow();
            throw e;
        }
        return api;
    }

    /** {@code host:port}, the value of {@code AWS_LAMBDA_RUNTIME_API}. */
    public String hostAndPort() {
        InetSocketAddress bound = server.address();
        return bound.getAddress().getHostAddress() + ":" + bound.getPort();
    }

    /** Stops the server and ends every connection, a {@code /next} waiting included. */
    @Override
    public void close() {
        server.close();
        executor.shutdownNow();
    }

    private void handle(HttpExchange http) {
        try (http) {
            String refusal = check.refusal(http.getRemoteAddress(), http.getLocalAddress());
            if (refusal != null) {
                reply(http, Reply.foreignConnection(refusal));
                return;
            }
            route(http, http.getRequestMethod(), http.getRequestURI().getRawPath());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the runtime went away mid-request: nothing to answer
        } catch (RuntimeException e) {
            replyQuietly(http, Reply.internal(e.toString()));
        }
    }

    private void route(HttpExchange http, String method, String path) throws IOException, InterruptedException {
        Endpoint.Route route = Endpoint.route(path);
        Endpoint endpoint = route.endpoint();
        if (endpoint == Endpoint.UNKNOWN || !endpoint.method.equals(method)) {
            refuse(http, endpoint, method, path);
            return;
        }
        switch (endpoint) {
            case NEXT -> next(http);
            case RESPONSE -> response(http, route.requestId());
            case ERROR ->
                invocationAnswer(http, route.requestId(), MAX_RESPONSE_BYTES, null, body -> functionError(http, body));
            case INIT_ERROR -> initError(http);
            case RESTORE_NEXT, RESTORE_ERROR -> restore(http, endpoint);
            case UNKNOWN -> throw new IllegalStateException("unreachable: " + path);
        }
    }

    private void refuse(HttpExchange http, Endpoint endpoint, String method, String path) throws IOException {
        HttpBodies.drainQuietly(http);
        ReceivedRequest request = received(http, null, EMPTY);
        if (replaced(http, request)) {
            return;
        }
        if (endpoint == Endpoint.UNKNOWN) {
            reply(http, Reply.notFound(method, path));
            return;
        }
        http.getResponseHeaders().set(HEADER_ALLOW, endpoint.method);
        reply(http, Reply.methodNotAllowed(method, path, endpoint.method));
    }

    private void next(HttpExchange http) throws IOException, InterruptedException {
        HttpBodies.drain(http);
        nextCalled = true;
        if (replaced(http, received(http, null, EMPTY))) {
            return;
        }
        NextEvent event = backend.next();
        if (event == null) {
            return;
        }
        String requestId = event.requestId();
        if (requestId != null) {
            ledger.handedOut(requestId);
        }
        try {
            HttpBodies.deliver(http, event.status(), event.headers(), event.body());
        } catch (IOException | RuntimeException e) {
            backend.undelivered(event);
            throw e;
        }
        backend.sent(event);
    }

    private void response(HttpExchange http, String requestId) throws IOException {
        String mode = http.getRequestHeaders().getFirst(HEADER_RESPONSE_MODE);
        if (mode != null && !mode.equals(RESPONSE_MODE_STREAMING)) {
            HttpBodies.drainQuietly(http);
            if (!replaced(http, received(http, requestId, EMPTY))) {
                fail(http, requestId, Reply.invalidResponseMode(mode), FN_ERROR_INVALID_RESPONSE_MODE);
            }
            return;
        }
        boolean streamed = mode != null;
        long limit = streamed ? MAX_STREAMED_RESPONSE_BYTES : MAX_RESPONSE_BYTES;
        OutputStream sink = streamed ? backend.streamTo(requestId, contentType(http, true)) : null;
        invocationAnswer(http, requestId, limit, sink, body -> success(http, body, streamed));
    }

    private static String contentType(HttpExchange http, boolean streamed) {
        String contentType = http.getRequestHeaders().getFirst(HEADER_CONTENT_TYPE);
        return contentType == null && streamed ? CONTENT_TYPE_OCTET_STREAM : contentType; // §6.1's default
    }

    private static Answer success(HttpExchange http, byte[] body, boolean streamed) {
        String contentType = contentType(http, streamed);
        Headers trailers = ((Http11Exchange) http).trailers();
        String errorType = trailers.getFirst(HEADER_FUNCTION_ERROR_TYPE);
        if (errorType == null) {
            return new Answer.Response(body, contentType, streamed);
        }
        return new Answer.Response(
                body, contentType, streamed, errorType, base64(trailers.getFirst(HEADER_FUNCTION_ERROR_BODY)));
    }

    /** The decoded {@code Lambda-Runtime-Function-Error-Body} trailer; its bytes as sent when it is not base64. */
    private static byte[] base64(String value) {
        if (value == null) {
            return EMPTY;
        }
        try {
            return Base64.getDecoder().decode(value.strip());
        } catch (IllegalArgumentException e) {
            return value.getBytes(StandardCharsets.UTF_8);
        }
    }

    private static Answer functionError(HttpExchange http, byte[] body) {
        return new Answer.FunctionError(body, http.getRequestHeaders().getFirst(HEADER_FUNCTION_ERROR_TYPE));
    }

    private interface Answering {
        Answer of(byte[] body);
    }

    /**
     * Reads a {@code /response} or {@code /error} body up to {@code limit}, judges it and replies; a body announced
     * over {@code limit} by its {@code Content-Length} is refused (413) before it is read.
     */
    private void invocationAnswer(
            HttpExchange http, String requestId, long limit, OutputStream sink, Answering answering)
            throws IOException {
        byte[] body;
        try {
            if (HttpBodies.announcedLength(http) > limit) {
                body = null;
            } else if (sink != null) {
                body = HttpBodies.forwardAtMost(http.getRequestBody(), limit, sink) ? EMPTY : null;
            } else {
                body = HttpBodies.readAtMost(http.getRequestBody(), limit);
            }
        } catch (IOException e) {
            if (!replaced(http, received(http, requestId, EMPTY))) {
                String detail = http.getRequestMethod() + " "
                        + http.getRequestURI().getRawPath() + " ended early: " + e.getMessage();
                fail(http, requestId, Reply.truncated(detail), FN_ERROR_TRUNCATED_RESPONSE);
            }
            return;
        }
        if (replaced(http, received(http, requestId, body == null ? EMPTY : body))) {
            return;
        }
        Reply refusal = judge(requestId, http.getRequestURI().getRawPath());
        if (body == null) {
            if (refusal == null) {
                backend.answered(requestId, new Answer.TooLarge(limit));
            }
            Reply reply = refusal == null ? Reply.tooLarge(limit) : refusal;
            http.getResponseHeaders().set(HEADER_CONTENT_TYPE, CONTENT_TYPE_JSON);
            HttpBodies.sendRefusingBody(http, reply.status(), reply.body());
        } else if (refusal != null) {
            reply(http, refusal);
        } else {
            backend.answered(requestId, answering.of(body));
            reply(http, Reply.accepted());
        }
    }

    /** Null when {@code requestId} may be answered now (and is then marked answered), else the reply refusing it. */
    private Reply judge(String requestId, String path) {
        return switch (ledger.answer(requestId)) {
            case ACCEPTED -> null;
            case UNKNOWN_REQUEST_ID -> Reply.invalidRequestId(requestId);
            case ALREADY_ANSWERED -> Reply.invalidState(Reply.STATE_RESPONSE_SENT, targetState(path));
        };
    }

    private static String targetState(String path) {
        return path.endsWith(RuntimeApi.ERROR_SUFFIX)
                ? Reply.STATE_INVOCATION_ERROR_RESPONSE
                : Reply.STATE_INVOCATION_RESPONSE;
    }

    /** Replies {@code reply} and, when {@code requestId} could be answered, fails it at once with {@code errorType}. */
    private void fail(HttpExchange http, String requestId, Reply reply, String errorType) throws IOException {
        Reply refusal = judge(requestId, http.getRequestURI().getRawPath());
        if (refusal == null) {
            backend.answered(
                    requestId,
                    new Answer.Failed(
                            errorType, ErrorResponse.fromJson(reply.body()).errorMessage()));
        }
        reply(http, reply);
    }

    private void initError(HttpExchange http) throws IOException {
        byte[] body = HttpBodies.readAtMost(http.getRequestBody(), MAX_RESPONSE_BYTES);
        if (replaced(http, received(http, null, body == null ? EMPTY : body))) {
            return;
        }
        if (body == null) {
            reply(http, Reply.tooLarge(MAX_RESPONSE_BYTES));
        } else if (nextCalled) {
            reply(http, Reply.invalidState(Reply.STATE_READY, Reply.STATE_INIT_ERROR));
        } else {
            backend.initFailed(http.getRequestHeaders().getFirst(HEADER_FUNCTION_ERROR_TYPE), body);
            reply(http, Reply.accepted());
        }
    }

    private void restore(HttpExchange http, Endpoint endpoint) throws IOException {
        byte[] body = endpoint == Endpoint.RESTORE_ERROR
                ? HttpBodies.readAtMost(http.getRequestBody(), MAX_RESPONSE_BYTES)
                : EMPTY;
        HttpBodies.drain(http);
        if (replaced(http, received(http, null, body == null ? EMPTY : body))) {
            return;
        }
        if (!backend.snapStart()) {
            String target = endpoint == Endpoint.RESTORE_NEXT ? Reply.STATE_RESTORE_READY : Reply.STATE_RESTORE_ERROR;
            reply(http, Reply.invalidState(nextCalled ? Reply.STATE_READY : Reply.STATE_STARTED, target));
        } else if (body == null) {
            reply(http, Reply.tooLarge(MAX_RESPONSE_BYTES));
        } else if (endpoint == Endpoint.RESTORE_NEXT) {
            HttpBodies.send(http, RuntimeApi.HTTP_OK, EMPTY);
        } else {
            reply(http, Reply.accepted());
        }
    }

    private ReceivedRequest received(HttpExchange http, String requestId, byte[] body) {
        ReceivedRequest request = new ReceivedRequest(
                http.getRequestMethod(), http.getRequestURI().getRawPath(), requestId, http.getRequestHeaders(), body);
        backend.received(request);
        return request;
    }

    private boolean replaced(HttpExchange http, ReceivedRequest request) throws IOException {
        Reply replacement = backend.replacement(request);
        if (replacement != null) {
            reply(http, replacement);
        }
        return replacement != null;
    }

    private static void reply(HttpExchange http, Reply reply) throws IOException {
        http.getResponseHeaders().set(HEADER_CONTENT_TYPE, CONTENT_TYPE_JSON);
        HttpBodies.send(http, reply.status(), reply.body());
    }

    private static void replyQuietly(HttpExchange http, Reply reply) {
        try {
            reply(http, reply);
        } catch (IOException | RuntimeException e) {
            // headers were already sent, or the runtime went away
        }
    }
}

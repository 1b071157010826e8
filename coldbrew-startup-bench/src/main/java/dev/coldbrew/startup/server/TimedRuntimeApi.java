package dev.coldbrew.startup.server;

import static dev.coldbrew.runtime.api.RuntimeApi.CONTENT_TYPE_JSON;
import static dev.coldbrew.runtime.api.RuntimeApi.ERROR_SUFFIX;
import static dev.coldbrew.runtime.api.RuntimeApi.HEADER_DEADLINE_MS;
import static dev.coldbrew.runtime.api.RuntimeApi.HEADER_FUNCTION_ARN;
import static dev.coldbrew.runtime.api.RuntimeApi.HEADER_REQUEST_ID;
import static dev.coldbrew.runtime.api.RuntimeApi.HEADER_TRACE_ID;
import static dev.coldbrew.runtime.api.RuntimeApi.NEXT_PATH;
import static dev.coldbrew.runtime.api.RuntimeApi.PATH_PREFIX;
import static dev.coldbrew.runtime.api.RuntimeApi.RESPONSE_SUFFIX;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A fake Runtime API for one function process, on 127.0.0.1 and a free port, that notes when things happen: it
 * serves {@code invokes} events, then holds further {@code GET /next} long polls until closed, as Lambda does
 * between invokes. {@code /error} and {@code /init/error} (both end in {@code /error}) end the wait with the
 * function's error body.
 */
public final class TimedRuntimeApi implements AutoCloseable {
    /** Deadline given to each invoke. */
    public static final Duration INVOKE_DEADLINE = Duration.ofMinutes(1);

    /** How long {@link #firstInvoke()} waits for the thread that sent the first event to note the time. */
    private static final Duration EVENT_SENT_WAIT = Duration.ofSeconds(5);

    private static final byte[] ACCEPTED = "{\"status\":\"OK\"}".getBytes(StandardCharsets.UTF_8);
    private static final String FUNCTION_ARN = "arn:aws:lambda:eu-west-1:123456789012:function:hello";

    private final byte[] event;
    private final int invokes;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicInteger nextCount = new AtomicInteger();
    private final CountDownLatch responses;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final CountDownLatch eventSent = new CountDownLatch(1);
    private final AtomicReference<String> failure = new AtomicReference<>();
    private volatile long firstNextNanos;
    private volatile long eventSentNanos;
    private volatile long responseNanos;
    private volatile byte[] firstResponse;

    private TimedRuntimeApi(byte[] event, int invokes) throws IOException {
        this.event = event.clone();
        this.invokes = invokes;
        this.responses = new CountDownLatch(invokes);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext(PATH_PREFIX, this::handle);
        server.start();
    }

    /** Starts a server that hands out {@code event} {@code invokes} times. */
    public static TimedRuntimeApi start(byte[] event, int invokes) throws IOException {
        return new TimedRuntimeApi(event, invokes);
    }

    /** The value of {@code AWS_LAMBDA_RUNTIME_API}: {@code 127.0.0.1:port}. */
    public String address() {
        return server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort();
    }

    /**
     * Waits up to {@code slice} for all invokes to be answered.
     *
     * @return true when all were answered
     * @throws IllegalStateException with the function's error body, after {@code /error} or {@code /init/error}
     */
    public boolean awaitResponses(Duration slice) throws InterruptedException {
        boolean done = responses.await(slice.toMillis(), TimeUnit.MILLISECONDS);
        String error = failure.get();
        if (error != null) {
            throw new IllegalStateException(error);
        }
        return done;
    }

    /** The first invoke's milestones, once {@link #awaitResponses} returned true. */
    public FirstInvoke firstInvoke() throws InterruptedException {
        if (!eventSent.await(EVENT_SENT_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("first invoke not complete: its event was never sent");
        }
        return new FirstInvoke(firstNextNanos, eventSentNanos, responseNanos, firstResponse);
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (exchange.getRequestMethod().equals("GET") && path.equals(NEXT_PATH)) {
                next(exchange);
            } else if (path.endsWith(RESPONSE_SUFFIX)) {
                response(exchange);
            } else if (path.endsWith(ERROR_SUFFIX)) {
                fail(exchange, exchange.getRequestMethod() + " " + path);
            } else {
                reply(exchange, 404, new byte[0]);
            }
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        int number = nextCount.incrementAndGet();
        if (number > invokes) {
            holdUntilClosed();
            return;
        }
        if (number == 1) {
            firstNextNanos = arrived;
        }
        exchange.getResponseHeaders().set(HEADER_REQUEST_ID, "bench-" + number);
        exchange.getResponseHeaders()
                .set(HEADER_DEADLINE_MS, Long.toString(System.currentTimeMillis() + INVOKE_DEADLINE.toMillis()));
        exchange.getResponseHeaders().set(HEADER_FUNCTION_ARN, FUNCTION_ARN);
        exchange.getResponseHeaders().set(HEADER_TRACE_ID, "Root=1-00000000-000000000000000000000000;Sampled=0");
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE_JSON);
        exchange.sendResponseHeaders(200, event.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(event);
            out.flush();
            if (number == 1) {
                eventSentNanos = System.nanoTime();
                eventSent.countDown();
            }
        }
    }

    private void response(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        long read = System.nanoTime();
        if (firstResponse == null) {
            responseNanos = read;
            firstResponse = body;
        }
        reply(exchange, 202, ACCEPTED);
        responses.countDown();
    }

    private void fail(HttpExchange exchange, String what) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        failure.compareAndSet(null, "function reported " + what + ": " + body);
        reply(exchange, 202, ACCEPTED);
        while (responses.getCount() > 0) {
            responses.countDown();
        }
    }

    private void holdUntilClosed() {
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}

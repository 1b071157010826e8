package dev.coldbrew.runtime.testing;

import dev.coldbrew.runtime.api.RuntimeApi;
import dev.coldbrew.runtime.api.server.Answer;
import dev.coldbrew.runtime.api.server.NextEvent;
import dev.coldbrew.runtime.api.server.ReceivedRequest;
import dev.coldbrew.runtime.api.server.Reply;
import dev.coldbrew.runtime.api.server.RuntimeApiBackend;
import dev.coldbrew.runtime.api.server.RuntimeApiServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real, in-process fake of the Lambda Runtime API ({@code 2018-06-01}) on {@code 127.0.0.1}, port 0, for testing
 * functions and runtimes: a test enqueues events, the runtime under test fetches them with {@code GET /next} and
 * reports back, and the test reads what was reported with bounded blocking waits.
 *
 * <pre>{@code
 * @RegisterExtension
 * final FakeRuntimeApi api = new FakeRuntimeApi();
 *
 * @Test
 * void greets() throws Exception {
 *     String id = api.enqueue(Event.of("{\"name\":\"Ada\"}"));
 *     // start the function with api.environment() ...
 *     assertThat(api.awaitResponse(id).bodyAsString()).isEqualTo("Hello, Ada");
 * }
 * }</pre>
 *
 * <p>As an extension it starts before and stops after each test; it also works on its own ({@link #start()},
 * {@link #close()}). It serves through coldbrew's one Runtime API server core ({@link RuntimeApiServer}, shared
 * with the local Lambda), so it answers exactly as the local Lambda does, with Lambda's status codes and wording:
 * every 202 carries {@code {"status":"OK"}}; a response or error for a request id not handed out by {@code /next}
 * gets 400 {@code InvalidRequestID}, a second one for the same id 403 {@code InvalidStateTransition}; a buffered
 * response over {@link RuntimeApi#MAX_RESPONSE_BYTES} and a streamed one ({@code Lambda-Runtime-Function-Response-Mode:
 * streaming}) over {@link RuntimeApi#MAX_STREAMED_RESPONSE_BYTES} get 413; {@code /init/error} after the first
 * {@code /next} gets 403; the SnapStart {@code /restore/*} endpoints answer at once. Stopping closes all
 * connections, so a runtime blocked in {@code /next} sees its connection end.
 *
 * <p><b>Trailers.</b> A streamed response that ends with the {@code Lambda-Runtime-Function-Error-Type/-Body}
 * trailers of a mid-stream error is accepted (202), as Lambda accepts it, and recorded with the body sent before
 * them; the recorded request does not hold the trailers. Test what the trailers carry against a peer that reads the
 * raw chunked body (as coldbrew-runtime's {@code StreamingTest} does) or through the local Lambda.
 */
public final class FakeRuntimeApi implements BeforeEachCallback, AfterEachCallback, AutoCloseable {
    /** The function name in {@link #environment()}. */
    public static final String FUNCTION_NAME = "test-function";
    /** How long the {@code await…} methods wait by default. */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);

    private static final long POLL_MS = 50;

    private final BlockingDeque<Event> events = new LinkedBlockingDeque<>();
    private final BlockingQueue<RuntimeRequest> received = new LinkedBlockingQueue<>();
    private final List<RuntimeRequest> all = new ArrayList<>();
    private final AtomicReference<Reply> nextPostFailure = new AtomicReference<>();
    private volatile boolean running;
    private volatile Duration wait = DEFAULT_WAIT;
    private RuntimeApiServer server;

    /** Starts a fake outside JUnit; close it when done. */
    public static FakeRuntimeApi start() {
        FakeRuntimeApi api = new FakeRuntimeApi();
        api.open();
        return api;
    }

    /** How long {@code await…} methods wait before failing; default {@link #DEFAULT_WAIT}. */
    public FakeRuntimeApi waiting(Duration timeout) {
        this.wait = timeout;
        return this;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        open();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    private void open() {
        running = true;
        try {
            server = RuntimeApiServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), new Backend());
        } catch (IOException e) {
            throw new UncheckedIOException("start fake Runtime API on 127.0.0.1 failed: " + e.getMessage(), e);
        }
    }

    /** {@code 127.0.0.1:port}, the value for {@code AWS_LAMBDA_RUNTIME_API}. */
    public String address() {
        return server.hostAndPort();
    }

    /**
     * The environment Lambda would give a function talking to this fake: {@code AWS_LAMBDA_RUNTIME_API}, the
     * function name, version, memory size, log group and stream. A mutable copy; add {@code _HANDLER} etc. to it.
     */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(RuntimeApi.ENV_RUNTIME_API, address());
        env.put(RuntimeApi.ENV_FUNCTION_NAME, FUNCTION_NAME);
        env.put(RuntimeApi.ENV_FUNCTION_VERSION, "$LATEST");
        env.put(RuntimeApi.ENV_FUNCTION_MEMORY_SIZE, "512");
        env.put(RuntimeApi.ENV_LOG_GROUP_NAME, "/aws/lambda/" + FUNCTION_NAME);
        env.put(RuntimeApi.ENV_LOG_STREAM_NAME, "2026/01/01/[$LATEST]0123456789abcdef");
        env.put(RuntimeApi.ENV_REGION, "us-east-1");
        env.put(RuntimeApi.ENV_INITIALIZATION_TYPE, "on-demand");
        return env;
    }

    /** Queues an event for {@code GET /next}; returns its request id (null for a reply without one). */
    public String enqueue(Event event) {
        events.add(event);
        return event.requestId();
    }

    /** Queues {@code Event.of(body)}; returns its request id. */
    public String enqueue(String body) {
        return enqueue(Event.of(body));
    }

    /**
     * Answers the next POST (response, error or init error) with {@code status} and an {@code ErrorResponse} of
     * {@code errorType} instead of the normal reply, once; e.g. 500 {@code InternalServerError} to test that a
     * runtime exits.
     */
    public void failNextPost(int status, String errorType, String message) {
        nextPostFailure.set(Reply.error(status, errorType, message));
    }

    /** Waits for the {@code /response} of {@code requestId}. */
    public RuntimeRequest awaitResponse(String requestId) throws InterruptedException {
        return await(
                RuntimeApi.METHOD_POST + " " + RuntimeApi.responsePath(requestId),
                RuntimeApi.METHOD_POST,
                RuntimeApi.responsePath(requestId));
    }

    /** Waits for the {@code /error} of {@code requestId}. */
    public RuntimeRequest awaitError(String requestId) throws InterruptedException {
        return await(
                RuntimeApi.METHOD_POST + " " + RuntimeApi.errorPath(requestId),
                RuntimeApi.METHOD_POST,
                RuntimeApi.errorPath(requestId));
    }

    /** Waits for a {@code POST /runtime/init/error}. */
    public RuntimeRequest awaitInitError() throws InterruptedException {
        return await(
                RuntimeApi.METHOD_POST + " " + RuntimeApi.INIT_ERROR_PATH,
                RuntimeApi.METHOD_POST,
                RuntimeApi.INIT_ERROR_PATH);
    }

    /** Waits for {@code count} {@code GET /next} requests in total (the runtime is then waiting for an event). */
    public void awaitNextCalls(int count) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (countOf(RuntimeApi.METHOD_GET, RuntimeApi.NEXT_PATH) < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("fake Runtime API: expected " + count + " GET " + RuntimeApi.NEXT_PATH
                        + " within " + wait.toMillis() + " ms, saw "
                        + countOf(RuntimeApi.METHOD_GET, RuntimeApi.NEXT_PATH)
                        + "; all requests: " + requests());
            }
            Thread.sleep(10);
        }
    }

    /** Every request received so far, in arrival order. */
    public List<RuntimeRequest> requests() {
        synchronized (all) {
            return List.copyOf(all);
        }
    }

    private int countOf(String method, String path) {
        int n = 0;
        for (RuntimeRequest r : requests()) {
            if (r.method().equals(method) && r.path().equals(path)) {
                n++;
            }
        }
        return n;
    }

    private RuntimeRequest await(String what, String method, String path) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            for (RuntimeRequest r : requests()) {
                if (r.method().equals(method) && r.path().equals(path)) {
                    return r;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("fake Runtime API: no " + what + " within " + wait.toMillis()
                        + " ms; requests received: " + requests());
            }
            received.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(POLL_MS)), TimeUnit.NANOSECONDS);
        }
    }

    /** The fake's side of the server: events from the queue, every request recorded. */
    private final class Backend implements RuntimeApiBackend {
        @Override
        public NextEvent next() throws InterruptedException {
            while (running) {
                Event event = events.poll(POLL_MS, TimeUnit.MILLISECONDS);
                if (event != null) {
                    return new NextEvent(event.status(), event.headers(), event.body());
                }
            }
            return null;
        }

        /** An event whose {@code /next} was closed before it could be written goes first to the next one. */
        @Override
        public void undelivered(NextEvent event) {
            events.addFirst(new Event(event.status(), event.headers(), event.body()));
        }

        @Override
        public void answered(String requestId, Answer answer) {
            // what the runtime sent is recorded in received(); the tests read it from there
        }

        @Override
        public void initFailed(String errorType, byte[] body) {
            // recorded in received()
        }

        @Override
        public void received(ReceivedRequest request) {
            RuntimeRequest recorded = new RuntimeRequest(
                    request.method(), request.path(), request.requestId(), request.headers(), request.body());
            synchronized (all) {
                all.add(recorded);
            }
            FakeRuntimeApi.this.received.add(recorded);
        }

        @Override
        public Reply replacement(ReceivedRequest request) {
            return request.method().equals(RuntimeApi.METHOD_POST) ? nextPostFailure.getAndSet(null) : null;
        }

        @Override
        public boolean snapStart() {
            return true;
        }
    }

    /** Stops the server, closing every connection; idempotent. */
    @Override
    public void close() {
        running = false;
        if (server != null) {
            server.close();
            server = null;
        }
    }
}

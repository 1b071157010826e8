package dev.coldbrew.startup.server;

import dev.coldbrew.runtime.api.RuntimeApi;
import dev.coldbrew.runtime.api.server.Answer;
import dev.coldbrew.runtime.api.server.NextEvent;
import dev.coldbrew.runtime.api.server.RuntimeApiBackend;
import dev.coldbrew.runtime.api.server.RuntimeApiServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A fake Runtime API for one function process, on 127.0.0.1 and a free port, that notes when things happen: it
 * serves {@code invokes} events, then holds further {@code GET /next} long polls until closed, as Lambda does
 * between invokes. {@code /error} and {@code /init/error} end the wait with the function's error body. Served by
 * coldbrew's one Runtime API server core ({@link RuntimeApiServer}), so it applies Lambda's rules as the local
 * Lambda does.
 */
public final class TimedRuntimeApi implements AutoCloseable {
    /** Deadline given to each invoke. */
    public static final Duration INVOKE_DEADLINE = Duration.ofMinutes(1);

    /** How long {@link #firstInvoke()} waits for the thread that sent the first event to note the time. */
    private static final Duration EVENT_SENT_WAIT = Duration.ofSeconds(5);

    private static final String FUNCTION_ARN = "arn:aws:lambda:eu-west-1:123456789012:function:hello";
    private static final String TRACE_ID = "Root=1-00000000-000000000000000000000000;Sampled=0";
    private static final String REQUEST_ID_PREFIX = "bench-";

    private final byte[] event;
    private final int invokes;
    private final RuntimeApiServer server;
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
        this.server = RuntimeApiServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), new Timing());
    }

    /** Starts a server that hands out {@code event} {@code invokes} times. */
    public static TimedRuntimeApi start(byte[] event, int invokes) throws IOException {
        return new TimedRuntimeApi(event, invokes);
    }

    /** The value of {@code AWS_LAMBDA_RUNTIME_API}: {@code 127.0.0.1:port}. */
    public String address() {
        return server.hostAndPort();
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
        server.close();
    }

    /** The server's backend: hands out the events and notes when things happen. */
    private final class Timing implements RuntimeApiBackend {
        @Override
        public NextEvent next() throws InterruptedException {
            long arrived = System.nanoTime();
            int number = nextCount.incrementAndGet();
            if (number > invokes) {
                closed.await();
                return null;
            }
            if (number == 1) {
                firstNextNanos = arrived;
            }
            long deadline = System.currentTimeMillis() + INVOKE_DEADLINE.toMillis();
            return NextEvent.of(REQUEST_ID_PREFIX + number, deadline, FUNCTION_ARN, TRACE_ID, null, null, event);
        }

        @Override
        public void sent(NextEvent sent) {
            if ((REQUEST_ID_PREFIX + 1).equals(sent.requestId())) {
                eventSentNanos = System.nanoTime();
                eventSent.countDown();
            }
        }

        @Override
        public void answered(String requestId, Answer answer) {
            switch (answer) {
                case Answer.Response response -> responded(response.body());
                case Answer.FunctionError error -> fail("POST " + RuntimeApi.errorPath(requestId), error.body());
                case Answer.TooLarge tooLarge ->
                    fail(responseOf(requestId), "over " + tooLarge.limitBytes() + " bytes");
                case Answer.Failed failed ->
                    fail(responseOf(requestId), failed.errorType() + ": " + failed.errorMessage());
            }
        }

        @Override
        public void initFailed(String errorType, byte[] body) {
            fail("POST " + RuntimeApi.INIT_ERROR_PATH, body);
        }

        @Override
        public void undelivered(NextEvent event) {
            // the timed runtime closed a /next that was waiting: the run cannot be timed, so it fails
            failure.compareAndSet(
                    null, "GET " + RuntimeApi.NEXT_PATH + " for " + event.requestId() + " was closed before the event");
            while (responses.getCount() > 0) {
                responses.countDown();
            }
        }
    }

    private static String responseOf(String requestId) {
        return "POST " + RuntimeApi.responsePath(requestId);
    }

    private void responded(byte[] body) {
        long read = System.nanoTime();
        if (firstResponse == null) {
            responseNanos = read;
            firstResponse = body;
        }
        responses.countDown();
    }

    private void fail(String what, byte[] body) {
        fail(what, new String(body, StandardCharsets.UTF_8));
    }

    private void fail(String what, String detail) {
        failure.compareAndSet(null, "function reported " + what + ": " + detail);
        while (responses.getCount() > 0) {
            responses.countDown();
        }
    }
}

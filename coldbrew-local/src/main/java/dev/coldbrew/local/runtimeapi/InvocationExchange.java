package dev.coldbrew.local.runtimeapi;

import dev.coldbrew.runtime.api.ErrorResponse;
import dev.coldbrew.runtime.api.RuntimeApi;
import dev.coldbrew.runtime.api.json.JsonReader;
import dev.coldbrew.runtime.api.server.Answer;
import dev.coldbrew.runtime.api.server.NextEvent;
import dev.coldbrew.runtime.api.server.RuntimeApiBackend;
import dev.coldbrew.runtime.api.server.RuntimeApiServer;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingDeque;

/**
 * The Runtime API state of one execution environment behind its {@link RuntimeApiServer}: the init phase, the
 * events waiting for {@code /next}, the invocations in flight, and whether the runtime is waiting for its next
 * event. The environment submits events; the server hands them out, applies Lambda's rules and passes the runtime's
 * answers here, where they complete the invocation of that request id. An event the server could not write (its
 * {@code /next} was abandoned) goes back to the head of the queue for the next {@code /next}.
 *
 * <p>An environment of a Lambda Managed Instances function has up to {@code AWS_LAMBDA_MAX_CONCURRENCY} invocations
 * in flight, one per {@code /next} its runtime's workers keep pending; every other environment has at most one.
 * When the runtime process exits, every invocation in flight and waiting fails.
 */
public final class InvocationExchange implements RuntimeApiBackend {

    /** An error the runtime posted to {@code /init/error}. */
    public record InitError(String errorType, byte[] body) {}

    private final BlockingDeque<Invocation> events = new LinkedBlockingDeque<>();
    private final CompletableFuture<Long> firstNext = new CompletableFuture<>();
    private final CompletableFuture<InitError> initError = new CompletableFuture<>();
    private final Object lock = new Object();
    private final List<CompletableFuture<Boolean>> readyWaiters = new ArrayList<>();
    /** The invocations handed out and not yet answered, by request id. */
    private final Map<String, Invocation> inFlight = new LinkedHashMap<>();

    private int waitingNexts;
    private volatile boolean exited;

    /** Completes with {@link System#nanoTime()} of the first {@code GET /next}: the end of init. */
    public CompletableFuture<Long> firstNext() {
        return firstNext;
    }

    /** Completes when the runtime posts {@code /init/error} before its first {@code /next}. */
    public CompletableFuture<InitError> initError() {
        return initError;
    }

    /** Queues an event for the runtime's next {@code GET /next}. */
    public void submit(Invocation invocation) {
        events.add(invocation);
        if (exited) {
            processExited();
        }
    }

    /**
     * Completes with true once the runtime waits in {@code GET /next} (at once if it already does), the only state in
     * which Lambda hands an environment its next event; with false when the runtime process exits first, as a
     * runtime does after reporting {@code Runtime.OutOfMemory}.
     */
    public CompletableFuture<Boolean> readyForNext() {
        synchronized (lock) {
            if (exited) {
                return CompletableFuture.completedFuture(false);
            }
            if (waitingNexts > 0) {
                return CompletableFuture.completedFuture(true);
            }
            CompletableFuture<Boolean> ready = new CompletableFuture<>();
            readyWaiters.add(ready);
            return ready;
        }
    }

    /** Blocks (no timeout, as Lambda's long poll) until an event is there, and makes it the one in flight. */
    @Override
    public NextEvent next() throws InterruptedException {
        firstNext.complete(System.nanoTime());
        completeReadyWaiters(true, 1);
        Invocation invocation;
        try {
            invocation = events.take();
        } finally {
            synchronized (lock) {
                waitingNexts--;
            }
        }
        synchronized (lock) {
            inFlight.put(invocation.requestId(), invocation);
        }
        if (exited) {
            processExited(); // the process exited between the take and the put: fail it too
        }
        return invocation.toNextEvent();
    }

    /** Adds {@code nexts} to the {@code /next} calls waiting, then completes whoever waits for readiness. */
    private void completeReadyWaiters(boolean ready, int nexts) {
        List<CompletableFuture<Boolean>> waiters;
        synchronized (lock) {
            waitingNexts += nexts;
            waiters = List.copyOf(readyWaiters);
            readyWaiters.clear();
        }
        waiters.forEach(waiter -> waiter.complete(ready));
    }

    /** The {@code /next} that took an invocation was closed before it got it: the next one gets it. */
    @Override
    public void undelivered(NextEvent event) {
        Invocation invocation;
        synchronized (lock) {
            invocation = event.requestId() == null ? null : inFlight.remove(event.requestId());
            if (invocation == null) {
                return;
            }
        }
        events.addFirst(invocation);
        if (exited) {
            processExited();
        }
    }

    /**
     * The stream of the invocation {@code requestId} in flight when its caller takes the response as it is written;
     * null otherwise (the server then reads the body whole and checks the id).
     */
    @Override
    public OutputStream streamTo(String requestId, String contentType) {
        Invocation invocation;
        synchronized (lock) {
            invocation = inFlight.get(requestId);
        }
        if (invocation == null || invocation.stream() == null) {
            return null;
        }
        try {
            return invocation.stream().open(requestId, contentType);
        } catch (IOException e) {
            return OutputStream.nullOutputStream(); // the caller is gone; the runtime's response is still read
        }
    }

    /** Completes the invocation {@code requestId} in flight with the runtime's answer. */
    @Override
    public void answered(String requestId, Answer answer) {
        Invocation answered;
        synchronized (lock) {
            answered = inFlight.remove(requestId);
            if (answered == null) {
                return;
            }
        }
        answered.result().complete(outcome(answer));
    }

    /** Records an {@code /init/error}; the server allows it only before the first {@code /next}. */
    @Override
    public void initFailed(String errorType, byte[] body) {
        initError.complete(new InitError(errorType, body));
    }

    private static Outcome outcome(Answer answer) {
        return switch (answer) {
            case Answer.Response r
            when r.failedMidStream() -> Outcome.functionError(errorBody(r.errorBody(), r.errorType()), r.errorType());
            case Answer.Response r -> Outcome.success(r.body(), r.contentType());
            case Answer.FunctionError e -> Outcome.functionError(errorBody(e.body(), e.errorType()), e.errorType());
            case Answer.TooLarge t
            when t.limitBytes() > RuntimeApi.MAX_RESPONSE_BYTES -> streamTooLarge(t.limitBytes());
            case Answer.TooLarge t -> Outcome.tooLarge();
            case Answer.Failed f ->
                Outcome.functionError(new ErrorResponse(f.errorMessage(), f.errorType()).toJson(), f.errorType());
        };
    }

    /** A streamed response over its limit (200 MB): the error names that limit, not the buffered one. */
    private static Outcome streamTooLarge(long limitBytes) {
        String type = RuntimeApi.FN_ERROR_RESPONSE_TOO_LARGE;
        String message = "Response payload size exceeded maximum allowed payload size (" + limitBytes + " bytes).";
        return Outcome.functionError(new ErrorResponse(message, type).toJson(), type);
    }

    /**
     * The error the caller sees: the runtime's body, or, when the body is absent or not JSON, an error built from
     * the {@code Lambda-Runtime-Function-Error-Type} header (§5.3; {@code Runtime.Unknown} without one).
     */
    private static byte[] errorBody(byte[] body, String type) {
        if (body.length > 0 && JsonReader.isValid(body)) {
            return body;
        }
        return new ErrorResponse("", type == null || type.isBlank() ? RuntimeApi.FN_ERROR_UNKNOWN : type).toJson();
    }

    /** The runtime process is gone: fail init and every invocation in flight or waiting. */
    public void processExited() {
        exited = true;
        completeReadyWaiters(false, 0);
        firstNext.completeExceptionally(new IllegalStateException("runtime process exited during init"));
        List<Invocation> failed;
        synchronized (lock) {
            failed = List.copyOf(inFlight.values());
            inFlight.clear();
        }
        failed.forEach(invocation -> invocation.result().complete(Outcome.exited()));
        Invocation waiting;
        while ((waiting = events.poll()) != null) {
            waiting.result().complete(Outcome.exited());
        }
    }
}

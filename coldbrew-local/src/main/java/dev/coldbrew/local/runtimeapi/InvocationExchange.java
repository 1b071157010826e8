package dev.coldbrew.local.runtimeapi;

import dev.coldbrew.runtime.api.ErrorResponse;
import dev.coldbrew.runtime.api.RuntimeApi;
import dev.coldbrew.runtime.api.json.JsonReader;
import dev.coldbrew.runtime.api.server.Answer;
import dev.coldbrew.runtime.api.server.NextEvent;
import dev.coldbrew.runtime.api.server.RuntimeApiBackend;
import dev.coldbrew.runtime.api.server.RuntimeApiServer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The Runtime API state of one execution environment behind its {@link RuntimeApiServer}: the init phase, the
 * event waiting for {@code /next} and the invocation in flight. The environment submits events; the server hands
 * them out, applies Lambda's rules and passes the runtime's answers here, where they complete the invocation.
 */
public final class InvocationExchange implements RuntimeApiBackend {

    /** An error the runtime posted to {@code /init/error}. */
    public record InitError(String errorType, byte[] body) {}

    private final BlockingQueue<Invocation> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<Long> firstNext = new CompletableFuture<>();
    private final CompletableFuture<InitError> initError = new CompletableFuture<>();
    private final Object lock = new Object();
    private Invocation current;
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

    /** Blocks (no timeout, as Lambda's long poll) until an event is there, and makes it the one in flight. */
    @Override
    public NextEvent next() throws InterruptedException {
        firstNext.complete(System.nanoTime());
        Invocation invocation = events.take();
        synchronized (lock) {
            current = invocation;
        }
        return invocation.toNextEvent();
    }

    /** Completes the invocation in flight with the runtime's answer. */
    @Override
    public void answered(String requestId, Answer answer) {
        Invocation answered;
        synchronized (lock) {
            if (current == null || !current.requestId().equals(requestId)) {
                return;
            }
            answered = current;
            current = null;
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
            case Answer.Response r -> Outcome.success(r.body(), r.contentType());
            case Answer.FunctionError e -> Outcome.functionError(errorBody(e.body(), e.errorType()), e.errorType());
            case Answer.TooLarge t -> Outcome.tooLarge();
            case Answer.Failed f ->
                Outcome.functionError(new ErrorResponse(f.errorMessage(), f.errorType()).toJson(), f.errorType());
        };
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

    /** The runtime process is gone: fail init and the invocation in flight or waiting. */
    public void processExited() {
        exited = true;
        firstNext.completeExceptionally(new IllegalStateException("runtime process exited during init"));
        synchronized (lock) {
            if (current != null) {
                current.result().complete(Outcome.exited());
            }
        }
        Invocation waiting;
        while ((waiting = events.poll()) != null) {
            waiting.result().complete(Outcome.exited());
        }
    }
}

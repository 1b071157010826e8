package dev.coldbrew.local.runtimeapi;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The Runtime API state of one execution environment: the init phase, the event waiting for {@code /next},
 * the invocation in flight and the id of the last one answered. The environment submits events; the
 * Runtime API server hands them out and completes them.
 */
public final class InvocationExchange {

    /** What a {@code /response}, {@code /error} or {@code /init/error} call observed. */
    public enum Accept {
        ACCEPTED,
        UNKNOWN_REQUEST_ID,
        WRONG_STATE
    }

    /** An error the runtime posted to {@code /init/error}. */
    public record InitError(String errorType, byte[] body) {}

    private final BlockingQueue<Invocation> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<Long> firstNext = new CompletableFuture<>();
    private final CompletableFuture<InitError> initError = new CompletableFuture<>();
    private final Object lock = new Object();
    private Invocation current;
    private String lastAnswered;
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
    public Invocation next() throws InterruptedException {
        firstNext.complete(System.nanoTime());
        Invocation invocation = events.take();
        synchronized (lock) {
            current = invocation;
        }
        return invocation;
    }

    /** Completes the invocation in flight with the runtime's answer, once. */
    public Accept complete(String requestId, Outcome outcome) {
        synchronized (lock) {
            if (current != null && current.requestId().equals(requestId)) {
                Invocation answered = current;
                current = null;
                lastAnswered = requestId;
                return answered.result().complete(outcome) ? Accept.ACCEPTED : Accept.WRONG_STATE;
            }
            return requestId.equals(lastAnswered) ? Accept.WRONG_STATE : Accept.UNKNOWN_REQUEST_ID;
        }
    }

    /** Records an {@code /init/error}; allowed only before the first {@code /next}. */
    public Accept initFailed(InitError error) {
        if (firstNext.isDone()) {
            return Accept.WRONG_STATE;
        }
        initError.complete(error);
        return Accept.ACCEPTED;
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

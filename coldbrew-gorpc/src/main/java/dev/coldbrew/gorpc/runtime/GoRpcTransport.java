package dev.coldbrew.gorpc.runtime;

import dev.coldbrew.gorpc.lambda.FunctionInvoker;
import dev.coldbrew.gorpc.lambda.GoRpcFunctionServer;
import dev.coldbrew.gorpc.lambda.InvokeRequest;
import dev.coldbrew.gorpc.lambda.InvokeResponse;
import dev.coldbrew.runtime.ExitStatus;
import dev.coldbrew.runtime.Invocation;
import dev.coldbrew.runtime.Invoker;
import dev.coldbrew.runtime.Outcome;
import dev.coldbrew.runtime.spi.Transport;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * coldbrew's {@link Invoker} behind a {@link GoRpcFunctionServer}: each {@code Function.Invoke} becomes an
 * {@link Invocation} ({@link GoRpcInvocations}), runs through the handler, and its {@link Outcome} becomes the
 * {@link InvokeResponse}. A handler failure travels in {@code InvokeResponse.Error}; a fatal one (out of memory)
 * also sets {@code ShouldExit}, and the process then exits with {@link ExitStatus#FATAL_HANDLER_ERROR}, as on
 * the Runtime API path.
 */
final class GoRpcTransport implements Transport, FunctionInvoker {
    /**
     * How long the transport keeps serving after answering a fatal failure before the process exits, so that the
     * reply with {@code ShouldExit} reaches the caller first (Lambda's go1.x runtime then replaces the process
     * anyway).
     */
    static final Duration FATAL_EXIT_DELAY = Duration.ofMillis(500);

    private final Invoker invoker;
    private final CompletableFuture<ExitStatus> exit = new CompletableFuture<>();
    private GoRpcFunctionServer server;

    private GoRpcTransport(Invoker invoker) {
        this.invoker = invoker;
    }

    static GoRpcTransport start(GoRpcFunctionServer.Config config, Invoker invoker) throws IOException {
        GoRpcTransport transport = new GoRpcTransport(invoker);
        transport.server = GoRpcFunctionServer.start(config, transport);
        return transport;
    }

    /** The port actually bound. */
    int port() {
        return server.port();
    }

    @Override
    public InvokeResponse invoke(InvokeRequest request) {
        Invocation invocation;
        try {
            invocation = GoRpcInvocations.invocation(request);
        } catch (IllegalArgumentException e) {
            return GoRpcInvocations.invalid(e);
        }
        Outcome outcome = invoker.invoke(invocation);
        if (outcome instanceof Outcome.Failure failure && failure.fatal()) {
            CompletableFuture.delayedExecutor(FATAL_EXIT_DELAY.toNanos(), TimeUnit.NANOSECONDS)
                    .execute(() -> exit.complete(ExitStatus.FATAL_HANDLER_ERROR));
        }
        return GoRpcInvocations.response(outcome);
    }

    @Override
    public ExitStatus awaitExit() throws InterruptedException {
        try {
            return exit.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("go1.x transport on port " + port() + " failed", e.getCause());
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}

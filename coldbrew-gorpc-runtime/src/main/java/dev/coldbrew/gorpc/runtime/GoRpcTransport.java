package dev.coldbrew.gorpc.runtime;

import dev.coldbrew.gorpc.lambda.FunctionInvoker;
import dev.coldbrew.gorpc.lambda.GoRpcFunctionServer;
import dev.coldbrew.gorpc.lambda.InvokeRequest;
import dev.coldbrew.gorpc.lambda.InvokeResponse;
import dev.coldbrew.runtime.ExitStatus;
import dev.coldbrew.runtime.spi.Invocation;
import dev.coldbrew.runtime.spi.Invoker;
import dev.coldbrew.runtime.spi.Outcome;
import dev.coldbrew.runtime.spi.Transport;
import java.io.IOException;
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
final class GoRpcTransport implements Transport {
    private final GoRpcFunctionServer server;
    private final CompletableFuture<ExitStatus> exit;

    private GoRpcTransport(GoRpcFunctionServer server, CompletableFuture<ExitStatus> exit) {
        this.server = server;
        this.exit = exit;
    }

    /** Binds {@code config}'s port and serves {@code invoker}; returns once the port accepts connections. */
    static GoRpcTransport start(GoRpcFunctionServer.Config config, Invoker invoker) throws IOException {
        CompletableFuture<ExitStatus> exit = new CompletableFuture<>();
        FunctionInvoker function = request -> invoke(invoker, request, exit);
        return new GoRpcTransport(GoRpcFunctionServer.start(config, function), exit);
    }

    /** One {@code Function.Invoke}; a fatal failure schedules the exit once its reply is on its way. */
    private static InvokeResponse invoke(Invoker invoker, InvokeRequest request, CompletableFuture<ExitStatus> exit) {
        Invocation invocation;
        try {
            invocation = GoRpcInvocations.invocation(request);
        } catch (IllegalArgumentException e) {
            return GoRpcInvocations.response(Outcome.Failure.invalidInvocation(e.getMessage()));
        }
        Outcome outcome = invoker.invoke(invocation);
        if (outcome instanceof Outcome.Failure failure && failure.fatal()) {
            CompletableFuture.delayedExecutor(FATAL_EXIT_DELAY.toNanos(), TimeUnit.NANOSECONDS)
                    .execute(() -> exit.complete(ExitStatus.FATAL_HANDLER_ERROR));
        }
        return GoRpcInvocations.response(outcome);
    }

    /** The port actually bound. */
    int port() {
        return server.port();
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

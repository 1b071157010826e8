package dev.coldbrew.local.environment;

import dev.coldbrew.local.runtimeapi.Invocation;
import dev.coldbrew.local.runtimeapi.InvocationExchange;
import dev.coldbrew.local.runtimeapi.Outcome;
import dev.coldbrew.runtime.api.RuntimeApi;
import dev.coldbrew.runtime.api.server.ConnectionCheck;
import dev.coldbrew.runtime.api.server.RuntimeApiServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Runtime API side of an environment: its own {@link RuntimeApiServer} on a free port, and the
 * {@link InvocationExchange} the runtime's {@code GET /next} long poll takes events from. Init ends at the first
 * {@code /next} or an {@code /init/error}.
 */
final class RuntimeApiProtocol implements FunctionProtocol {
    private final InvocationExchange exchange;
    private final RuntimeApiServer server;

    private RuntimeApiProtocol(InvocationExchange exchange, RuntimeApiServer server) {
        this.exchange = exchange;
        this.server = server;
    }

    /**
     * Starts the environment's Runtime API, which answers only {@code peers} (403 {@code ForeignConnection}); a
     * failure names the address it could not bind.
     */
    static RuntimeApiProtocol start(LocalOptions options, ConnectionCheck peers) throws IOException {
        InvocationExchange exchange = new InvocationExchange();
        InetSocketAddress address = new InetSocketAddress(options.bindAddress(), 0);
        try {
            return new RuntimeApiProtocol(exchange, RuntimeApiServer.start(address, exchange, peers));
        } catch (IOException e) {
            throw new IOException("start the Runtime API on " + address + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Map<String, String> variables() {
        return Map.of(RuntimeApi.ENV_RUNTIME_API, server.hostAndPort());
    }

    @Override
    public Environment.Init awaitInit(ChildProcess process, Duration limit) throws InterruptedException {
        CompletableFuture<Object> first = CompletableFuture.anyOf(exchange.firstNext(), exchange.initError());
        try {
            Object value = first.get(limit.toNanos(), TimeUnit.NANOSECONDS);
            if (value instanceof Long nanos) {
                return new Environment.Init.Ready(Environment.millisSince(process.startNanos(), nanos));
            }
            var error = (InvocationExchange.InitError) value;
            String type = error.errorType() == null ? RuntimeApi.FN_ERROR_UNKNOWN : error.errorType();
            return new Environment.Init.Failed(elapsedMs(process), "error", type, error.body());
        } catch (ExecutionException e) {
            return new Environment.Init.Failed(elapsedMs(process), "error", RuntimeApi.FN_ERROR_EXIT, null);
        } catch (TimeoutException e) {
            return new Environment.Init.Failed(elapsedMs(process), "timeout", null, null);
        }
    }

    @Override
    public Outcome invoke(Invocation invocation, Duration timeout) throws InterruptedException {
        exchange.submit(invocation);
        try {
            return invocation.result().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (ExecutionException e) {
            throw new IllegalStateException("invocation " + invocation.requestId() + " failed", e);
        }
    }

    @Override
    public CompletableFuture<Boolean> readyForNext() {
        return exchange.readyForNext();
    }

    @Override
    public void processExited() {
        exchange.processExited();
    }

    @Override
    public void close() {
        server.close();
    }

    private static double elapsedMs(ChildProcess process) {
        return Environment.millisSince(process.startNanos(), System.nanoTime());
    }
}

package dev.coldbrew.gorpc.runtime;

import dev.coldbrew.gorpc.lambda.GoRpcFunctionClient;
import dev.coldbrew.gorpc.lambda.InvokeRequest;
import dev.coldbrew.gorpc.lambda.Timestamp;
import dev.coldbrew.runtime.ExitStatus;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * coldbrew's runtime serving go1.x on a thread of the test JVM, on a free port. {@link #close()} ends it the way
 * a function ends: with a fatal failure ({@code oom}), so no server is left behind even when a test fails.
 */
final class InProcessGoRuntime implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final int port;
    private final CompletableFuture<ExitStatus> exit = new CompletableFuture<>();

    private InProcessGoRuntime(int port) {
        this.port = port;
    }

    /** Runs {@code runtime} with {@code _LAMBDA_SERVER_PORT} (and {@code extraEnv}) on a new thread. */
    static InProcessGoRuntime start(Map<String, String> extraEnv, Function<Map<String, String>, ExitStatus> runtime)
            throws IOException {
        InProcessGoRuntime running = new InProcessGoRuntime(freePort());
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("_LAMBDA_SERVER_PORT", Integer.toString(running.port));
        env.put("AWS_LAMBDA_FUNCTION_NAME", "go1x-test");
        Thread thread = new Thread(() -> {
            try {
                running.exit.complete(runtime.apply(env));
            } catch (Throwable e) {
                running.exit.completeExceptionally(e);
            }
        });
        thread.setDaemon(true);
        thread.start();
        return running;
    }

    int port() {
        return port;
    }

    GoRpcFunctionClient connect() throws IOException, InterruptedException {
        return GoRpcFunctionClient.connect(port, TIMEOUT);
    }

    ExitStatus awaitExit() throws Exception {
        return exit.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    static InvokeRequest request(String payload, String requestId) {
        return InvokeRequest.of(
                payload.getBytes(StandardCharsets.UTF_8),
                requestId,
                Timestamp.of(java.time.Instant.now().plusSeconds(60)),
                "arn:aws:lambda:us-east-1:123456789012:function:go1x-test");
    }

    @Override
    public void close() throws IOException {
        try {
            if (!exit.isDone()) {
                try (GoRpcFunctionClient client = connect()) {
                    client.invoke(request("oom", "stop"), TIMEOUT);
                }
            }
            awaitExit();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("stopping the runtime on port " + port + " interrupted");
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("stopping the runtime on port " + port + " failed", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}

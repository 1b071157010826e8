package dev.coldbrew.local.environment;

import dev.coldbrew.gorpc.lambda.GoRpcFunctionClient;
import dev.coldbrew.gorpc.lambda.InvokeRequest;
import dev.coldbrew.gorpc.lambda.InvokeResponse;
import dev.coldbrew.gorpc.lambda.Timestamp;
import dev.coldbrew.gorpc.rpc.ConnectCheck;
import dev.coldbrew.gorpc.rpc.RefusedConnectionException;
import dev.coldbrew.gorpc.rpc.RpcMethodException;
import dev.coldbrew.local.runtimeapi.Invocation;
import dev.coldbrew.local.runtimeapi.Outcome;
import dev.coldbrew.runtime.api.RuntimeApi;
import dev.coldbrew.runtime.api.json.JsonWriter;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Lambda's go1.x protocol from the Lambda side, as its go1.x runtime does it: the function serves Go
 * {@code net/rpc} on {@code 127.0.0.1:$_LAMBDA_SERVER_PORT} (a free loopback port chosen here); the environment
 * dials and calls {@code Function.Ping} until it answers (init ends there: spawn → first successful ping), then
 * one {@code Function.Invoke} per event on that connection ({@link GoRpcFunctionClient}).
 *
 * <p>Outcomes: a reply with a payload is a success; a reply with {@code Error} is a function error whose body
 * is the error JSON ({@code errorMessage}, {@code errorType}, {@code stackTrace}), and with {@code ShouldExit}
 * the environment is replaced afterwards; no reply within the timeout is a timeout; a closed connection means
 * the process is gone.
 */
final class GoRpcProtocol implements FunctionProtocol {
    private static final System.Logger LOG = System.getLogger(GoRpcProtocol.class.getName());
    /** Longest single dial-and-ping attempt during init, so that a process exit is noticed promptly. */
    static final Duration READY_ATTEMPT = Duration.ofMillis(100);

    /**
     * How long a lost connection waits for the process's exit to be observed, so that the error names the exit
     * status ({@code exit status 3}) rather than an unknown reason.
     */
    static final Duration EXIT_WAIT = Duration.ofSeconds(1);

    /** The Init error when another process holds the function's port; the message names that process. */
    static final String FN_ERROR_PORT_TAKEN = "Runtime.PortTaken";

    private final int port;
    private final ConnectCheck peers;
    private volatile GoRpcFunctionClient client;
    private volatile ChildProcess process;

    private GoRpcProtocol(int port, ConnectCheck peers) {
        this.port = port;
        this.peers = peers;
    }

    /**
     * Picks a free loopback port for the function to listen on. Another process may bind it before the function
     * does: every connection is checked by {@code peers} before anything is sent, and a stranger on the port fails
     * Init ({@value #FN_ERROR_PORT_TAKEN}), whose retry gets a new port.
     */
    static GoRpcProtocol open(ConnectCheck peers) throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return new GoRpcProtocol(probe.getLocalPort(), peers);
        }
    }

    @Override
    public Map<String, String> variables() {
        return Map.of(RuntimeApi.ENV_LAMBDA_SERVER_PORT, Integer.toString(port));
    }

    @Override
    public Environment.Init awaitInit(ChildProcess process, Duration limit) throws InterruptedException {
        this.process = process;
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            if (process.exit().isDone()) {
                return new Environment.Init.Failed(elapsedMs(process), "error", RuntimeApi.FN_ERROR_EXIT, null);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return new Environment.Init.Failed(elapsedMs(process), "timeout", null, null);
            }
            try {
                client = GoRpcFunctionClient.connect(
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                        Duration.ofNanos(Math.min(left, READY_ATTEMPT.toNanos())),
                        peers);
                return new Environment.Init.Ready(elapsedMs(process));
            } catch (RefusedConnectionException e) {
                return portTaken(process, e);
            } catch (IOException e) {
                LOG.log(Level.TRACE, () -> "go1.x function on port " + port + " not ready yet: " + e.getMessage());
                Thread.sleep(GoRpcFunctionClient.DIAL_RETRY_INTERVAL);
            }
        }
    }

    /** The refusal itself was logged by the peer check, once; here it becomes the Init error. */
    private static Environment.Init portTaken(ChildProcess process, RefusedConnectionException e) {
        byte[] body = JsonWriter.create()
                .beginObject()
                .field("errorType", FN_ERROR_PORT_TAKEN)
                .field("errorMessage", e.getMessage())
                .endObject()
                .toString()
                .getBytes(StandardCharsets.UTF_8);
        return new Environment.Init.Failed(elapsedMs(process), "error", FN_ERROR_PORT_TAKEN, body);
    }

    @Override
    public Outcome invoke(Invocation invocation, Duration timeout) throws InterruptedException {
        GoRpcFunctionClient connected = client;
        if (connected == null || !connected.isOpen()) {
            return Outcome.exited();
        }
        if (timeout.isZero() || timeout.isNegative()) {
            return null;
        }
        long start = System.nanoTime();
        try {
            return outcome(connected.invoke(request(invocation), timeout));
        } catch (RpcMethodException e) {
            // Not a handler failure (aws-lambda-go always returns nil from Invoke): an rpc-level error reply.
            String body = JsonWriter.create()
                    .beginObject()
                    .field("errorType", RuntimeApi.FN_ERROR_UNKNOWN)
                    .field("errorMessage", e.getMessage())
                    .endObject()
                    .toString();
            return Outcome.functionError(body.getBytes(StandardCharsets.UTF_8), RuntimeApi.FN_ERROR_UNKNOWN);
        } catch (IOException e) {
            // The client closes the socket when the call's deadline passes, so the cause may be a closed socket
            // rather than a SocketTimeoutException: the time spent tells a timeout apart.
            if (e.getCause() instanceof SocketTimeoutException || System.nanoTime() - start >= timeout.toNanos()) {
                return null;
            }
            LOG.log(Level.DEBUG, () -> "go1.x invoke " + invocation.requestId() + " failed: " + e.getMessage());
            awaitExit();
            return Outcome.exited();
        }
    }

    /** A closed connection almost always means the process is exiting: give the exit a moment to be observed. */
    private void awaitExit() throws InterruptedException {
        try {
            process.exit().get(EXIT_WAIT.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(Level.DEBUG, () -> "go1.x function on port " + port + " lost its connection but has not exited");
        }
    }

    /** The request Lambda's go1.x runtime sends: payload, ids, trace header, deadline, ARN, client context. */
    static InvokeRequest request(Invocation invocation) {
        return new InvokeRequest(
                invocation.payload(),
                invocation.requestId(),
                invocation.traceId(),
                Timestamp.of(Instant.ofEpochMilli(invocation.deadlineEpochMs())),
                invocation.functionArn(),
                "",
                "",
                invocation.clientContext() == null
                        ? null
                        : invocation.clientContext().getBytes(StandardCharsets.UTF_8));
    }

    private static Outcome outcome(InvokeResponse response) {
        if (!response.failed()) {
            return response.payload().length > RuntimeApi.MAX_RESPONSE_BYTES
                    ? Outcome.tooLarge()
                    : Outcome.success(response.payload(), RuntimeApi.CONTENT_TYPE_JSON);
        }
        byte[] body = response.error().toJson().getBytes(StandardCharsets.UTF_8);
        return response.error().shouldExit()
                ? Outcome.functionErrorThenExit(body, response.error().type())
                : Outcome.functionError(body, response.error().type());
    }

    @Override
    public CompletableFuture<Boolean> readyForNext() {
        GoRpcFunctionClient connected = client;
        return CompletableFuture.completedFuture(connected != null && connected.isOpen());
    }

    @Override
    public void processExited() {
        // A blocked Function.Invoke fails by itself when the process's socket closes.
    }

    @Override
    public void close() {
        GoRpcFunctionClient connected = client;
        if (connected != null) {
            try {
                connected.close();
            } catch (IOException e) {
                LOG.log(Level.DEBUG, "closing the go1.x connection to port " + port + " failed", e);
            }
        }
    }

    private static double elapsedMs(ChildProcess process) {
        return Environment.millisSince(process.startNanos(), System.nanoTime());
    }
}

package dev.coldbrew.local.environment;

import dev.coldbrew.local.function.FunctionConfig;
import dev.coldbrew.local.isolation.EnvironmentPeers;
import dev.coldbrew.local.runtimeapi.Invocation;
import dev.coldbrew.local.runtimeapi.Outcome;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * How one execution environment talks to its runtime process: the Runtime API (the local Lambda serves it, the
 * runtime polls; {@link RuntimeApiProtocol}) or Lambda's go1.x protocol (the function serves Go net/rpc, the
 * local Lambda calls it; {@link GoRpcProtocol}). The environment owns the process, cgroups, freezing and
 * timings; the protocol only moves events and answers.
 */
interface FunctionProtocol {

    /**
     * Opens the protocol for a new environment of {@code function}, before its process starts; only {@code peers}
     * (the environment's processes) may use it.
     */
    static FunctionProtocol open(FunctionConfig function, LocalOptions options, EnvironmentPeers peers)
            throws IOException {
        return switch (function.runtime()) {
            case GO1X -> GoRpcProtocol.open(peers);
            case PROVIDED, JAVA17, JAVA21, JAVA25, COLDBREW -> RuntimeApiProtocol.start(options, peers);
        };
    }

    /** The variables that tell the runtime process where to reach Lambda ({@code AWS_LAMBDA_RUNTIME_API}, …). */
    Map<String, String> variables();

    /**
     * Waits for the end of init, at most {@code limit}: the runtime is ready ({@link Environment.Init.Ready},
     * timed from {@code process}'s spawn), reported an init error, exited, or timed out.
     */
    Environment.Init awaitInit(ChildProcess process, Duration limit) throws InterruptedException;

    /**
     * Hands {@code invocation} to the runtime and waits for its outcome until {@code timeout}; returns
     * {@code null} on timeout, {@link Outcome#exited()} when the process or the connection is gone.
     */
    Outcome invoke(Invocation invocation, Duration timeout) throws InterruptedException;

    /**
     * Completes with true once the runtime can take its next event, false when its process exits first. Over the
     * Runtime API that is the runtime waiting in {@code GET /next} again after its answer; over go1.x, which has no
     * {@code /next}, it is the connection still being open once the reply arrived.
     */
    CompletableFuture<Boolean> readyForNext();

    /** The runtime process has exited: fail whatever waits for it. */
    void processExited();

    /** Releases the server or connection. Idempotent. */
    void close();
}

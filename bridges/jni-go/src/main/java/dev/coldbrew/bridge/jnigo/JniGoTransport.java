package dev.coldbrew.bridge.jnigo;

import dev.coldbrew.runtime.ExitStatus;
import dev.coldbrew.runtime.api.RuntimeApi;
import dev.coldbrew.runtime.spi.Invocation;
import dev.coldbrew.runtime.spi.Invoker;
import dev.coldbrew.runtime.spi.Outcome;
import dev.coldbrew.runtime.spi.Transport;
import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.locks.LockSupport;

/**
 * coldbrew's {@link Invoker} behind the Go bridge: Go's {@code net/rpc} serves go1.x, and the thread that waits in
 * {@link #awaitExit()} (the runtime's main thread) runs the seed's loop: read an invoke, run the handler, answer.
 *
 * <p>Failure classes: a handler failure is answered as go1.x's {@code InvokeResponse_Error} and the loop goes on;
 * a request that is not a valid invocation (no request id) is answered with {@code Runtime.InvalidInvocation}; a
 * fatal failure (out of memory) is answered with {@code ShouldExit}, and the process exits
 * {@link #FATAL_EXIT_DELAY} later with {@link ExitStatus#FATAL_HANDLER_ERROR}; a failure of the bridge itself
 * (the library refuses an answer) ends the loop with {@link ExitStatus#RUNTIME_API_FAILED}, so the process exits
 * and Lambda starts a new one. As everything runs in one process, the Java side exiting or crashing, or a Go
 * panic, ends both.
 */
final class JniGoTransport implements Transport {
    private static final String[] NO_FRAMES = new String[0];

    private final int port;
    private final Invoker invoker;
    private final PrintStream err;

    private JniGoTransport(int port, Invoker invoker, PrintStream err) {
        this.port = port;
        this.invoker = invoker;
        this.err = err;
    }

    /** Serves go1.x on {@code 127.0.0.1:port} through the (loaded) library; returns once the port is bound. */
    static JniGoTransport start(int port, Invoker invoker, PrintStream err) throws IOException {
        String failure = GoBridge.start(port, RuntimeApi.MAX_RESPONSE_BYTES);
        if (failure != null) {
            throw new IOException(
                    "coldbrew-jni-go: start the go1.x bridge on 127.0.0.1:" + port + " failed: " + failure);
        }
        return new JniGoTransport(port, invoker, err);
    }

    /** The seed's loop: {@code readRequest}, handle, {@code writeResponse}, until a fatal failure. */
    @Override
    public ExitStatus awaitExit() {
        while (true) {
            BridgeRequest request;
            try {
                request = GoBridge.readRequest();
            } catch (OutOfMemoryError e) {
                return exitAfterFatal(); // the library answered the invoke it could not hand over
            } catch (RuntimeException e) {
                return bridgeFailed("readRequest", e);
            }
            if (request == null) {
                err.println("coldbrew-jni-go: the go1.x bridge on 127.0.0.1:" + port + " stopped serving");
                return ExitStatus.RUNTIME_API_FAILED;
            }
            Outcome outcome = handle(request);
            try {
                answer(request.id(), outcome);
            } catch (RuntimeException e) {
                return bridgeFailed("answer invoke " + request.requestId(), e);
            }
            if (outcome instanceof Outcome.Failure failure && failure.fatal()) {
                return exitAfterFatal();
            }
        }
    }

    private Outcome handle(BridgeRequest request) {
        Invocation invocation;
        try {
            invocation = Invocation.fromGo1x(
                    request.requestId(),
                    request.deadlineSeconds(),
                    request.deadlineNanos(),
                    request.invokedFunctionArn(),
                    request.traceId(),
                    request.clientContext(),
                    request.cognitoIdentityId(),
                    request.cognitoIdentityPoolId(),
                    request.payload());
        } catch (IllegalArgumentException e) {
            return Outcome.Failure.invalidInvocation(e.getMessage());
        }
        return invoker.invoke(invocation);
    }

    private static void answer(long id, Outcome outcome) {
        switch (outcome) {
            case Outcome.Success success -> GoBridge.writeResponse(id, success.payload());
            case Outcome.Failure failure ->
                GoBridge.writeError(
                        id,
                        failure.error().errorMessage(),
                        failure.error().errorType(),
                        failure.error().stackTrace().toArray(NO_FRAMES),
                        failure.fatal());
        }
    }

    private static ExitStatus exitAfterFatal() {
        LockSupport.parkNanos(FATAL_EXIT_DELAY.toNanos());
        return ExitStatus.FATAL_HANDLER_ERROR;
    }

    private ExitStatus bridgeFailed(String operation, RuntimeException e) {
        err.println("coldbrew-jni-go: " + operation + " on the go1.x bridge (127.0.0.1:" + port + ") failed: " + e);
        return ExitStatus.RUNTIME_API_FAILED;
    }

    @Override
    public void close() {
        GoBridge.stop();
    }
}

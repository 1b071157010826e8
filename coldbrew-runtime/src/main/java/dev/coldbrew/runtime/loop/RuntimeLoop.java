package dev.coldbrew.runtime.loop;

import dev.coldbrew.runtime.ExitStatus;
import dev.coldbrew.runtime.Invocation;
import dev.coldbrew.runtime.Invoker;
import dev.coldbrew.runtime.Outcome;
import dev.coldbrew.runtime.api.ErrorRequest;
import dev.coldbrew.runtime.api.RuntimeApi;
import dev.coldbrew.runtime.api.RuntimeApiClient;
import dev.coldbrew.runtime.api.RuntimeApiException;
import java.io.IOException;
import java.io.PrintStream;

/**
 * The invoke loop over the Runtime API: {@code next → invoke → response | error}, until the Runtime API fails.
 * Responses are sent when the handler returns ({@link Invoker}) or streamed as it writes them
 * ({@link StreamingInvoker}).
 *
 * <p>Failure classes: a handler exception is reported to {@code /error} and the loop continues (see
 * {@link Invoker}); a {@code /next} reply with an unusable deadline is reported to {@code /error} for its request
 * id as {@code Runtime.InvalidInvocation} and the loop continues; a 4xx reply to a {@code /response} or
 * {@code /error} POST concerns that invocation only and is written to stderr; a transport failure, a malformed
 * reply, a {@code /next} without request id or any HTTP 500 ends the loop with
 * {@link ExitStatus#RUNTIME_API_FAILED}, after a message on stderr.
 */
public final class RuntimeLoop {
    private final RuntimeApiClient client;
    private final Invoker invoker;
    private final StreamingInvoker streaming;
    private final PrintStream err;

    /** A loop that sends each handler's response when it returns. */
    public RuntimeLoop(RuntimeApiClient client, Invoker invoker, PrintStream err) {
        this(client, invoker, null, err);
    }

    /** A loop that streams each response as the handler writes it. */
    RuntimeLoop(RuntimeApiClient client, StreamingInvoker streaming, PrintStream err) {
        this(client, null, streaming, err);
    }

    private RuntimeLoop(RuntimeApiClient client, Invoker invoker, StreamingInvoker streaming, PrintStream err) {
        this.client = client;
        this.invoker = invoker;
        this.streaming = streaming;
        this.err = err;
    }

    /** Runs until a fatal failure and returns why it stopped; never returns otherwise. */
    public ExitStatus run() {
        try {
            while (true) {
                Invocation invocation = next();
                if (invocation != null && !serve(invocation)) {
                    return ExitStatus.FATAL_HANDLER_ERROR;
                }
            }
        } catch (IOException e) {
            err.println("coldbrew-runtime: stopping: " + e.getMessage());
            return ExitStatus.RUNTIME_API_FAILED;
        } catch (RuntimeException e) {
            err.println("coldbrew-runtime: stopping: unexpected failure in the invoke loop: " + e);
            return ExitStatus.RUNTIME_API_FAILED;
        }
    }

    private Invocation next() throws IOException {
        try {
            return Invocation.from(client.next());
        } catch (RuntimeApiException e) {
            if (!e.isInvalidInvocation()) {
                throw e;
            }
            ErrorRequest error = new ErrorRequest(e.getMessage(), RuntimeApi.FN_ERROR_INVALID_INVOCATION);
            report(e.requestId(), new Outcome.Failure(error, RuntimeApi.FN_ERROR_INVALID_INVOCATION, false));
            return null;
        }
    }

    /** Runs one invocation and reports its outcome; false when the process must exit after it. */
    private boolean serve(Invocation invocation) throws IOException {
        if (streaming == null) {
            return report(invocation.requestId(), invoker.invoke(invocation));
        }
        StreamingInvoker.Result result;
        try {
            result = streaming.stream(invocation, client);
        } catch (RuntimeApiException e) {
            return tolerated(e);
        }
        if (result.toReport() != null) {
            return report(invocation.requestId(), result.toReport());
        }
        if (result.fatal()) {
            err.println("coldbrew-runtime: stopping after request " + invocation.requestId() + ": out of memory");
        }
        return !result.fatal();
    }

    /** Posts {@code outcome}; false when the process must exit after it. */
    private boolean report(String requestId, Outcome outcome) throws IOException {
        try {
            if (outcome instanceof Outcome.Success success) {
                client.postResponse(requestId, success.contentType(), success.payload());
            } else if (outcome instanceof Outcome.Failure failure) {
                client.postError(requestId, failure.errorType(), failure.error(), failure.xrayCause());
            }
        } catch (RuntimeApiException e) {
            tolerated(e);
        }
        if (outcome instanceof Outcome.Failure failure && failure.fatal()) {
            err.println("coldbrew-runtime: stopping after request " + requestId + ": " + failure.errorType() + ": "
                    + failure.error().errorMessage());
            return false;
        }
        return true;
    }

    /** A 4xx reply concerns one invocation only: written to stderr, the loop goes on. Anything else is fatal. */
    private boolean tolerated(RuntimeApiException e) throws RuntimeApiException {
        if (e.status() < RuntimeApi.HTTP_BAD_REQUEST || e.status() >= RuntimeApi.HTTP_INTERNAL_ERROR) {
            throw e;
        }
        err.println("coldbrew-runtime: " + e.getMessage() + "; continuing with the next invocation");
        return true;
    }
}

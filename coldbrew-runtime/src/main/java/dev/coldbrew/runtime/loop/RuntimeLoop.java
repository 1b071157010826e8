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
    private final PrintStream err;

    public RuntimeLoop(RuntimeApiClient client, Invoker invoker, PrintStream err) {
        this.client = client;
        this.invoker = invoker;
        this.err = err;
    }

    /** Runs until a fatal failure and returns why it stopped; never returns otherwise. */
    public ExitStatus run() {
        try {
            while (true) {
                Invocation invocation = next();
                if (invocation != null && !send(invocation.requestId(), invoker.invoke(invocation))) {
                    return ExitStatus.FATAL_HANDLER_ERROR;
                }
            }
        } catch (IOException e) {
            err.println("coldbrew-runtime: stopping: " + e.getMessage());
            return ExitStatus.RUNTIME_API_FAILED;
        }
    }

    private Invocation next() throws IOException {
        try {
            return Invocation.from(client.next());
        } catch (RuntimeApiException e) {
            if (e.requestId() == null || e.status() != -1) {
                throw e;
            }
            ErrorRequest error = new ErrorRequest(e.getMessage(), RuntimeApi.FN_ERROR_INVALID_INVOCATION);
            send(e.requestId(), new Outcome.Failure(error, RuntimeApi.FN_ERROR_INVALID_INVOCATION, false));
            return null;
        }
    }

    /** Reports {@code outcome}; false when the process must exit after it. */
    private boolean send(String requestId, Outcome outcome) throws IOException {
        try {
            if (outcome instanceof Outcome.Success success) {
                client.postResponse(requestId, success.contentType(), success.payload());
            } else if (outcome instanceof Outcome.Failure failure) {
                client.postError(requestId, failure.errorType(), failure.error());
                if (failure.fatal()) {
                    err.println("coldbrew-runtime: stopping after request " + requestId + ": " + failure.errorType()
                            + ": " + failure.error().errorMessage());
                    return false;
                }
            }
        } catch (RuntimeApiException e) {
            if (e.status() < RuntimeApi.HTTP_BAD_REQUEST || e.status() >= RuntimeApi.HTTP_INTERNAL_ERROR) {
                throw e;
            }
            err.println("coldbrew-runtime: " + e.getMessage() + "; continuing with the next invocation");
        }
        return true;
    }
}
